#pragma once
// Ending a membership, with the day's bookkeeping (who left, their value and alignment,
// whether they were in the top value decile). Used by moderation, departures and group life.
#include "models/community/world.hpp"

namespace community {

// Cosine of a person's interest with the group's founding focus.
inline float alignment(const World& w, const GroupState& g, PersonId p) {
  return w.people.interest.col(p).dot(g.focus);
}

// state: left (own choice) or removed (by moderators / rules). Counted in today's totals.
void end_membership(const World& w, GroupState& g, std::size_t slot, MemberState state);

// Ends every membership without counting departures (the group itself closed or died).
void dissolve(GroupState& g, Tick now);

}  // namespace community
