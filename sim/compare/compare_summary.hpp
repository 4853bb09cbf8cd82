#pragma once
// `commsim compare`, engine side: the headline metrics of every run of a plan (arms x
// replicates, or arms x points of a one-parameter sweep x replicates), and per arm (and
// point) and metric the mean with its confidence interval and the comparison with a reference
// (Welch's difference of means, Hedges' g): the first arm at the same point, or for a sweep
// of one arm the first point (a dose-response). Model-agnostic: the metrics come in as a
// list (sim/compare/headline_metric.hpp).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/run_plan.hpp"
#include "sim/compare/headline_metric.hpp"
#include "sim/compare/sweep_axis.hpp"
#include "sim/stats/descriptive.hpp"
#include "sim/stats/welch.hpp"

namespace sim::compare {

struct RunMeasures {
  std::string run_id, arm;
  std::size_t arm_index = 0;
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
  std::vector<double> values;  // one per headline metric, in the list's order
  std::int64_t point = -1;     // sweep point number; -1 without a sweep (last, so that
                               // initializers written before sweeps still mean the same)
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

// One row of the summary: one metric in one arm (at one sweep point).
struct ArmRow {
  std::size_t metric = 0, arm = 0;
  std::int64_t point = -1;            // sweep point; -1 without a sweep
  std::int64_t reference_point = -1;  // the point of the reference it is compared with
  stats::Description stats;           // over the cell's replicates (NaN values left out)
  bool reference = false;             // the reference itself: difference 0 by definition
  stats::WelchResult vs_reference;    // difference = mean(this cell) - mean(reference)
  double hedges_g = 0;
};

struct CompareSummary {
  std::string scenario_name;
  std::vector<ArmInfo> arms;  // in file order; arms[0] is the reference
  std::vector<MetricInfo> metrics;
  std::vector<RunMeasures> runs;  // by arm, then point, then replicate
  std::vector<ArmRow> rows;       // metric by metric; within one, point by point (in point
                                  // number order), each with every arm in order
  double level = 0.95;
  int replicates = 0;
  bool common_seeds = false;
  std::optional<SweepAxis> sweep;  // the swept parameter (a dose-response), or none

  // The reference is the first sweep point (a sweep of one arm), not the first arm at the
  // same point.
  bool reference_is_point() const { return sweep && arms.size() < 2; }
};

// The statistics over `runs` (with `sweep`: each run's point indexes its values). Rows of
// the reference have difference 0, an interval [0, 0] and g = 0, with df and p NaN.
CompareSummary summarize(std::vector<ArmInfo> arms, std::vector<MetricInfo> metrics,
                         std::vector<RunMeasures> runs, double level = 0.95,
                         std::optional<SweepAxis> sweep = std::nullopt);

// The same for a plan of one scenario file (its arms, sweep, replicates and seed mode).
CompareSummary summarize_plan(const batch::RunPlan& plan, const HeadlineMetrics& metrics,
                              std::vector<RunMeasures> runs, double level = 0.95);

// What each row is compared with, as a phrase: "the reference arm 'control' (the first
// arm)", "the first arm 'control' at the same groups.fee", "the first sweep point (groups.fee
// = 0)" (summary.md says it; summary.h5 carries it as attribute `reference`).
std::string reference_text(const CompareSummary& s);

// What the statistics are, in one paragraph (summary.md and summary.h5 carry it).
std::string methods_text(const CompareSummary& s);

}  // namespace sim::compare
