#pragma once
// End-of-day housekeeping of each group: drop ended memberships (remembering who left so
// they are not invited again), index the members by person and list each member's friends
// inside the group (ties weaken when friends leave, C5), and mark the top value decile for
// tomorrow's departure rates.
// release_memberships then gives the people who left back their place in max_groups.
#include "models/community/world.hpp"

namespace community {

void tidy_group(World& world, std::size_t group, Tick t);

// Rebuilds GroupState::slot_of and the friends-inside lists (after members joined mid-day).
void reindex_members(const World& world, GroupState& g);

// Frees a dead group's buffers: memory follows the groups alive, not every group ever founded.
void release_buffers(GroupState& g);
void release_memberships(World& world, Tick t);

}  // namespace community
