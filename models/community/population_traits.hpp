#pragma once
// What the engine's person traits mean in the community model, with their units and defaults:
// activity in posts a day, value in value units, attention in messages a day.
#include "sim/params/parameters.hpp"

namespace community {

void register_population_traits(sim::ParamRegistry& reg);

}  // namespace community
