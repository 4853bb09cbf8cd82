#include "sim/batch/run_slots.hpp"

#include <algorithm>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

namespace sim::batch {

RunSlots::RunSlots(const RunPlan& plan, const ModelFactory& factory, RunControl control,
                   std::size_t capacity)
    : plan_(plan),
      factory_(factory),
      control_(std::move(control)),
      capacity_(std::max<std::size_t>(1, capacity)),
      threads_per_run_(std::max<std::size_t>(
          1, tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism) /
                 capacity_)) {}

RunSlots::~RunSlots() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void RunSlots::launch(std::size_t run) {
  ++in_flight_;
  threads_.emplace_back([this, run] {
    // Each run in an arena of its share of the threads: runs that shared the process's one
    // arena would each bring their own thread to it and oversubscribe the cores (2 jobs on 2
    // cores ran at 1.4-1.9x one job, 1.94x in arenas of one thread). Results do not depend on
    // the thread count.
    tbb::task_arena arena(static_cast<int>(threads_per_run_));
    RunResult r;
    arena.execute([&] { r = execute_run(plan_, run, factory_, control_); });
    std::lock_guard lock(mutex_);
    done_.emplace_back(run, std::move(r));
    exited_.push_back(std::this_thread::get_id());
    finished_.notify_all();
  });
}

std::vector<std::pair<std::size_t, RunResult>> RunSlots::collect(std::chrono::milliseconds wait) {
  std::vector<std::pair<std::size_t, RunResult>> out;
  std::vector<std::thread::id> exited;
  {
    std::unique_lock lock(mutex_);
    if (done_.empty() && in_flight_ > 0)
      finished_.wait_for(lock, wait, [&] { return !done_.empty(); });
    out.assign(std::make_move_iterator(done_.begin()), std::make_move_iterator(done_.end()));
    done_.clear();
    exited.swap(exited_);
  }
  // Join the threads whose runs are done (they have left, or are leaving, their lambda).
  for (auto id : exited) {
    auto it = std::find_if(threads_.begin(), threads_.end(),
                           [&](const std::thread& t) { return t.get_id() == id; });
    if (it != threads_.end()) {
      it->join();
      threads_.erase(it);
    }
  }
  in_flight_ -= out.size();
  return out;
}

}  // namespace sim::batch
