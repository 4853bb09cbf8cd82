#include "models/community/member_cache.hpp"

#include <algorithm>

#include "models/community/mechanisms/attention.hpp"

namespace community {

void invalidate_member_cache(GroupState& g) {
  g.cache.day = std::numeric_limits<sim::Day>::max();
}

void refresh_member_cache(const World& w, GroupState& g, Tick t) {
  MemberCache& c = g.cache;
  const auto& m = g.members;
  const std::size_t n = m.slots();
  const sim::Day day = sim::day_of(t);
  if (c.day == day && c.slots == n && c.epoch == w.traits_epoch) return;
  c.day = day;
  c.slots = n;
  c.epoch = w.traits_epoch;
  c.interest.resize(static_cast<Eigen::Index>(n), w.people.topics);
  c.value.resize(n);
  c.activity.resize(n);
  c.attention.resize(n);
  c.activity_share.resize(n);
  c.post_rate_sum.resize(n);
  c.ad_slots.clear();
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const PersonId p = m.person[i];
    c.interest.row(static_cast<Eigen::Index>(i)) = w.people.interest.col(p).transpose();
    c.value[i] = w.people.value[p];
    c.activity[i] = w.people.activity[p];
    c.attention[i] =
        w.people.attention[p] / static_cast<float>(std::max<int>(1, w.groups_joined[p]));
    c.activity_share[i] = static_cast<float>(activity_share(w, g, i));
    const bool ad = m.flags[i] & ad_account;
    if (ad) c.ad_slots.push_back(static_cast<std::uint32_t>(i));
    // Only active members post; muting and coming back are daily steps, so the bound holds all
    // day. Wariness only grows within a day (moderation): its factor is applied per post.
    if (!ad && m.state[i] == MemberState::active)
      sum += std::max(0.0, double(c.activity[i]) * c.activity_share[i] * 2.0 * m.satisfaction[i]);
    c.post_rate_sum[i] = sum;
  }
}

}  // namespace community
