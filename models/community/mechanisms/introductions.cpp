#include "models/community/mechanisms/introductions.hpp"

namespace community {

void ask_introduction(GroupState& g, std::size_t slot, JoinChannel channel) {
  if (!g.rules[param::groups::introductions] || (g.members.flags[slot] & ad_account)) return;
  if (channel == JoinChannel::founder || channel == JoinChannel::split) return;
  PendingPost intro{g.members.person[slot], MessageKind::content, never, false, 1.0f};
  intro.introduction = true;
  g.pending.push_back(intro);
}

}  // namespace community
