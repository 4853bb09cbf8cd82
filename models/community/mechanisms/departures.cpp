#include "models/community/mechanisms/departures.hpp"

#include <algorithm>

#include "models/community/membership_events.hpp"
#include "models/community/metric_declarations.hpp"
#include "models/community/stream_purposes.hpp"

namespace community {

using namespace param;

namespace {

const Counter ad_accounts_gave_up =
    counter_metric({"ad_accounts_gave_up", "accounts/day",
                    "ad accounts that left today because too few read their ads (C11, C28)"});

// Under the task policy with a make-up (C21): the tick at which a member who missed the task
// was given their make-up week (`never`: not yet).
const sim::ColumnKey<Tick> task_makeup_given = member_column<Tick>(never);

// True when a member who has not done the task by the deadline is removed now: at once, or
// at the end of their one make-up week.
bool task_missed(Memberships& m, std::size_t i, Tick t, bool makeup) {
  if (!makeup) return true;
  Tick& given = m[task_makeup_given][i];
  if (given == never) given = t;
  return t - given >= 7 * sim::ticks_per_day;
}

}  // namespace

double leave_probability(const sim::ParamValues& r, double s, bool muted) {
  using namespace param::satisfaction;
  double p = muted ? r[lurker_hazard] : 0.0;
  if (s < r[leave_below]) p += r[leave_hazard] * (r[leave_below] - s) / r[leave_below];
  return std::min(1.0, p);
}

void mute_and_leave(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const auto& r = g.rules.values();
  const double mute_below = r[satisfaction::mute_below];
  const double unmute_above = r[satisfaction::unmute_above];
  const bool task = r[groups::entry] == EntryPolicy::task;
  const Tick deadline = static_cast<Tick>(r[groups::task_days]) * sim::ticks_per_day;
  const bool makeup = r[groups::task_makeup];
  sim::RandomStream rng(w.seed, purpose::departures, g.id, t);
  const double owner_commitment = r[satisfaction::owner_commitment];
  const double give_up = r[members::spam_give_up], reach_half = r[members::spam_reach_half];
  auto& m = g.members;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i)) continue;
    if (m.flags[i] & ad_account) {
      const double p_leave = give_up * reach_half / (reach_half + m.reach_today[i]);
      m.reach_today[i] = 0;
      if (rng.uniform() < p_leave) {
        end_membership(w, g, i, MemberState::left, t, LogDetail::gave_up);
        g.today.add(ad_accounts_gave_up);
      }
      continue;
    }
    if (task && m.posts[i] == 0 && t - m.joined[i] >= deadline &&
        !(m.flags[i] & (owner | moderator)) && task_missed(m, i, t, makeup)) {
      end_membership(w, g, i, MemberState::removed, t, LogDetail::task_missed);
      continue;
    }
    const float s = m.satisfaction[i];
    if (s < mute_below && m.state[i] != MemberState::muted) {
      m.state[i] = MemberState::muted;
      log_event(w, g, t, LogKind::mute, m.person[i]);
    } else if (m.state[i] == MemberState::muted && s > unmute_above) {
      m.state[i] = MemberState::active;
      log_event(w, g, t, LogKind::unmute, m.person[i]);
    }
    const double p_leave = leave_probability(r, s, m.state[i] == MemberState::muted) *
                           ((m.flags[i] & owner) ? owner_commitment : 1.0);
    if (rng.uniform() < p_leave) end_membership(w, g, i, MemberState::left, t);
  }
}

}  // namespace community
