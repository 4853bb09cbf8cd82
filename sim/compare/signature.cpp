#include "sim/compare/signature.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "sim/batch/toml_util.hpp"
#include "sim/compare/summary_files.hpp"

namespace sim::compare {
namespace {

using batch::key_place;
using batch::place_of;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

class TableReader {
 public:
  TableReader(const toml::table& t, std::string file, std::string prefix)
      : t_(t), file_(std::move(file)), prefix_(std::move(prefix)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw InputError(key_place(file_, t_, key), "key '" + prefix_ + key + "': " + what);
  }
  SourcePlace place(const std::string& key) const { return key_place(file_, t_, key); }

  void only(const std::set<std::string>& allowed) const {
    for (auto&& [key, node] : t_) {
      std::string k(key.str());
      if (allowed.count(k)) continue;
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      throw InputError(place_of(file_, key.source()),
                       "unknown key '" + prefix_ + k + "' (known: " + list + ")");
    }
  }
  std::string text(const std::string& key, bool required) const {
    const toml::node* n = t_.get(key);
    if (!n) {
      if (required)
        throw InputError(SourcePlace{file_, static_cast<int>(t_.source().begin.line), 0},
                         "key '" + prefix_ + key + "' is missing");
      return "";
    }
    if (!n->is_string()) fail(key, "expects a string");
    return n->as_string()->get();
  }
  std::vector<std::string> texts(const std::string& key) const {
    std::vector<std::string> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(key, "expects a list of strings");
    for (const auto& e : *a) {
      if (!e.is_string()) fail(key, "expects a list of strings");
      out.push_back(e.as_string()->get());
    }
    return out;
  }
  measure::Expression expression(const std::string& key, const std::string& text,
                                 const std::vector<std::string>* variables = nullptr) const {
    try {
      return variables ? measure::Expression(text, *variables) : measure::Expression(text);
    } catch (const InputError& e) {
      fail(key, e.what());
    }
  }

