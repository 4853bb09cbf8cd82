#pragma once
// Programme events (claim C25): organisers' scheduled on-focus posts (a daily question at
// 21:00, a check-in, a talk). They open the hour's inbox, so this is the first hourly step.
#include "models/community/world.hpp"

namespace community {

// Hours of the day that carry a scheduled post when there are `per_day` of them (the
// evening slot first); a fraction below one means every round(1/per_day) days at 21:00.
bool programme_slot(double per_day, Tick t);

void run_programme(World& world, std::size_t group, Tick t);

}  // namespace community
