#pragma once
// Posting: each member posts in an hour with probability activity × hour-of-day weight / 24.
#include "models/community/world.hpp"
#include "sim/core/clock.hpp"

namespace community {

void post_messages(World& world, std::size_t group, sim::Tick t);

}  // namespace community
