#include "sim/compare/compare_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/input_error.hpp"

namespace sim::compare {

std::vector<RunMeasures> measure_runs(const batch::RunPlan& plan, const std::filesystem::path& dir,
                                      const HeadlineMetrics& metrics) {
  std::vector<RunMeasures> out;
  out.reserve(plan.runs.size());
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const batch::PlannedRun& planned = plan.runs[i];
    const std::filesystem::path path = dir / plan.file_name(i);
    RunReader reader(path);
    reader.require_complete();
    if (reader.has_attribute("run_id") && reader.text_attribute("run_id") != planned.run_id)
      throw InputError("run file '" + path.string() + "': holds run '" +
                       reader.text_attribute("run_id") + "', not '" + planned.run_id + "'");
    RunMeasures m;
    m.run_id = planned.run_id;
    m.arm = plan.sources[planned.source].arms[planned.arm].name;
    m.arm_index = planned.arm;
    m.replicate = planned.replicate;
    m.seed = planned.seed;
    for (const auto& metric : metrics) {
      try {
        m.values.push_back(metric.compute(reader));
      } catch (const InputError& e) {
        throw InputError("headline metric '" + metric.name + "': " + e.what());
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::string methods_text(double level, const std::string& reference_arm) {
  const std::string pct = std::to_string(static_cast<int>(std::lround(level * 100))) + "%";
  return "Each metric is one number per run. Per arm: n replicates, the mean, the sample SD and "
         "the " +
         pct +
         " confidence interval of the mean (Student t, n - 1 df). Against the reference arm '" +
         reference_arm + "' (the first arm): the difference of means (arm - reference) with its " +
         pct +
         " confidence interval from Welch's t (unequal variances, Welch-Satterthwaite df) and the "
         "two-sided "
         "p-value, and the standardized effect size Hedges' g (difference / pooled SD, times the "
         "exact "
         "small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - "
         "2). "
         "NaN values of a metric are left out (n counts the rest).";
}

CompareSummary summarize(std::vector<ArmInfo> arms, std::vector<MetricInfo> metrics,
                         std::vector<RunMeasures> runs, double level) {
  CompareSummary s;
  s.arms = std::move(arms);
  s.metrics = std::move(metrics);
  s.level = level;
  std::stable_sort(runs.begin(), runs.end(), [](const RunMeasures& a, const RunMeasures& b) {
    return a.arm_index != b.arm_index ? a.arm_index < b.arm_index : a.replicate < b.replicate;
  });
  s.runs = std::move(runs);
  for (const auto& r : s.runs) {
    if (r.arm_index >= s.arms.size())
      throw std::logic_error("run " + r.run_id + " names an unknown arm");
    if (r.values.size() != s.metrics.size())
      throw std::logic_error("run " + r.run_id + ": wrong number of metrics");
  }
  auto sample = [&](std::size_t metric, std::size_t arm) {
    std::vector<double> v;
    for (const auto& r : s.runs)
      if (r.arm_index == arm) v.push_back(r.values[metric]);
    return v;
  };
  for (std::size_t m = 0; m < s.metrics.size(); ++m) {
    const std::vector<double> reference = sample(m, 0);
    for (std::size_t a = 0; a < s.arms.size(); ++a) {
      const std::vector<double> values = sample(m, a);
      ArmRow row;
      row.metric = m;
      row.arm = a;
      row.stats = stats::describe(values, level);
      row.reference = a == 0;
      if (row.reference) {
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        row.vs_reference.n_arm = row.vs_reference.n_reference = row.stats.n;
        row.vs_reference.difference = row.vs_reference.ci_low = row.vs_reference.ci_high = 0;
        row.vs_reference.se = 0;
        row.vs_reference.df = row.vs_reference.t = row.vs_reference.p_value = nan;
        row.hedges_g = 0;
      } else {
        row.vs_reference = stats::welch_test(values, reference, level);
        row.hedges_g = stats::hedges_g(values, reference);
      }
      s.rows.push_back(row);
    }
  }
  return s;
}

CompareSummary summarize_plan(const batch::RunPlan& plan, const HeadlineMetrics& metrics,
                              std::vector<RunMeasures> runs, double level) {
  if (plan.sources.size() != 1)
    throw std::logic_error("compare summarizes a plan of one scenario file");
  const batch::SourcePlan& sp = plan.sources[0];
  std::vector<ArmInfo> arms;
  for (const auto& a : sp.arms) arms.push_back({a.name, batch::settings_text(a.settings)});
  std::vector<MetricInfo> infos;
  for (const auto& m : metrics) infos.push_back({m.name, m.unit, m.description});
  CompareSummary s = summarize(std::move(arms), std::move(infos), std::move(runs), level);
  s.scenario_name = sp.name;
  s.replicates = sp.replicates;
  s.common_seeds = sp.common_seeds;
  return s;
}

}  // namespace sim::compare
