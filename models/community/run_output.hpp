#pragma once
// The community model's output beyond the daily series (docs/output-format.md): the tables
// /groups (one row per group ever founded, with its type, parent and lifetime totals: how a
// flash group that opens and closes between two daily measurements is measured), /interventions
// (the scenario's events as they fired), /events (the per-member event log, output.events) and
// the hourly series /hourly/<metric> (output.hourly).
#include <cstddef>
#include <vector>

#include "models/community/world.hpp"
#include "sim/output/metrics.hpp"
#include "sim/output/run_file.hpp"

namespace community {

struct RunTables {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t groups = none, interventions = none, events = none;
};

// Declares the tables on a new run file (the run loop declares the hourly series).
RunTables declare_run_output(const World& world, sim::RunFile& file);

// At the end of each day: the day's events and fired interventions appended, /groups replaced.
// Empties the buffers they came from.
void write_run_tables(World& world, const RunTables& tables, sim::RunFile& file);

// The hourly per-group series (empty unless output.hourly).
const std::vector<sim::MetricSpec>& hourly_metric_specs();

// Measures hour `t`, just simulated. `value_mark` keeps each group's lifetime value at the
// previous hour (the hour's value is the difference).
void measure_hour(const World& world, sim::Tick t, std::vector<double>& value_mark,
                  sim::DayFrame& frame);

}  // namespace community
