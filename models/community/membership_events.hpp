#pragma once
// Beginning and ending a membership, with the day's bookkeeping (who left, their value and
// alignment, whether they were in the top value decile), the group's lifetime totals and the
// event log. Used by every mechanism that admits, removes or loses members.
#include "models/community/world.hpp"

namespace community {

// Cosine of a person's interest with the group's founding focus.
inline float alignment(const World& w, const GroupState& g, PersonId p) {
  return w.people.interest.col(p).dot(g.focus);
}

// Records an event in the group's log when the run keeps one (output.events).
inline void log_event(const World& w, GroupState& g, Tick now, LogKind kind, PersonId person,
                      LogDetail detail = LogDetail::none, std::uint32_t other = log_none,
                      bool removed = false) {
  if (w.logging) g.log.push_back({now, person, other, kind, detail, removed});
}

// The detail code of a join channel and of a message kind.
LogDetail detail_of(JoinChannel channel);
LogDetail detail_of(MessageKind kind);

// Adds `p` as a member (every field at its joining value, then `flag_bits`), counts a real
// member in the group's lifetime totals and logs the join. Returns the new slot. Does not
// touch World::groups_joined or the day's join counts (callers own those).
std::size_t join_group(const World& w, GroupState& g, PersonId p, Tick now, float satisfaction0,
                       std::uint8_t flag_bits, JoinChannel channel, PersonId inviter = never);

// state: left (own choice) or removed (by moderators / rules). Counted in today's totals.
void end_membership(const World& w, GroupState& g, std::size_t slot, MemberState state, Tick now,
                    LogDetail reason = LogDetail::none);

// Ends every membership without counting departures (the group itself closed or died).
void dissolve(const World& w, GroupState& g, Tick now);

}  // namespace community
