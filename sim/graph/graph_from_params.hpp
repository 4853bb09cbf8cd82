#pragma once
// Builds the social graph that a scenario's graph.* parameters describe.
#include "sim/graph/social_graph.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

void register_graph_params(ParamRegistry& reg);
SocialGraph build_graph(const Scenario& scenario, std::uint64_t seed);

}  // namespace sim
