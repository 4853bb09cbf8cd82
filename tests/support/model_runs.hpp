#pragma once
// Runs a scenario in memory (no file) and keeps every day's measurements, for scenario-level
// tests: baseline properties and failure-mode signatures.
#include <map>
#include <string>
#include <vector>

#include "sim/output/metrics.hpp"

namespace testing_support {

struct DailySeries {
  std::vector<std::string> daily_names, platform_names;
  std::vector<sim::DayFrame> days;

  // Value of a per-group metric on `day` for `group`.
  double daily(const std::string& metric, std::size_t day, std::size_t group) const;
  // Mean over groups (NaN entries skipped) of a per-group metric on `day`.
  double group_mean(const std::string& metric, std::size_t day) const;
  // Mean over groups and over days [from, to) of a per-group metric.
  double window_mean(const std::string& metric, std::size_t from, std::size_t to) const;
  double platform(const std::string& metric, std::size_t day) const;
  std::size_t groups(std::size_t day) const { return days.at(day).groups; }
};

// `scenario` is a path relative to the source tree's scenarios/ folder.
DailySeries run_scenario_in_memory(const std::string& scenario, std::uint64_t seed,
                                   const std::vector<std::string>& overrides = {});

// The first replicate of one arm of a scenario file ("" for a file without arms), with the
// seed `commsim batch` would give it and `overrides` ("section.key=value") on the base.
DailySeries run_arm_in_memory(const std::string& scenario, const std::string& arm,
                              const std::vector<std::string>& overrides = {});

// Every run a scenario file plans (its arms × sweep points × replicates, with the seeds
// `commsim batch` would use), run in memory. Key: arm name, or "p<point>" for sweeps.
std::map<std::string, std::vector<DailySeries>> run_plan_in_memory(const std::string& scenario);

}  // namespace testing_support