 private:
  const toml::table& t_;
  std::string file_, prefix_;
};

// +1 when `expect` says failure should be above control, -1 below, 0 otherwise.
int direction_of(const measure::Expression& expect) {
  const char* op = expect.comparison_op();
  if (!op) return 0;
  const int up = (op[0] == '>') ? 1 : -1;
  if (expect.comparison_lhs_name() == "failure") return up;
  if (expect.comparison_rhs_name() == "failure") return -up;
  if (expect.comparison_lhs_name() == "control") return -up;
  if (expect.comparison_rhs_name() == "control") return up;
  return 0;
}

double mean_skipping_nan(const std::vector<double>& x) {
  double s = 0;
  std::size_t n = 0;
  for (double v : x)
    if (!std::isnan(v)) s += v, ++n;
  return n ? s / static_cast<double>(n) : nan;
}

std::string number(double v) {
  if (std::isnan(v)) return "NA";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::vector<std::string> Signature::metrics() const {
  std::set<std::string> out(plot.begin(), plot.end());
  for (const auto& c : checks)
    for (auto& m : c.measure.metrics()) out.insert(m);
  if (diagnosis)
    for (const auto& w : diagnosis->when)
      for (auto& m : w.metrics()) out.insert(m);
  return {out.begin(), out.end()};
}

std::optional<Signature> read_signature(const toml::table& document, const std::string& file) {
  const toml::node* node = document.get("signature");
  if (!node) return std::nullopt;
  const toml::table* t = node->as_table();
  if (!t) throw InputError(key_place(file, document, "signature"), "'signature' must be a table");
  TableReader r(*t, file, "signature.");
  r.only(
      {"mode", "claim", "summary", "control", "failure", "plot", "check", "knockout", "diagnosis"});
  Signature s;
  s.file = file;
  s.key = std::filesystem::path(file).stem().string();
  s.mode = r.text("mode", true);
  s.claim = r.text("claim", false);
  s.summary = r.text("summary", false);
  s.control = r.text("control", true);
  s.failure = r.text("failure", true);
  s.plot = r.texts("plot");
  if (const toml::table* arms = document["arms"].as_table())
    for (const auto& [name, node] : batch::in_file_order(*arms)) s.arms.push_back(name);
  std::vector<std::string> arms_vars = {"control", "failure"};
  for (const auto& a : s.arms)
    if (a != "control" && a != "failure") arms_vars.push_back(a);
  if (const toml::node* checks = t->get("check")) {
    const toml::array* a = checks->as_array();
    if (!a || !a->is_array_of_tables())
      r.fail("check", "expects [[signature.check]] tables (measure, expect, replicates)");
    for (const auto& e : *a) {
      const toml::table& ct = *e.as_table();
      TableReader cr(ct, file, "signature.check.");
      cr.only({"measure", "expect", "replicates"});
      const std::string m = cr.text("measure", true), x = cr.text("expect", true);
      SignatureCheck c{cr.expression("measure", m), cr.expression("expect", x, &arms_vars), 0,
                       cr.place("measure"), 0};
      if (const toml::node* reps = ct.get("replicates")) {
        auto v = reps->value<double>();
        if (!v || !(*v > 0 && *v <= 1))
          cr.fail("replicates", "expects the share of single replicates, in (0, 1]");
        c.replicates = *v;
      }
      c.direction = direction_of(c.expect);
      s.checks.push_back(std::move(c));
    }
  }
  if (const toml::node* kos = t->get("knockout")) {
    const toml::array* a = kos->as_array();
    if (!a || !a->is_array_of_tables())
      r.fail("knockout", "expects [[signature.knockout]] tables (removes, control, failure)");
    for (const auto& e : *a) {
      const toml::table& kt = *e.as_table();
      TableReader kr(kt, file, "signature.knockout.");
      kr.only({"removes", "control", "failure", "vanish_below"});
      Knockout k{kr.text("removes", true), kr.text("control", true), kr.text("failure", true), 0.5,
                 kr.place("control")};
      if (const toml::node* v = kt.get("vanish_below")) {
        auto x = v->value<double>();
        if (!x || *x < 0 || *x > 1) kr.fail("vanish_below", "expects a number in [0, 1]");
        k.vanish_below = *x;
      }
      s.knockouts.push_back(std::move(k));
    }
  }
  if (s.checks.empty())
    throw InputError(
        SourcePlace{file, static_cast<int>(t->source().begin.line), 0},
        "[signature] has no [[signature.check]]: say what the failure arm should show");
  if (const toml::node* dn = t->get("diagnosis")) {
    const toml::table* dt = dn->as_table();
    if (!dt) r.fail("diagnosis", "expects a table (when, evidence, unless)");
    TableReader dr(*dt, file, "signature.diagnosis.");
    dr.only({"when", "evidence", "unless"});
    DiagnosisRule rule;
    for (const auto& w : dr.texts("when")) rule.when.push_back(dr.expression("when", w));
    if (rule.when.empty()) dr.fail("when", "expects at least one condition");
    rule.evidence = dr.texts("evidence");
    rule.unless = dr.texts("unless");
    s.diagnosis = std::move(rule);
  }
  return s;
}

std::optional<Signature> read_signature_text(const std::string& text, const std::string& file) {
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(place_of(file, e.source()),
                     "TOML syntax error: " + std::string(e.description()));
  }
  return read_signature(doc, file);
}

void validate_signature(const Signature& s, const std::vector<std::string>& arms,
                        const std::vector<std::string>& daily_metrics) {
  const SourcePlace at{s.file, 0, 0};
  for (const auto* arm : {&s.control, &s.failure})
    if (std::find(arms.begin(), arms.end(), *arm) == arms.end())
      throw InputError(at,
                       "[signature] compares arm '" + *arm + "', which the file does not declare");
  for (const auto& m : s.metrics()) {
    if (std::find(daily_metrics.begin(), daily_metrics.end(), m) != daily_metrics.end()) continue;
    throw InputError(at, "[signature] reads '" + m +
                             "', which is not a daily metric (docs/output-format.md lists them)");
  }
}

std::vector<std::string> signature_arms(const Signature& s) {
  std::vector<std::string> out = {s.control, s.failure};
  auto add = [&](const std::string& a) {
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  for (const auto& k : s.knockouts) add(k.control), add(k.failure);
  for (const auto& c : s.checks)
    for (const auto& v : c.expect.variables_used())
      if (v != "control" && v != "failure") add(v);
  return out;
}

bool KnockoutResult::vanished() const {
  return !run ||
         std::all_of(effects.begin(), effects.end(), [](const Effect& e) { return e.vanished; });
}

bool SignatureResult::knockouts_vanish() const {
  return std::all_of(knockouts.begin(), knockouts.end(),
                     [](const KnockoutResult& k) { return k.vanished(); });
}

bool SignatureResult::holds() const {
  return knockouts_vanish() &&
         std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.holds; });
}

std::string SignatureResult::verdict() const {
  if (holds()) return "holds";
  for (const auto& c : checks)
    if (!c.direction_right) return "reverses";
  return "weakens";
}

SignatureResult evaluate_signature(
    const Signature& s,
    const std::map<std::string, std::vector<const measure::SeriesSource*>>& runs) {
  SignatureResult out;
  for (const auto* arm : {&s.control, &s.failure}) {
    auto it = runs.find(*arm);
    if (it == runs.end() || it->second.empty())
      throw InputError("no runs of arm '" + *arm + "' to evaluate the signature of " + s.file);
  }
  // Variables of `expect`, in the order read_signature declared them.
  std::vector<std::string> vars = {"control", "failure"};
  for (const auto& a : s.arms)
    if (a != "control" && a != "failure") vars.push_back(a);
  for (const auto& check : s.checks) {
    CheckResult r;
    r.measure = check.measure.text();
    r.expect = check.expect.text();
    std::map<std::string, std::vector<double>> per_arm;
    for (const auto& [arm, series] : runs)
      for (const auto* run : series) per_arm[arm].push_back(check.measure.over_run(*run));
    for (const auto& [arm, values] : per_arm) r.arms[arm] = mean_skipping_nan(values);
    r.control_runs = per_arm[s.control];
    r.failure_runs = per_arm[s.failure];
    r.control = r.arms[s.control];
    r.failure = r.arms[s.failure];
    for (const auto& v : check.expect.variables_used())
      if (v != "control" && v != "failure") r.other_arms.push_back(v);
    std::vector<double> values(vars.size(), nan);
    for (std::size_t k = 0; k < vars.size(); ++k) {
      const std::string& arm = k == 0 ? s.control : k == 1 ? s.failure : vars[k];
      if (auto it = r.arms.find(arm); it != r.arms.end()) values[k] = it->second;
    }
    r.replicates_needed = static_cast<int>(
        std::ceil(check.replicates * static_cast<double>(r.failure_runs.size()) - 1e-9));
    for (double f : r.failure_runs) {
      values[1] = f;
      r.replicates_beyond += check.expect.with(values) != 0;
    }
    values[1] = r.failure;
    r.holds = check.expect.with(values) != 0 && r.replicates_beyond >= r.replicates_needed;
    r.direction_right = check.direction == 0 ||
                        (check.direction > 0 ? r.failure > r.control : r.failure < r.control);
    out.checks.push_back(std::move(r));
  }
  for (const auto& k : s.knockouts) {
    KnockoutResult kr{k.removes, k.control, k.failure, k.vanish_below, {}};
    kr.run = runs.count(k.control) && runs.count(k.failure);
    if (!kr.run) {
      out.knockouts.push_back(std::move(kr));
      continue;
    }
    for (std::size_t c = 0; c < s.checks.size(); ++c) {
      const int dir = s.checks[c].direction;
      if (dir == 0) continue;
      const auto& arms = out.checks[c].arms;
      auto mean_of = [&](const std::string& arm) {
        auto it = arms.find(arm);
        return it == arms.end() ? nan : it->second;
      };
      KnockoutResult::Effect e{out.checks[c].measure,
                               dir * (out.checks[c].failure - out.checks[c].control),
                               dir * (mean_of(k.failure) - mean_of(k.control)), false};
      e.vanished = e.knocked_out <= k.vanish_below * e.full;
      kr.effects.push_back(e);
    }
    out.knockouts.push_back(std::move(kr));
  }
  return out;
}

void write_signature_files(const std::string& dir, const Signature& s,
                           const SignatureResult& result) {
  std::string csv =
      "measure,expect,control,failure,replicates_beyond,replicates_needed,holds,direction_right\n";
  auto quoted = [](const std::string& x) {
    std::string q = "\"";
    for (char c : x) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const auto& c : result.checks)
    csv += quoted(c.measure) + "," + quoted(c.expect) + "," + number(c.control) + "," +
           number(c.failure) + "," + std::to_string(c.replicates_beyond) + "," +
           std::to_string(c.replicates_needed) + "," + (c.holds ? "true" : "false") + "," +
           (c.direction_right ? "true" : "false") + "\n";
  std::string md =
      "# Signature: " + s.mode + (s.claim.empty() ? "" : " (" + s.claim + ")") + "\n\n" +
      (s.summary.empty() ? "" : s.summary + "\n\n") + "Arm `" + s.failure + "` against arm `" +
      s.control +
      "`; each measure is averaged over the replicates of an arm.\n\n"
      "| measure | expected | " +
      s.control + " | " + s.failure +
      " | other arms | single replicates | holds |\n|---|---|---:|---:|---|---:|---|\n";
  for (const auto& c : result.checks) {
    std::string others;  // the arms besides the two that the expectation compares
    for (const auto& a : c.other_arms) {
      auto it = c.arms.find(a);
      others += (others.empty() ? "" : "; ") + a + " " +
                (it == c.arms.end() ? std::string("not run") : number(it->second));
    }
    md += "| `" + c.measure + "` | `" + c.expect + "` | " + number(c.control) + " | " +
          number(c.failure) + " | " + others + " | " +
          (c.replicates_needed ? std::to_string(c.replicates_beyond) + " of " +
                                     std::to_string(c.failure_runs.size()) + " (need " +
                                     std::to_string(c.replicates_needed) + ")"
                               : std::string("")) +
          " | " + (c.holds ? "yes" : "**no**") + " |\n";
  }
  for (const auto& k : result.knockouts) {
    if (!k.run) {
      md += "\nKnock-out: " + k.removes + ": not run (arms `" + k.control + "`, `" + k.failure +
            "` left out).\n";
      continue;
    }
    md += "\nKnock-out: " + k.removes + " switched off (arm `" + k.failure + "` against `" +
          k.control + "`). The signature must vanish: each effect at most " +
          number(k.vanish_below) +
          " of the full one.\n\n| measure | full effect | knocked out | "
          "vanished |\n|---|---:|---:|---|\n";
    for (const auto& e : k.effects)
      md += "| `" + e.measure + "` | " + number(e.full) + " | " + number(e.knocked_out) + " | " +
            (e.vanished ? "yes" : "**no**") + " |\n";
  }
  md += "\nVerdict: **" + result.verdict() + "**" +
        (result.knockouts.empty()    ? std::string()
         : result.knockouts_vanish() ? "; the knock-outs make it vanish"
                                     : "; **a knock-out leaves it standing**") +
        ".\n";
  std::string ko =
      "removes,control,failure,measure,full_effect,knocked_out_effect,vanish_below,"
      "vanished\n";
  for (const auto& k : result.knockouts)
    for (const auto& e : k.effects)
      ko += quoted(k.removes) + "," + quoted(k.control) + "," + quoted(k.failure) + "," +
            quoted(e.measure) + "," + number(e.full) + "," + number(e.knocked_out) + "," +
            number(k.vanish_below) + "," + (e.vanished ? "true" : "false") + "\n";
  write_text_atomically(std::filesystem::path(dir) / "signature.csv", csv);
  if (!result.knockouts.empty())
    write_text_atomically(std::filesystem::path(dir) / "signature_knockouts.csv", ko);
  write_text_atomically(std::filesystem::path(dir) / "signature.md", md);
}

}  // namespace sim::compare
