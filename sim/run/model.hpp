#pragma once
// What the run loop needs from a model: advance one hour, measure one day. Everything that
// makes it a model of chat groups lives in models/.
#include <cstdint>
#include <vector>

#include "sim/core/clock.hpp"
#include "sim/output/metrics.hpp"

namespace sim {

class RunFile;

class Model {
 public:
  virtual ~Model() = default;
  virtual const std::vector<MetricSpec>& daily_metrics() const = 0;
  virtual const std::vector<MetricSpec>& platform_metrics() const = 0;
  virtual std::size_t group_count() const = 0;
  // Groups a run of `days` days is expected to have founded by its end (output chunking).
  virtual std::size_t expected_group_count(Day) const { return group_count(); }
  // Memberships currently held (people × groups they are in): the unit of work per tick.
  virtual std::uint64_t memberships() const = 0;
  virtual void advance(Tick t) = 0;
  virtual void measure(Day d, DayFrame& frame) = 0;

  // Optional output beyond /daily and /platform; defaults: none.
  // Once, before the first day: declare tables (RunFile::declare_table).
  virtual void declare_output(RunFile&) {}
  // Series measured every hour, /hourly/<metric> [hour, group]; measure_hour(t, frame) fills
  // frame.at(metric, group) after tick t (NaN: not measured).
  virtual const std::vector<MetricSpec>& hourly_metrics() const {
    static const std::vector<MetricSpec> none;
    return none;
  }
  virtual void measure_hour(Tick, DayFrame&) {}
  // At the end of day d, after measure(d) and before the day goes to the file: table rows
  // appended here belong to day d and are flushed with it (per-member snapshots too).
  virtual void write_extras(Day, RunFile&) {}
};

}  // namespace sim
