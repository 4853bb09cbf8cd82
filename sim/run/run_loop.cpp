#include "sim/run/run_loop.hpp"

#include <chrono>

#include "sim/output/run_file.hpp"
#include "sim/run/progress.hpp"

namespace sim {

RunReport run_days(Model& model, Day days, RunFile* file, Progress* progress,
                   const std::atomic<bool>* stop) {
  RunReport report;
  auto start = std::chrono::steady_clock::now();
  DayFrame frame;
  for (Day d = 0; d < days; ++d) {
    for (Tick h = 0; h < ticks_per_day; ++h) {
      if (stop && stop->load(std::memory_order_relaxed)) {
        report.interrupted = true;
        break;
      }
      report.membership_ticks += model.memberships();
      model.advance(d * ticks_per_day + h);
    }
    if (report.interrupted) break;  // a half-simulated day is not recorded
    frame.reset(model.daily_metrics().size(), model.platform_metrics().size(), model.group_count());
    model.measure(d, frame);
    if (file) {
      file->append(frame);
      model.write_extras(d, *file);
    }
    report.days = d + 1;
    if (progress) progress->update(d + 1);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sim
