#pragma once
// Builds the initial world from a scenario: people, friendships, and the founding groups.
#include "models/community/world.hpp"
#include "sim/scenario/scenario.hpp"

namespace community {

World build_world(const sim::Scenario& scenario, std::uint64_t seed);

}  // namespace community
