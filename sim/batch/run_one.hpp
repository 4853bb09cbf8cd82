#pragma once
// One run of a plan, as every executor (threads, MPI ranks, shards) carries it out:
// skip it when --resume finds its file complete and identical in plan, else run it into
// <out>/<run id>.h5 (written as <run id>.h5.part until it is complete, see RunFile); a run
// that throws is recorded as failed in a stub run file (root attributes plus `error`,
// complete = 0) so that the index, rebuilt from files, knows it.
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

// Whether `path` holds the finished run `run` of `plan`: complete, sound (every dataset read
// through), with the same run id and parameters. When not, `why` says what is there instead:
// "not run", "partial (...)", "failed: <error>", "damaged: <fault>", "stale (...)".
struct DoneCheck {
  bool done = false;
  std::string why;
};
DoneCheck check_done(const RunPlan& plan, std::size_t run, const std::filesystem::path& path);
inline bool run_is_done(const RunPlan& plan, std::size_t run, const std::filesystem::path& path) {
  return check_done(plan, run, path).done;
}

RunResult execute_run(const RunPlan& plan, std::size_t run, const ModelFactory& factory,
                      const RunControl& control);

}  // namespace sim::batch
