#include "models/community/community_model.hpp"

#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/measurement.hpp"
#include "models/community/snapshots.hpp"
#include "models/community/world_builder.hpp"

namespace community {

using namespace param;

CommunityModel::CommunityModel(const sim::Scenario& scenario, std::uint64_t seed)
    : world_(build_world(scenario, seed)), schedule_(tick_order()) {
  for (std::size_t g = 0; g < world_.groups.size(); ++g) tidy_group(world_, g, 0);
}

const std::vector<sim::MetricSpec>& CommunityModel::daily_metrics() const {
  return daily_metric_specs();
}
const std::vector<sim::MetricSpec>& CommunityModel::platform_metrics() const {
  return platform_metric_specs();
}

std::uint64_t CommunityModel::memberships() const {
  std::uint64_t n = 0;
  for (const auto& g : world_.groups) n += g.members.slots();
  return n;
}

void CommunityModel::advance(sim::Tick t) {
  schedule_.run_tick(world_, t, [](const World& w) { return w.groups.size(); });
}

void CommunityModel::measure(sim::Day d, sim::DayFrame& frame) {
  measure_day(world_, d, frame);
}

void CommunityModel::write_extras(sim::Day d, sim::RunFile& file) {
  const int every = world_.rules[param::snapshots::every_days];
  if (every > 0 && (d + 1) % static_cast<sim::Day>(every) == 0) write_snapshot(world_, d, file);
}

}  // namespace community
