#pragma once
// Builds the initial world from a scenario: people, friendships, and the founding groups.
#include "models/community/world.hpp"
#include "sim/scenario/scenario.hpp"

namespace community {

World build_world(const sim::Scenario& scenario, std::uint64_t seed);

// Activity over the day: a quiet night and a peak at 21:00 (chat groups are busiest in the
// evening), 24 hourly multipliers normalised to mean 1 (members.evening_peak).
std::vector<double> diurnal_profile(double evening_peak);

}  // namespace community
