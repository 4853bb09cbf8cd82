#include "models/community/mechanisms/departures.hpp"

#include <algorithm>

#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"

namespace community {

using namespace param;

double leave_probability(const sim::ParamValues& r, double s, bool muted) {
  using namespace param::satisfaction;
  double p = muted ? r[lurker_hazard] : 0.0;
  if (s < r[leave_below]) p += r[leave_hazard] * (r[leave_below] - s) / r[leave_below];
  return std::min(1.0, p);
}

void mute_and_leave(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const auto& r = w.rules;
  const double mute_below = r[satisfaction::mute_below];
  const double unmute_above = r[satisfaction::unmute_above];
  const bool task = w.rules[groups::entry] == EntryPolicy::task;
  const Tick deadline = static_cast<Tick>(w.rules[groups::task_days]) * sim::ticks_per_day;
  sim::RandomStream rng(w.seed, purpose::departures, g.id, t);
  auto& m = g.members;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    if (task && m.posts[i] == 0 && t - m.joined[i] >= deadline &&
        !(m.flags[i] & (owner | moderator))) {
      end_membership(w, g, i, MemberState::removed);
      continue;
    }
    const float s = m.satisfaction[i];
    if (s < mute_below)
      m.state[i] = MemberState::muted;
    else if (m.state[i] == MemberState::muted && s > unmute_above)
      m.state[i] = MemberState::active;
    if (m.flags[i] & owner) continue;  // the owner stays while the group lives
    if (rng.uniform() < leave_probability(r, s, m.state[i] == MemberState::muted))
      end_membership(w, g, i, MemberState::left);
  }
}

}  // namespace community
