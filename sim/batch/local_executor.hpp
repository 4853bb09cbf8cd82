#pragma once
// Runs a selection of a plan's runs on this machine, `jobs` at a time, in plan order as
// slots free up (dynamic: runs differ in length). Results do not depend on `jobs` or on
// the thread count: each run is a pure function of its scenario and seed.
#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "sim/batch/run_one.hpp"

namespace sim::batch {

struct BatchOptions {
  std::filesystem::path out_dir;
  bool resume = false;
  bool fail_fast = false;  // stop at the first failed run (runs in flight are interrupted)
  bool quiet = false;
  std::size_t jobs = 0;  // runs at once; 0: as many as TBB may use threads
  std::string label = "batch";
  const std::atomic<bool>* stop = nullptr;  // SIGINT/SIGTERM
};

struct BatchSummary {
  std::size_t selected = 0, complete = 0, failed = 0, partial = 0, reused = 0, not_started = 0;
  bool interrupted = false;  // stopped by a signal
  bool aborted = false;      // stopped by --fail-fast
  std::string first_error;   // "run_id: message"
  double runs_per_second = 0;
  void add(const RunPlan& plan, std::size_t run, const RunResult& r);
};

BatchSummary run_local(const RunPlan& plan, const std::vector<std::size_t>& runs,
                       const ModelFactory& factory, const BatchOptions& options);

// The default number of runs at once: TBB's current thread limit.
std::size_t default_jobs();

}  // namespace sim::batch
