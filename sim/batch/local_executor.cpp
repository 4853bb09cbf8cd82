#include "sim/batch/local_executor.hpp"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "sim/batch/batch_progress.hpp"
#include "sim/batch/run_slots.hpp"

namespace sim::batch {

void BatchSummary::add(const RunPlan& plan, std::size_t run, const RunResult& r) {
  switch (r.status) {
    case RunStatus::complete:
      ++complete;
      break;
    case RunStatus::failed:
      ++failed;
      if (first_error.empty()) first_error = plan.runs[run].run_id + ": " + r.error;
      break;
    case RunStatus::partial:
      ++partial;
      break;
    case RunStatus::pending:
      break;
  }
  if (r.reused) ++reused;
}

std::size_t default_jobs() {
  return static_cast<std::size_t>(std::max(1, tbb::this_task_arena::max_concurrency()));
}

BatchSummary run_local(const RunPlan& plan, const std::vector<std::size_t>& runs,
                       const ModelFactory& factory, const BatchOptions& options) {
  BatchSummary summary;
  summary.selected = runs.size();
  std::atomic<bool> halt{false};
  // --resume is settled here, before any run thread exists (see runs_done); the runs then
  // start without checking again.
  RunControl control{options.out_dir, false, &halt};
  BatchProgress progress(options.label, runs.size(), options.quiet);
  const std::vector<char> done =
      options.resume ? runs_done(plan, runs, options.out_dir) : std::vector<char>(runs.size(), 0);
  {
    RunSlots slots(plan, factory, control, options.jobs ? options.jobs : default_jobs());
    std::size_t next = 0;
    while (next < runs.size() || slots.in_flight() > 0) {
      if (options.stop && options.stop->load() && !halt.load()) {
        halt = true;
        summary.interrupted = true;
      }
      while (!halt.load() && next < runs.size() && slots.has_room()) {
        if (done[next]) {  // reused: counted in plan order, as a run that finished at once
          RunResult reused;
          reused.status = RunStatus::complete;
          reused.reused = true;
          summary.add(plan, runs[next], reused);
          progress.record(reused);
          ++next;
          continue;
        }
        slots.launch(runs[next++]);
      }
      if (halt.load() && slots.in_flight() == 0) break;
      for (auto& [run, result] : slots.collect(std::chrono::milliseconds(50))) {
        summary.add(plan, run, result);
        progress.record(result);
        if (result.status == RunStatus::failed && options.fail_fast && !halt.load()) {
          halt = true;
          summary.aborted = true;
        }
      }
    }
    summary.not_started = runs.size() - next;
  }
  summary.runs_per_second = progress.runs_per_second();
  progress.finish();
  return summary;
}

}  // namespace sim::batch
