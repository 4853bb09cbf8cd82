#include "models/community/community_model.hpp"

#include "models/community/mechanisms/posting.hpp"
#include "models/community/metrics.hpp"
#include "models/community/world_builder.hpp"

namespace community {

sim::Schedule<World> tick_order() {
  sim::Schedule<World> s;
  s.per_group("posting", post_messages);
  return s;
}

CommunityModel::CommunityModel(const sim::Scenario& scenario, std::uint64_t seed)
    : world_(build_world(scenario, seed)), schedule_(tick_order()) {}

const std::vector<sim::MetricSpec>& CommunityModel::daily_metrics() const {
  return daily_metric_specs();
}
const std::vector<sim::MetricSpec>& CommunityModel::platform_metrics() const {
  return platform_metric_specs();
}

std::uint64_t CommunityModel::memberships() const {
  std::uint64_t n = 0;
  for (const auto& g : world_.groups) n += g.size();
  return n;
}

void CommunityModel::advance(sim::Tick t) { schedule_.run_tick(world_, t, world_.groups.size()); }

void CommunityModel::measure(sim::Day d, sim::DayFrame& frame) { measure_day(world_, d, frame); }

}  // namespace community
