#pragma once
// `commsim compare`, engine side: the headline metrics of every run of a plan (arms x
// replicates), and per arm and metric the mean with its confidence interval and the
// comparison with the first arm (Welch's difference of means, Hedges' g). Model-agnostic:
// the metrics come in as a list (sim/compare/headline_metric.hpp).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/batch/run_plan.hpp"
#include "sim/compare/headline_metric.hpp"
#include "sim/stats/descriptive.hpp"
#include "sim/stats/welch.hpp"

namespace sim::compare {

struct RunMeasures {
  std::string run_id, arm;
  std::size_t arm_index = 0;
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
  std::vector<double> values;  // one per headline metric, in the list's order
};

// Opens the file of every run of `plan` in `dir` and computes each metric. InputError
// naming the file (and dataset) when a file is missing, not complete, from another plan,
// or lacks a dataset a metric needs.
std::vector<RunMeasures> measure_runs(const batch::RunPlan& plan, const std::filesystem::path& dir,
                                      const HeadlineMetrics& metrics);

struct ArmInfo {
  std::string name;
  std::string settings;  // `path = value` lines: what the arm changes on the base
};

struct MetricInfo {
  std::string name, unit, description;
};

// One row of the summary: one metric in one arm.
struct ArmRow {
  std::size_t metric = 0, arm = 0;
  stats::Description stats;         // over the arm's replicates (NaN values left out)
  bool reference = false;           // the first arm: difference 0 by definition
  stats::WelchResult vs_reference;  // difference = mean(this arm) - mean(first arm)
  double hedges_g = 0;
};

struct CompareSummary {
  std::string scenario_name;
  std::vector<ArmInfo> arms;  // in file order; arms[0] is the reference
  std::vector<MetricInfo> metrics;
  std::vector<RunMeasures> runs;  // by arm, then replicate
  std::vector<ArmRow> rows;       // metric by metric, each with every arm in order
  double level = 0.95;
  int replicates = 0;
  bool common_seeds = false;
};

// The statistics over `runs`. Rows for the reference arm have difference 0, an interval
// [0, 0] and g = 0, with df and p NaN.
CompareSummary summarize(std::vector<ArmInfo> arms, std::vector<MetricInfo> metrics,
                         std::vector<RunMeasures> runs, double level = 0.95);

// The same for a plan of one scenario file (its arms, replicates and seed mode).
CompareSummary summarize_plan(const batch::RunPlan& plan, const HeadlineMetrics& metrics,
                              std::vector<RunMeasures> runs, double level = 0.95);

// What the statistics are, in one paragraph (summary.md and summary.h5 carry it).
std::string methods_text(double level, const std::string& reference_arm);

}  // namespace sim::compare
