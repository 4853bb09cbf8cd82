#include "models/community/membership_events.hpp"

#include "models/community/mechanisms/introductions.hpp"

namespace community {

LogDetail detail_of(JoinChannel channel) {
  switch (channel) {
    case JoinChannel::friend_invite:
      return LogDetail::friend_invite;
    case JoinChannel::open_channel:
      return LogDetail::open_channel;
    case JoinChannel::influx:
      return LogDetail::influx;
    case JoinChannel::founder:
      return LogDetail::founder;
    case JoinChannel::split:
      return LogDetail::split;
  }
  return LogDetail::none;
}

LogDetail detail_of(MessageKind kind) {
  switch (kind) {
    case MessageKind::content:
      return LogDetail::content;
    case MessageKind::chat:
      return LogDetail::chat;
    case MessageKind::ad:
      return LogDetail::ad;
    case MessageKind::programme:
      return LogDetail::programme;
    case MessageKind::dispute:
      return LogDetail::dispute;
  }
  return LogDetail::none;
}

std::size_t join_group(const World& w, GroupState& g, PersonId p, Tick now, float satisfaction0,
                       std::uint8_t flag_bits, JoinChannel channel, PersonId inviter) {
  g.members.add(p, now, satisfaction0, flag_bits);
  if (!(flag_bits & ad_account)) ++g.lifetime.members_ever;
  log_event(w, g, now, LogKind::join, p, detail_of(channel), inviter == never ? log_none : inviter);
  const std::size_t slot = g.members.slots() - 1;
  ask_introduction(g, slot, channel);
  return slot;
}

void end_membership(const World& w, GroupState& g, std::size_t i, MemberState state, Tick now,
                    LogDetail reason) {
  auto& m = g.members;
  if (!m.present(i)) return;
  m.state[i] = state;
  const PersonId p = m.person[i];
  log_event(w, g, now, state == MemberState::removed ? LogKind::removal : LogKind::leave, p,
            reason);
  if ((m.flags[i] & moderator) && g.moderators > 0) --g.moderators;
  if (m.flags[i] & ad_account) {
    if (state == MemberState::removed) ++g.today.removals;
    return;  // ad accounts do not count in member value statistics
  }
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

void dissolve(const World& w, GroupState& g, Tick now) {
  g.alive = false;
  g.ended = now;
  for (std::size_t i = 0; i < g.members.slots(); ++i)
    if (g.members.present(i)) {
      g.members.state[i] = MemberState::left;
      log_event(w, g, now, LogKind::leave, g.members.person[i], LogDetail::group_closed);
    }
}

}  // namespace community
