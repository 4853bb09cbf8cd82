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
  r.only({"mode", "claim", "summary", "control", "failure", "plot", "check", "diagnosis"});
  Signature s;
  s.file = file;
  s.key = std::filesystem::path(file).stem().string();
  s.mode = r.text("mode", true);
  s.claim = r.text("claim", false);
  s.summary = r.text("summary", false);
  s.control = r.text("control", true);
  s.failure = r.text("failure", true);
  s.plot = r.texts("plot");
  const std::vector<std::string> arms_vars = {"control", "failure"};
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
        auto v = reps->as_integer();
        if (!v || v->get() < 0) cr.fail("replicates", "expects a whole number >= 0");
        c.replicates = static_cast<int>(v->get());
      }
      c.direction = direction_of(c.expect);
      s.checks.push_back(std::move(c));
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

bool SignatureResult::holds() const {
  return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.holds; });
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
  auto series = [&](const std::string& arm) -> const std::vector<const measure::SeriesSource*>& {
    auto it = runs.find(arm);
    if (it == runs.end() || it->second.empty())
      throw InputError("no runs of arm '" + arm + "' to evaluate the signature of " + s.file);
    return it->second;
  };
  for (const auto& check : s.checks) {
    CheckResult r;
    r.measure = check.measure.text();
    r.expect = check.expect.text();
    for (const auto* run : series(s.control))
      r.control_runs.push_back(check.measure.over_run(*run));
    for (const auto* run : series(s.failure))
      r.failure_runs.push_back(check.measure.over_run(*run));
    r.control = mean_skipping_nan(r.control_runs);
    r.failure = mean_skipping_nan(r.failure_runs);
    r.replicates_needed = check.replicates;
    for (double f : r.failure_runs) r.replicates_beyond += check.expect.with({r.control, f}) != 0;
    r.holds = check.expect.with({r.control, r.failure}) != 0 &&
              r.replicates_beyond >= r.replicates_needed;
    r.direction_right = check.direction == 0 ||
                        (check.direction > 0 ? r.failure > r.control : r.failure < r.control);
    out.checks.push_back(std::move(r));
  }
  return out;
}

void write_signature_files(const std::string& dir, const Signature& s,
                           const SignatureResult& result) {
  std::string csv = "measure,expect,control,failure,replicates_beyond,replicates_needed,holds\n";
  auto quoted = [](const std::string& x) {
    std::string q = "\"";
    for (char c : x) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const auto& c : result.checks)
    csv += quoted(c.measure) + "," + quoted(c.expect) + "," + number(c.control) + "," +
           number(c.failure) + "," + std::to_string(c.replicates_beyond) + "," +
           std::to_string(c.replicates_needed) + "," + (c.holds ? "true" : "false") + "\n";
  std::string md = "# Signature: " + s.mode + (s.claim.empty() ? "" : " (" + s.claim + ")") +
                   "\n\n" + (s.summary.empty() ? "" : s.summary + "\n\n") + "Arm `" + s.failure +
                   "` against arm `" + s.control +
                   "`; each measure is averaged over the replicates of an arm.\n\n"
                   "| measure | expected | " +
                   s.control + " | " + s.failure +
                   " | single replicates | holds |\n|---|---|---:|---:|---:|---|\n";
  for (const auto& c : result.checks)
    md += "| `" + c.measure + "` | `" + c.expect + "` | " + number(c.control) + " | " +
          number(c.failure) + " | " +
          (c.replicates_needed ? std::to_string(c.replicates_beyond) + " of " +
                                     std::to_string(c.failure_runs.size()) + " (need " +
                                     std::to_string(c.replicates_needed) + ")"
                               : std::string("")) +
          " | " + (c.holds ? "yes" : "**no**") + " |\n";
  md += "\nVerdict: **" + result.verdict() + "**.\n";
  write_text_atomically(std::filesystem::path(dir) / "signature.csv", csv);
  write_text_atomically(std::filesystem::path(dir) / "signature.md", md);
}

}  // namespace sim::compare
