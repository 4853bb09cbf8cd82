#pragma once
// Stopping long set-up work (drawing a population, building a social graph) on SIGINT or
// SIGTERM. The run loop checks its stop flag every tick, but set-up comes before it and takes
// a minute at platform scale; so it calls stop_point() between its phases. run_scenario()
// names the flag for the thread that builds the model (ScopedStopFlag); stop_point() throws
// StopRequested once the flag is raised, and run_scenario() reports the run as interrupted
// with nothing written. Elsewhere (tests, tools, TBB workers) no flag is named and
// stop_point() does nothing.
#include <atomic>
#include <exception>
#include <utility>

namespace sim {

struct StopRequested : std::exception {
  const char* what() const noexcept override { return "stopped while the model was built"; }
};

namespace detail {
inline thread_local const std::atomic<bool>* watched_stop = nullptr;
}

class ScopedStopFlag {
 public:
  explicit ScopedStopFlag(const std::atomic<bool>* flag)
      : previous_(std::exchange(detail::watched_stop, flag)) {}
  ~ScopedStopFlag() { detail::watched_stop = previous_; }
  ScopedStopFlag(const ScopedStopFlag&) = delete;
  ScopedStopFlag& operator=(const ScopedStopFlag&) = delete;

 private:
  const std::atomic<bool>* previous_;
};

inline void stop_point() {
  if (detail::watched_stop && detail::watched_stop->load(std::memory_order_relaxed))
    throw StopRequested();
}

}  // namespace sim
