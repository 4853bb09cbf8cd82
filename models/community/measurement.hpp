#pragma once
// The daily measurements of the community model: what each group looked like at the end of
// a day, and platform-wide aggregates.
#include "models/community/world.hpp"
#include "sim/core/clock.hpp"
#include "sim/output/metrics.hpp"

namespace community {

const std::vector<sim::MetricSpec>& daily_metric_specs();
const std::vector<sim::MetricSpec>& platform_metric_specs();

void measure_day(World& world, sim::Day day, sim::DayFrame& frame);

}  // namespace community
