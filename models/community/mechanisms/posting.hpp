#pragma once
// Posting: each member who has not muted the group posts in an hour with probability
//   1 - exp(-λ),  λ = activity/24 · diurnal(hour) · liveliness · 2·satisfaction · (1 -
//   chill·strictness)
// (claims C4, C12, C13). Ad accounts post ads at their own rate (C15). A post's topic lies
// between the poster's interest and the running conversation (drift, C10); the owner may
// push an off-focus promotion (C7). Its quality is the poster's value; its novelty wears
// off with the poster's tenure (C13).
#include "models/community/world.hpp"

namespace community {

// Liveliness multiplier from messages per member in the last 24 hours.
double liveliness(const sim::ParamValues& rules, double messages_per_member);

// Novelty of a post by someone who joined `tenure_days` ago.
double novelty(const sim::ParamValues& rules, double tenure_days);

void post_messages(World& world, std::size_t group, Tick t);

}  // namespace community
