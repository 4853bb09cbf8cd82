#include "models/community/membership_events.hpp"

namespace community {

void end_membership(const World& w, GroupState& g, std::size_t i, MemberState state) {
  auto& m = g.members;
  if (!m.present(i)) return;
  m.state[i] = state;
  if ((m.flags[i] & moderator) && g.moderators > 0) --g.moderators;
  if (m.flags[i] & ad_account) {
    if (state == MemberState::removed) ++g.today.removals;
    return;  // ad accounts do not count in member value statistics
  }
  const PersonId p = m.person[i];
  if (state == MemberState::removed) {
    ++g.today.removals;
    ++g.today.member_removals;
  } else {
    ++g.today.leaves;
  }
  g.today.leaver_value += w.people.value[p];
  g.today.leaver_alignment += alignment(w, g, p);
  if (m.flags[i] & aligned) {
    ++g.today.aligned_departures;
    if (state == MemberState::left) ++g.today.aligned_leaves;
  }
  if (m.flags[i] & top_decile)
    ++g.today.top_decile_departures;
  else
    ++g.today.other_departures;
}

void dissolve(GroupState& g, Tick now) {
  g.alive = false;
  g.ended = now;
  for (std::size_t i = 0; i < g.members.slots(); ++i)
    if (g.members.present(i)) g.members.state[i] = MemberState::left;
}

}  // namespace community
