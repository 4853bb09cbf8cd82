#include "models/community/mechanisms/admission.hpp"

#include <algorithm>

#include "models/community/member_cache.hpp"
#include "models/community/membership_events.hpp"

namespace community {

using namespace param;

void admit_applicants(World& w, Tick t) {
  for (auto& g : w.groups) {
    if (!g.alive || g.applicants.empty()) continue;
    const int max_groups = g.rules[members::max_groups];
    const auto s0 = static_cast<float>(g.rules[members::satisfaction_initial]);
    // One application per person: a friend invitation wins over the open channel.
    std::stable_sort(g.applicants.begin(), g.applicants.end(),
                     [](const Applicant& a, const Applicant& b) { return a.person < b.person; });
    std::size_t size = g.present_count();
    PersonId last = never;
    for (const Applicant& a : g.applicants) {
      if (a.person == last) continue;
      last = a.person;
      if (size >= static_cast<std::size_t>(g.rules[groups::size_cap])) break;
      const bool ad = w.is_spammer[a.person];
      if (!ad && w.groups_joined[a.person] >= max_groups) continue;
      std::uint8_t flags = (a.paid ? paid_fee : 0) | (ad ? ad_account : 0);
      join_group(w, g, a.person, t, s0, flags, a.channel, a.inviter);
      ++w.groups_joined[a.person];
      traits_changed(w);
      ++size;
      if (ad) continue;
      if (a.channel == JoinChannel::friend_invite)
        ++g.today.joins_friend;
      else
        ++g.today.joins_open;
      g.today.joiner_value += w.people.value[a.person];
    }
    g.applicants.clear();
  }
}

}  // namespace community
