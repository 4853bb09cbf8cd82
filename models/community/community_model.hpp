#pragma once
// The community model as the engine sees it: a world, its tick order, its measurements.
#include "models/community/run_output.hpp"
#include "models/community/world.hpp"
#include "sim/output/run_file.hpp"
#include "sim/run/model.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/schedule/schedule.hpp"

namespace community {

// The tick order, in one visible place.
sim::Schedule<World> tick_order();

class CommunityModel final : public sim::Model {
 public:
  CommunityModel(const sim::Scenario& scenario, std::uint64_t seed);
  const std::vector<sim::MetricSpec>& daily_metrics() const override;
  const std::vector<sim::MetricSpec>& platform_metrics() const override;
  std::size_t group_count() const override { return world_.groups.size(); }
  std::size_t expected_group_count(sim::Day days) const override;
  std::uint64_t memberships() const override;
  void advance(sim::Tick t) override;
  void measure(sim::Day d, sim::DayFrame& frame) override;
  void declare_output(sim::RunFile& file) override;
  const std::vector<sim::MetricSpec>& hourly_metrics() const override;
  void measure_hour(sim::Tick t, sim::DayFrame& frame) override;
  void write_extras(sim::Day d, sim::RunFile& file) override;

  const World& world() const { return world_; }

 private:
  World world_;
  sim::Schedule<World> schedule_;
  RunTables tables_;
  std::vector<double> value_mark_;  // each group's lifetime value at the last hour measured
};

}  // namespace community
