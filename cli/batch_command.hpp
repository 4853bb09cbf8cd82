#pragma once
// What `commsim batch` and `commsim sweep` share: both run a plan of runs (files × arms ×
// sweep points × replicates) locally, on MPI ranks, or as one shard of a Slurm job array.
#include <cxxopts.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/batch/run_plan.hpp"

namespace cli {

enum class BatchMode { batch, sweep };

int run_batch_command(int argc, char** argv, BatchMode mode);

// Scenario files named on the command line: files as given, folders as their *.toml
// files (sorted by name, not recursive).
std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& given);

// Without --resume or --overwrite, an InputError when `out` already holds files of the
// selected runs: finished runs are not overwritten unless asked. `what` names the plan.
void refuse_existing_runs(const std::filesystem::path& out, const sim::batch::RunPlan& plan,
                          const std::vector<std::size_t>& selected,
                          const cxxopts::ParseResult& args, const std::string& what);

// `--dry-run`: "N runs planned<where>", then one line per run: id, seed, settings.
void print_plan(const sim::batch::RunPlan& plan, const std::vector<std::size_t>& selected,
                const std::string& where = "");

}  // namespace cli
