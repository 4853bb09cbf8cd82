#pragma once
// The member cache (World.hpp's MemberCache): what posting and reading read about each member
// every hour, copied into the group once and reused until it may be stale. It is rebuilt at the
// first hourly step of each day (the daily steps change satisfaction, the activity shares and
// the slots), when the group's slots changed (someone joined), and when World::traits_epoch
// moved (a person's traits or number of groups changed, or an event fired). Between rebuilds
// a member may only leave, be removed or grow wary within the day, which the loops read from
// the memberships themselves.
#include "models/community/world.hpp"

namespace community {

// Makes g.cache current for tick t (a no-op when it already is).
void refresh_member_cache(const World& w, GroupState& g, Tick t);

// Forces the next refresh (the slots were renumbered: housekeeping's compaction).
void invalidate_member_cache(GroupState& g);

// Marks every group's cache stale: a person's traits or groups joined changed, or an event did.
inline void traits_changed(World& w) {
  ++w.traits_epoch;
}

}  // namespace community
