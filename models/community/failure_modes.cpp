#include "models/community/failure_modes.hpp"

#include <algorithm>

#include <toml++/toml.h>

#include "sim/batch/toml_util.hpp"

namespace community {

const std::vector<sim::compare::Signature>& failure_modes() {
  static const std::vector<sim::compare::Signature> modes = [] {
    std::vector<sim::compare::Signature> out;
    for (const auto& f : embedded_failure_scenarios())
      if (auto s = sim::compare::read_signature_text(f.text, f.path)) out.push_back(std::move(*s));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.claim < b.claim; });
    return out;
  }();
  return modes;
}

const sim::compare::Signature* failure_mode(const std::string& key) {
  for (const auto& m : failure_modes())
    if (m.key == key) return &m;
  return nullptr;
}

namespace {

// "k = v; k = v" for the settings of one arm of an embedded file.
std::string arm_settings(const std::string& text, const std::string& arm) {
  toml::table doc = toml::parse(text);
  const toml::table* arms = doc["arms"].as_table();
  const toml::table* t = arms ? (*arms)[arm].as_table() : nullptr;
  if (!t) return "";
  std::string out;
  auto walk = [&](auto&& self, const toml::table& table, const std::string& prefix) -> void {
    for (const auto& [key, node] : sim::batch::in_file_order(table)) {
      if (const toml::table* sub = node->as_table()) {
        self(self, *sub, prefix + key + ".");
        continue;
      }
      std::string value;
      if (auto v = sim::batch::toml_scalar(*node)) value = sim::format_value(*v);
      out += (out.empty() ? "" : "; ") + prefix + key + " = " + value;
    }
  };
  walk(walk, *t, "");
  return out;
}

std::string code(const std::string& s) {
  std::string out = "`";
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out + "`";
}

}  // namespace

std::string failure_modes_markdown() {
  std::string md =
      "| file | claim | mode | failure arm (control) | signature: the failure arm vs the control "
      "| diagnose names it in a group when |\n|---|---|---|---|---|---|\n";
  for (const auto& m : failure_modes()) {
    std::string text;
    for (const auto& f : embedded_failure_scenarios())
      if (m.file == f.path) text = f.text;
    std::string checks, when;
    for (const auto& c : m.checks)
      checks +=
          (checks.empty() ? "" : "<br>") + code(c.measure.text()) + ": " + code(c.expect.text());
    if (m.diagnosis)
      for (const auto& w : m.diagnosis->when)
        when += (when.empty() ? "" : " and ") + code(w.text());
    md += "| `" + m.file + "` | " + m.claim + " | " + m.mode + " (" + m.summary + ") | " +
          arm_settings(text, m.failure) + " (" + arm_settings(text, m.control) + ") | " + checks +
          " | " + when + " |\n";
  }
  return md;
}

}  // namespace community
