#pragma once
// Life and death of a group. A flash group closes lifetime_hours after founding (C23). At the
// end of each day a group dies when it has fewer than min_size members, or when, after its
// first death_window_days, fewer than death_active_share of its members posted within that
// window (silent groups, F3). A dead or closed group ends every membership.
#include "models/community/world.hpp"

namespace community {

void check_group_life(World& world, std::size_t group, Tick t);

}  // namespace community
