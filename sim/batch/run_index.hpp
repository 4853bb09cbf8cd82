#pragma once
// The index of a batch folder, DIR/index.h5 (layout in docs/cluster.md, "The index"):
//   root attributes   commsim_version, index_format_version, runs_total, runs_complete,
//                     runs_failed, runs_partial, runs_pending, runs_damaged,
//                     parameter_columns, summary_columns
//   /runs/<column>    one 1-D dataset per column, one row per run in plan order:
//                     run_id, file, scenario_name, arm, point, replicate, seed, status,
//                     error, days_written, days_planned
//   /runs/params/<p>  every parameter some run sets apart (arm overrides, sweep values),
//                     as used by each run (read from its /parameters)
//   /runs/summary/<m>_final, <m>_mean   headline metrics from each complete run's /platform
//   /files/<run_id>   HDF5 external link to the run file's root: the sweep opens as one file
// Everything is rebuilt from the run files (and DIR/plan.tsv, the run list written when a
// batch starts, which adds the runs not started yet as "pending"), so the index never
// disagrees with the files and never records timings: an interrupted-then-resumed sweep
// gives the same index as an uninterrupted one.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/batch/run_plan.hpp"

namespace sim::batch {

inline constexpr const char* index_file_name = "index.h5";
inline constexpr const char* manifest_file_name = "plan.tsv";
inline constexpr int index_format_version = 1;

// Writes DIR/plan.tsv (order, run id, file, seed), atomically.
void write_manifest(const std::filesystem::path& dir, const RunPlan& plan);

struct IndexCounts {
  std::size_t total = 0, complete = 0, failed = 0, partial = 0, pending = 0, damaged = 0;
  std::vector<std::string> problems;  // "failed: run_id: error", "damaged: run_id (file): fault"
  std::vector<std::string> notes;     // files in DIR left out of the index, and why
};

// Rebuilds DIR/index.h5 from the run files in DIR, atomically (write, then rename). A run
// file is `complete` only when RunReader finds it sound with every dataset read through; a
// file that says complete = 1 but fails a check is `damaged`, with the fault as its error.
IndexCounts build_index(const std::filesystem::path& dir);

}  // namespace sim::batch
