#pragma once
// One run of a plan, as every executor (threads, MPI ranks, shards) carries it out:
// skip it when --resume finds its file complete and identical in plan, else run it into
// <out>/<run id>.h5; a run that throws is recorded as failed in a stub run file (root
// attributes plus `error`, complete = 0) so that the index, rebuilt from files, knows it.
#include <atomic>
#include <filesystem>
#include <string>

#include "sim/batch/run_plan.hpp"
#include "sim/run/run_scenario.hpp"

namespace sim::batch {

enum class RunStatus { complete, failed, partial, pending };
const char* status_name(RunStatus s);

struct RunResult {
  RunStatus status = RunStatus::pending;
  bool reused = false;  // --resume found it complete: not run again
  std::string error;
  double seconds = 0;
};

struct RunControl {
  std::filesystem::path out_dir;
  bool resume = false;
  const std::atomic<bool>* stop = nullptr;  // interrupts the run (file stays partial)
};

// What a run file on disk says about itself.
struct RunFileState {
  bool exists = false, readable = false, complete = false, failed = false;
  std::string run_id, parameters, error;
};
RunFileState inspect_run_file(const std::filesystem::path& path);

// True when `path` holds the finished run `run` of `plan` (same run id and parameters).
bool run_is_done(const RunPlan& plan, std::size_t run, const std::filesystem::path& path);

RunResult execute_run(const RunPlan& plan, std::size_t run, const ModelFactory& factory,
                      const RunControl& control);

}  // namespace sim::batch
