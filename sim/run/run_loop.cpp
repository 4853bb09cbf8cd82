#include "sim/run/run_loop.hpp"

#include <chrono>

#include "sim/output/run_file.hpp"
#include "sim/run/progress.hpp"

namespace sim {

RunReport run_days(Model& model, Day days, RunFile* file, Progress* progress,
                   const std::atomic<bool>* stop) {
  RunReport report;
  auto start = std::chrono::steady_clock::now();
  DayFrame frame, hour;
  const bool hourly = file && !model.hourly_metrics().empty();
  if (file) {
    model.declare_output(*file);
    if (hourly) file->declare_hourly(model.hourly_metrics());
  }
  for (Day d = 0; d < days; ++d) {
    for (Tick h = 0; h < ticks_per_day; ++h) {
      if (stop && stop->load(std::memory_order_relaxed)) {
        report.interrupted = true;
        break;
      }
      report.membership_ticks += model.memberships();
      const Tick t = d * ticks_per_day + h;
      model.advance(t);
      if (hourly) {
        hour.reset(model.hourly_metrics().size(), 0, model.group_count());
        model.measure_hour(t, hour);
        file->append_hour(hour);  // the file keeps only the hours of recorded days
      }
    }
    if (report.interrupted) break;  // a half-simulated day is not recorded
    frame.reset(model.daily_metrics().size(), model.platform_metrics().size(), model.group_count());
    model.measure(d, frame);
    if (file) {
      // The day's table rows first: append() may flush, and they must go out with the day.
      model.write_extras(d, *file);
      file->append(frame);
    }
    report.days = d + 1;
    if (progress) progress->update(d + 1);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace sim
