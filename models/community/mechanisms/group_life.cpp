#include "models/community/mechanisms/group_life.hpp"

#include "models/community/membership_events.hpp"

namespace community {

using namespace param;

void check_group_life(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const auto& r = g.rules.values();
  const auto& m = g.members;
  std::size_t real = 0;  // real members present this hour: the group's member-hours
  for (std::size_t i = 0; i < m.slots(); ++i) real += m.present(i) && !(m.flags[i] & ad_account);
  g.lifetime.member_hours += static_cast<double>(real);
  const Tick age = t + 1 - g.founded;
  const int lifetime = r[groups::lifetime_hours];
  if (lifetime > 0 && age >= static_cast<Tick>(lifetime)) {
    dissolve(w, g, t);
    return;
  }
  if (sim::hour_of_day(t) != static_cast<int>(sim::ticks_per_day) - 1) return;
  std::size_t present = 0, posted = 0;
  const Tick window = static_cast<Tick>(r[groups::death_window_days]) * sim::ticks_per_day;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    ++present;
    posted += m.last_post[i] != never && t - m.last_post[i] < window;
  }
  const bool too_small = present < static_cast<std::size_t>(r[groups::min_size]);
  const bool silent = age >= window && posted < r[groups::death_active_share] * present;
  if (too_small || silent) dissolve(w, g, t);
}

}  // namespace community
