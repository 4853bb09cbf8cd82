#pragma once
// The runs of a batch: every scenario file, times its arms, times its sweep points, times
// its replicates, each with its own seed and run id. Built and fully checked before any
// run starts. Scenario-file syntax (docs/cluster.md):
//
//   [arms.control]                     # named arms: parameter overrides on the base
//   [arms.failure]
//   groups.count = 3
//   [replicates]
//   count = 5                          # runs per (arm, point); --replicates overrides
//   seeds = "independent"              # or "common": same seeds in every arm and point
//   [sweep] ...                        # see sweep_design.hpp
//
// Run order: per file, replicate by replicate; within a replicate the sweep points in
// their interleaved order; within a point every arm. Run id:
// <scenario name>[.<arm>][.p<point>].r<replicate>, file <run id>.h5.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/batch/sweep_design.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::batch {

struct Setting {
  std::string path;
  ParamValue value;
};

struct Arm {
  std::string name;                          // "base" when the file declares no arms
  std::vector<Setting> settings;             // its overrides, in file order
  std::shared_ptr<const Scenario> scenario;  // base + overrides
};

struct SourcePlan {
  std::string path;
  std::string name;  // scenario name (file stem)
  bool has_arms = false;
  std::vector<Arm> arms;
  std::optional<SweepDesign> sweep;
  int replicates = 1;
  bool common_seeds = false;
  // Settings another setting makes irrelevant, once each (sim/params/consistency.hpp);
  // contradictions are refused while planning.
  std::vector<std::string> warnings;
};

struct PlannedRun {
  std::size_t source = 0, arm = 0;
  std::int64_t point = -1;  // sweep point number; -1 without a sweep
  int replicate = 0;
  std::uint64_t seed = 0;
  std::string run_id;
};

struct PlanOptions {
  std::vector<std::string> overrides;  // --set, applied to the base of every file
  std::optional<std::uint64_t> seed;   // --seed: the base seed
  std::optional<int> replicates;       // --replicates
};

struct RunPlan {
  std::vector<SourcePlan> sources;
  std::vector<PlannedRun> runs;

  std::string file_name(std::size_t run) const { return runs[run].run_id + ".h5"; }
  // The arm's overrides then the sweep point's values: what sets this run apart.
  std::vector<Setting> settings(std::size_t run) const;
  // The fully resolved scenario of one run (its run.seed is the run's seed).
  Scenario scenario(std::size_t run) const;
  // Root attributes for the run file: run_id, arm, arm_index, replicate, point, settings.
  // Nothing that depends on where or how the run was started (paths, order, rank).
  std::vector<std::pair<std::string, ParamValue>> attributes(std::size_t run) const;
};

// Reserved top-level tables that load_scenario leaves to the planner.
// [calibration]: targets that scripts/calibrate.py reads (scenarios/calibration/).
inline const std::set<std::string> batch_sections = {"sweep", "arms", "replicates", "signature",
                                                     "calibration"};

RunPlan plan_runs(const std::vector<std::string>& files, const ParamRegistry& registry,
                  const PlanOptions& options = {});

// `settings` attribute text: one `path = value` line per setting.
std::string settings_text(const std::vector<Setting>& settings);

}  // namespace sim::batch
