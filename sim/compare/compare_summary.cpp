#include "sim/compare/compare_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "sim/compare/table_text.hpp"
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
    m.point = planned.point;
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

std::string reference_text(const CompareSummary& s) {
  const std::string first = s.arms.empty() ? "" : s.arms[0].name;
  if (!s.sweep) return "the reference arm '" + first + "' (the first arm)";
  if (!s.reference_is_point())
    return "the first arm '" + first + "' at the same " + s.sweep->parameter;
  return "the first sweep point (" + s.sweep->parameter + " = " +
         (s.sweep->values.empty() ? "" : value_text(s.sweep->values[0])) + ")";
}

std::string methods_text(const CompareSummary& s) {
  const std::string pct = percent(s.level);
  const std::string per = !s.sweep                 ? "Per arm"
                          : s.reference_is_point() ? "Per sweep point"
                                                   : "Per arm and sweep point";
  const std::string minus = s.reference_is_point() ? "point - reference" : "arm - reference";
  const std::string against = reference_text(s);
  return "Each metric is one number per run. " + per +
         ": n replicates, the mean, the sample SD and the " + pct +
         " confidence interval of the mean (Student t, n - 1 df). Against " + against +
         ": the difference of means (" + minus + ") with its " + pct +
         " confidence interval from Welch's t (unequal variances, Welch-Satterthwaite df) and the "
         "two-sided "
         "p-value, and the standardized effect size Hedges' g (difference / pooled SD, times the "
         "exact "
         "small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - "
         "2). "
         "NaN values of a metric are left out (n counts the rest).";
}

CompareSummary summarize(std::vector<ArmInfo> arms, std::vector<MetricInfo> metrics,
                         std::vector<RunMeasures> runs, double level,
                         std::optional<SweepAxis> sweep) {
  CompareSummary s;
  s.arms = std::move(arms);
  s.metrics = std::move(metrics);
  s.level = level;
  s.sweep = std::move(sweep);
  std::stable_sort(runs.begin(), runs.end(), [](const RunMeasures& a, const RunMeasures& b) {
    return std::tie(a.arm_index, a.point, a.replicate) <
           std::tie(b.arm_index, b.point, b.replicate);
  });
  s.runs = std::move(runs);
  // Cells: the runs of one arm at one point (the one "point" -1 without a sweep).
  const std::size_t points = s.sweep ? s.sweep->values.size() : 1;
  auto cell_of = [&](std::size_t arm, std::int64_t point) {
    return arm * points + static_cast<std::size_t>(s.sweep ? point : 0);
  };
  std::vector<std::vector<std::size_t>> cells(s.arms.size() * points);
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    const RunMeasures& r = s.runs[i];
    if (r.arm_index >= s.arms.size())
      throw std::logic_error("run " + r.run_id + " names an unknown arm");
    if (r.values.size() != s.metrics.size())
      throw std::logic_error("run " + r.run_id + ": wrong number of metrics");
    if (s.sweep ? r.point < 0 || static_cast<std::size_t>(r.point) >= points : r.point != -1)
      throw std::logic_error("run " + r.run_id + ": point " + std::to_string(r.point) +
                             " is not in the sweep");
    cells[cell_of(r.arm_index, r.point)].push_back(i);
  }
  auto sample = [&](std::size_t metric, std::size_t arm, std::int64_t point) {
    std::vector<double> v;
    for (std::size_t i : cells[cell_of(arm, point)]) v.push_back(s.runs[i].values[metric]);
    return v;
  };
  for (std::size_t m = 0; m < s.metrics.size(); ++m) {
    for (std::size_t p = 0; p < points; ++p) {
      const std::int64_t point = s.sweep ? static_cast<std::int64_t>(p) : -1;
      const std::int64_t reference_point = s.reference_is_point() ? 0 : point;
      const std::vector<double> reference = sample(m, 0, reference_point);
      for (std::size_t a = 0; a < s.arms.size(); ++a) {
        const std::vector<double> values = sample(m, a, point);
        ArmRow row;
        row.metric = m;
        row.arm = a;
        row.point = point;
        row.reference_point = reference_point;
        row.stats = stats::describe(values, level);
        row.reference = a == 0 && point == reference_point;
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
  std::optional<SweepAxis> sweep;
  if (sp.sweep) sweep = one_axis(*sp.sweep);
  CompareSummary s =
      summarize(std::move(arms), std::move(infos), std::move(runs), level, std::move(sweep));
  s.scenario_name = sp.name;
  s.replicates = sp.replicates;
  s.common_seeds = sp.common_seeds;
  return s;
}

}  // namespace sim::compare
