#pragma once
// One run of a plan, as every executor (threads, MPI ranks, shards) carries it out:
// skip it when --resume finds its file complete and identical in plan, else run it into
// <out>/<run id>.h5 (written as <run id>.h5.part until it is complete, see RunFile); a run
// that throws is recorded as failed in a stub run file (root attributes plus `error`,
// complete = 0) so that the index, rebuilt from files, knows it.
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

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

// --resume: which of `runs` are already done (1) in `out_dir`, checked one after another in
// the calling thread. Call it before any run of the batch starts: each check of a file not in
// the folder's fingerprint logs reads it in a forked child (RunReader), and a child forked while
// other threads are busy inherits the locks they hold at that instant (ASan's allocator, for one,
// has no fork handler in clang 16) and can wait for ever on one of them; the check then times out
// and calls a complete file damaged.
std::vector<char> runs_done(const RunPlan& plan, const std::vector<std::size_t>& runs,
                            const std::filesystem::path& out_dir);

// One run. With control.resume it is first checked (run_is_done) and skipped when done: for
// a caller whose other threads are idle; the executors settle that before with runs_done and
// pass resume = false.
RunResult execute_run(const RunPlan& plan, std::size_t run, const ModelFactory& factory,
                      const RunControl& control);

}  // namespace sim::batch
