#include "models/community/community_model.hpp"

#include "models/community/measurement.hpp"
#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/run_output.hpp"
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

std::size_t CommunityModel::expected_group_count(sim::Day days) const {
  double expected = static_cast<double>(world_.groups.size());
  for (const auto& t : world_.types) expected += t.per_day * days;
  return static_cast<std::size_t>(expected);
}

void CommunityModel::declare_output(sim::RunFile& file) {
  tables_ = declare_run_output(world_, file);
}

const std::vector<sim::MetricSpec>& CommunityModel::hourly_metrics() const {
  static const std::vector<sim::MetricSpec> none;
  return world_.rules[param::output::hourly] ? hourly_metric_specs() : none;
}

void CommunityModel::measure_hour(sim::Tick t, sim::DayFrame& frame) {
  community::measure_hour(world_, t, value_mark_, frame);
}

void CommunityModel::write_extras(sim::Day d, sim::RunFile& file) {
  if (tables_.groups != RunTables::none) write_run_tables(world_, tables_, file);
  const int every = world_.rules[param::snapshots::every_days];
  if (every > 0 && (d + 1) % static_cast<sim::Day>(every) == 0) write_snapshot(world_, d, file);
}

}  // namespace community
