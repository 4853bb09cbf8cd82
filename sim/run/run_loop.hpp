#pragma once
// Drives a model through its days: advance 24 ticks, measure, hand the day to the run file.
// Stops early, keeping every finished day, when `stop` is raised (SIGINT, SIGTERM).
#include <atomic>
#include <cstdint>

#include "sim/run/model.hpp"

namespace sim {

class RunFile;
class Progress;

struct RunReport {
  Day days = 0;
  double seconds = 0;
  std::uint64_t membership_ticks = 0;  // sum over ticks of memberships held
  bool interrupted = false;
};

RunReport run_days(Model& model, Day days, RunFile* file, Progress* progress,
                   const std::atomic<bool>* stop = nullptr);

}  // namespace sim
