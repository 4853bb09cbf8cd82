#pragma once
// End-of-day housekeeping of each group: drop ended memberships (remembering who left so
// they are not invited again), index the members by person and list each member's friends
// inside the group (ties weaken when friends leave, C5), and mark the top value decile for
// tomorrow's departure rates.
// release_memberships then gives the people who left back their place in max_groups.
#include "models/community/world.hpp"

namespace community {

void tidy_group(World& world, std::size_t group, Tick t);
void release_memberships(World& world, Tick t);

}  // namespace community
