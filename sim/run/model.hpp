#pragma once
// What the run loop needs from a model: advance one hour, measure one day. Everything that
// makes it a model of chat groups lives in models/.
#include <cstdint>
#include <vector>

#include "sim/core/clock.hpp"
#include "sim/output/metrics.hpp"

namespace sim {

class Model {
 public:
  virtual ~Model() = default;
  virtual const std::vector<MetricSpec>& daily_metrics() const = 0;
  virtual const std::vector<MetricSpec>& platform_metrics() const = 0;
  virtual std::size_t group_count() const = 0;
  // Memberships currently held (people × groups they are in): the unit of work per tick.
  virtual std::uint64_t memberships() const = 0;
  virtual void advance(Tick t) = 0;
  virtual void measure(Day d, DayFrame& frame) = 0;
  // Optional extra output at the end of a day (per-member snapshots); default none.
  virtual void write_extras(Day, class RunFile&) {}
};

}  // namespace sim
