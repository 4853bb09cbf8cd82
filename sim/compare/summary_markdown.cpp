#include "sim/compare/summary_markdown.hpp"

#include <cstdio>
#include <variant>

#include "sim/compare/table_text.hpp"
#include "sim/version.hpp"

namespace sim::compare {
namespace {

std::string seeds_text(const CompareSummary& s) {
  return s.common_seeds ? "common to every arm (common random numbers)" : "independent per arm";
}

std::string arms_section(const CompareSummary& s) {
  std::string out = "## Arms\n\n| arm | settings (on the scenario's base) |\n|---|---|\n";
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    std::string settings = s.arms[a].settings;
    while (!settings.empty() && settings.back() == '\n') settings.pop_back();
    out += "| " + md_text(s.arms[a].name) + (a == 0 ? " (reference)" : "") + " | " +
           (settings.empty() ? "(the base as it is)" : md_text(settings)) + " |\n";
  }
  return out;
}

std::string metrics_section(const CompareSummary& s) {
  std::string out = "\n## Metrics\n\n| metric | unit | definition |\n|---|---|---|\n";
  for (const auto& m : s.metrics)
    out +=
        "| " + md_text(m.name) + " | " + md_text(m.unit) + " | " + md_text(m.description) + " |\n";
  out +=
      "\nPer-run values: `runs.csv` and `summary.h5` (`/runs`); every number in `summary.csv` at "
      "full "
      "precision. The run files are `<run id>.h5` in this folder, listed in `index.h5`.\n";
  return out;
}

std::string arms_markdown(const CompareSummary& s) {
  const std::string reference = s.arms.empty() ? "" : s.arms[0].name;
  const std::string pct = percent(s.level);
  std::string out = "# Comparison of arms: " + md_text(s.scenario_name) + "\n\n";
  out += std::to_string(s.arms.size()) + " arms x " + std::to_string(s.replicates) +
         " replicates = " + std::to_string(s.runs.size()) + " runs, every one complete; seeds " +
         seeds_text(s) + "; commsim " + version + ".\n\n";
  out += "**Statistics.** " + methods_text(s) + "\n\n";
  out += arms_section(s);
  out += "\n## Results\n\n";
  out += "| metric | arm | n | mean | " + pct + " CI | diff vs " + md_text(reference) + " | " +
         pct + " CI of diff | Hedges' g | p (Welch) |\n";
  out += "|---|---|---:|---:|---|---:|---|---:|---:|\n";
  for (const auto& r : s.rows) {
    const auto& w = r.vs_reference;
    out += "| " + md_text(s.metrics[r.metric].name) + " | " + md_text(s.arms[r.arm].name) + " | " +
           std::to_string(r.stats.n) + " | " + md_number(r.stats.mean) + " | [" +
           md_number(r.stats.ci_low) + ", " + md_number(r.stats.ci_high) + "] | ";
    if (r.reference)
      out += "(reference) | | | |\n";
    else
      out += md_number(w.difference) + " | [" + md_number(w.ci_low) + ", " + md_number(w.ci_high) +
             "] | " + md_number(r.hedges_g) + " | " + md_number(w.p_value) + " |\n";
  }
  out += metrics_section(s);
  return out;
}

// A swept value for people: reals to 6 significant digits (a range's 0.30000000000000004 reads
// 0.3; summary.csv keeps it exact), everything else as written.
std::string md_value(const ParamValue& v) {
  if (const auto* x = std::get_if<double>(&v)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", *x == 0 ? 0.0 : *x);
    return buf;
  }
  return md_text(value_text(v));
}

std::string with_ci(double value, double low, double high) {
  return md_number(value) + " [" + md_number(low) + ", " + md_number(high) + "]";
}

std::string sweep_markdown(const CompareSummary& s) {
  const SweepAxis& axis = *s.sweep;
  const std::string pct = percent(s.level);
  const bool by_arm = !s.reference_is_point();
  std::string values;
  for (std::size_t p = 0; p < axis.values.size(); ++p)
    values += (p ? ", " : "") + md_value(axis.values[p]);
  std::string out =
      "# Dose-response: " + md_text(s.scenario_name) + " over " + md_text(axis.parameter) + "\n\n";
  out += std::to_string(axis.values.size()) + " points of " + md_text(axis.parameter) + " (" +
         values + ") x " + std::to_string(s.arms.size()) + " arm" +
         (s.arms.size() == 1 ? "" : "s") + " x " + std::to_string(s.replicates) +
         " replicates = " + std::to_string(s.runs.size()) + " runs, every one complete; seeds " +
         (s.common_seeds ? "common to every arm and point (common random numbers)"
                         : "independent per arm and point") +
         "; commsim " + version + ".\n\n";
  out += "**Reference.** Each row is compared with " + md_text(reference_text(s)) + ".\n\n";
  out += "**Statistics.** " + methods_text(s) + "\n\n";
  if (by_arm) out += arms_section(s) + "\n";
  out += "## Results\n";
  const std::string against =
      by_arm ? md_text(s.arms[0].name) : md_text(axis.parameter) + " = " + md_value(axis.values[0]);
  for (std::size_t m = 0; m < s.metrics.size(); ++m) {
    const MetricInfo& metric = s.metrics[m];
    out += "\n### " + md_text(metric.name) +
           (metric.unit.empty() ? "" : " (" + md_text(metric.unit) + ")") + "\n\n";
    out += "| " + md_text(axis.parameter) + (by_arm ? " | arm" : "") + " | n | mean [" + pct +
           " CI] | diff vs " + against + " [" + pct + " CI] | Hedges' g | p (Welch) |\n";
    out += std::string("|---:") + (by_arm ? "|---" : "") + "|---:|---|---|---:|---:|\n";
    for (const auto& r : s.rows) {
      if (r.metric != m) continue;
      const auto& w = r.vs_reference;
      out += "| " + md_value(axis.values.at(static_cast<std::size_t>(r.point))) +
             (by_arm ? " | " + md_text(s.arms[r.arm].name) : "") + " | " +
             std::to_string(r.stats.n) + " | " +
             with_ci(r.stats.mean, r.stats.ci_low, r.stats.ci_high) + " | ";
      if (r.reference)
        out += "(reference) | | |\n";
      else
        out += with_ci(w.difference, w.ci_low, w.ci_high) + " | " + md_number(r.hedges_g) + " | " +
               md_number(w.p_value) + " |\n";
    }
  }
  out += metrics_section(s);
  return out;
}

}  // namespace

std::string summary_markdown(const CompareSummary& s) {
  return s.sweep ? sweep_markdown(s) : arms_markdown(s);
}

}  // namespace sim::compare
