#pragma once
// Up to `capacity` runs at once on this machine, each on its own thread (its groups are
// spread over TBB's workers inside the run). The executors hand runs in one at a time, as
// slots free up, so long and short runs balance themselves.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "sim/batch/run_one.hpp"

namespace sim::batch {

class RunSlots {
 public:
  RunSlots(const RunPlan& plan, const ModelFactory& factory, RunControl control,
           std::size_t capacity);
  RunSlots(const RunSlots&) = delete;
  RunSlots& operator=(const RunSlots&) = delete;
  ~RunSlots();  // waits for the runs in flight

  bool has_room() const { return in_flight_ < capacity_; }
  std::size_t in_flight() const { return in_flight_; }
  void launch(std::size_t run);
  // Runs finished since the last call; waits up to `wait` for one when there are none.
  std::vector<std::pair<std::size_t, RunResult>> collect(std::chrono::milliseconds wait);

 private:
  const RunPlan& plan_;
  const ModelFactory& factory_;
  RunControl control_;
  std::size_t capacity_, threads_per_run_, in_flight_ = 0;
  std::mutex mutex_;
  std::condition_variable finished_;
  std::deque<std::pair<std::size_t, RunResult>> done_;
  std::vector<std::thread> threads_;
  std::vector<std::thread::id> exited_;
};

}  // namespace sim::batch
