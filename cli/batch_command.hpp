#pragma once
// What `commsim batch` and `commsim sweep` share: both run a plan of runs (files × arms ×
// sweep points × replicates) locally, on MPI ranks, or as one shard of a Slurm job array.
#include <string>
#include <vector>

namespace cli {

enum class BatchMode { batch, sweep };

int run_batch_command(int argc, char** argv, BatchMode mode);

// Scenario files named on the command line: files as given, folders as their *.toml
// files (sorted by name, not recursive).
std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& given);

}  // namespace cli
