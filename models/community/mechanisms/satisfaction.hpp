#pragma once
// Satisfaction, once a day (claims C5, C12, C13, C20). The day's net value
//   net = benefit - cost - rule_cost · strictness - removal_cost · (members removed today /
//   members)
//         + belonging · m/(m + liveliness_half) · (fit - 0.5)
// (fit = cosine of the member's interest with the running conversation topic: people stay
// where the conversation is about what they care for, C10; m = messages per member in the
// last 24 hours: a silent group gives no sense of belonging, C13)
// sets a target
//   target = logistic((net - opportunity_cost) / scale) + tie_bonus · f/(f + 2) + fee_bonus · paid
// (f = friends inside the group), clipped to [0, 1], and satisfaction moves 1/memory_days of
// the way towards it.
#include "models/community/world.hpp"

namespace community {

double satisfaction_target(const sim::ParamValues& rules, double net_value, int friends_inside,
                           bool paid);

void update_satisfaction(World& world, std::size_t group, Tick t);

}  // namespace community
