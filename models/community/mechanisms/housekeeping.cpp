#include "models/community/mechanisms/housekeeping.hpp"

#include <algorithm>
#include <cmath>

namespace community {

using namespace param;

void reindex_members(const World& w, GroupState& g) {
  auto& m = g.members;
  g.slot_of.resize(m.slots());
  for (std::size_t i = 0; i < m.slots(); ++i)
    g.slot_of[i] = {m.person[i], static_cast<std::uint32_t>(i)};
  std::sort(g.slot_of.begin(), g.slot_of.end());
  g.friend_start.assign(1, 0);
  g.friend_slots.clear();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    const std::size_t row = g.friend_slots.size();
    for (PersonId q : w.friends.neighbours(m.person[i])) {
      const std::uint32_t k = g.slot(q);
      if (k != never) g.friend_slots.push_back(k);
    }
    std::sort(g.friend_slots.begin() + static_cast<std::ptrdiff_t>(row), g.friend_slots.end());
    g.friend_start.push_back(static_cast<std::uint32_t>(g.friend_slots.size()));
    m.friends_inside[i] = static_cast<std::uint16_t>(g.friend_slots.size() - row);
  }
}

void tidy_group(World& w, std::size_t gi, Tick) {
  GroupState& g = w.groups[gi];
  auto& m = g.members;
  g.released.clear();
  const std::size_t former_before = g.former.size();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (m.present(i) || m.state[i] == MemberState::moved) continue;
    g.released.push_back(m.person[i]);
    g.former.push_back(m.person[i]);
  }
  if (g.former.size() != former_before) {
    std::sort(g.former.begin() + static_cast<std::ptrdiff_t>(former_before), g.former.end());
    std::inplace_merge(g.former.begin(),
                       g.former.begin() + static_cast<std::ptrdiff_t>(former_before),
                       g.former.end());
  }
  m.erase_if_gone();
  g.moderators = 0;
  for (auto f : m.flags) g.moderators += (f & moderator) != 0;
  const float fade =
      static_cast<float>(std::exp(-1.0 / g.rules[moderation::violation_memory_days]));
  for (auto& v : m.violations) v *= fade;

  if (!g.alive && m.slots() == 0) {
    release_buffers(g);
    g.top_decile_base = g.other_base = g.aligned_base = 0;  // nobody left: rates are n/a
    return;
  }
  // Who is where, and each member's friends inside (ties weaken when friends leave, C5).
  reindex_members(w, g);

  // Members aligned with the purpose, and the top value decile, among real members.
  g.aligned_base = 0;
  const float aligned_above = static_cast<float>(g.rules[metrics::aligned_above]);
  for (std::size_t i = 0; i < m.slots(); ++i) {
    m.flags[i] &= static_cast<std::uint8_t>(~aligned);
    if (m.flags[i] & ad_account) continue;
    if (w.people.interest.col(m.person[i]).dot(g.focus) >= aligned_above) {
      m.flags[i] |= aligned;
      ++g.aligned_base;
    }
  }
  auto& values = g.scratch_values;
  values.clear();
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (!(m.flags[i] & ad_account)) values.push_back(w.people.value[m.person[i]]);
  g.top_decile_base = g.other_base = 0;
  if (values.empty()) return;
  const std::size_t top_n = std::max<std::size_t>(1, values.size() / 10);
  std::nth_element(values.begin(),
                   values.begin() + static_cast<std::ptrdiff_t>(values.size() - top_n),
                   values.end());
  const float threshold = values[values.size() - top_n];
  for (std::size_t i = 0; i < m.slots(); ++i) {
    m.flags[i] &= static_cast<std::uint8_t>(~top_decile);
    if (m.flags[i] & ad_account) continue;
    if (w.people.value[m.person[i]] >= threshold) {
      m.flags[i] |= top_decile;
      ++g.top_decile_base;
    } else {
      ++g.other_base;
    }
  }
}

void release_memberships(World& w, Tick) {
  for (auto& g : w.groups) {
    for (PersonId p : g.released)
      if (w.groups_joined[p] > 0) --w.groups_joined[p];
    g.released.clear();
  }
}

}  // namespace community

namespace community {

void release_buffers(GroupState& g) {
  g.members = Memberships{};
  g.former = {};
  // The inbox stays: the hour's output reads it (it is emptied at the next hour's programme).
  g.recent = {};
  g.pending = {};
  g.pending_topics.resize(0, 0);
  g.slot_of = {};
  g.friend_start = {};
  g.friend_slots = {};
  g.applicants = {};
  g.scratch_people = {};
  g.scratch_invited = {};
  g.scratch_values = {};
}

}  // namespace community
