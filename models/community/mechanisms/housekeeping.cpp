#include "models/community/mechanisms/housekeeping.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/member_cache.hpp"

namespace community {

using namespace param;

void reindex_members(const World& w, GroupState& g) {
  auto& m = g.members;
  g.slot_of.resize(m.slots());
  for (std::size_t i = 0; i < m.slots(); ++i)
    g.slot_of[i] = {m.person[i], static_cast<std::uint32_t>(i)};
  std::sort(g.slot_of.begin(), g.slot_of.end());
  // Each member's friends inside, found with one look-up each in a per-thread array by person
  // (filled for this group's members and emptied after) instead of a search of slot_of per
  // friend. It holds what GroupState::slot answers: a person's first slot when present, and
  // `absent` for a person whose first slot is not (left or removed, not yet compacted away).
  constexpr std::uint32_t unset = never, absent = never - 1;
  thread_local std::vector<std::uint32_t> slot_by_person;
  if (slot_by_person.size() < w.people.size) slot_by_person.resize(w.people.size, unset);
  for (std::size_t i = 0; i < m.slots(); ++i) {
    auto& s = slot_by_person[m.person[i]];
    if (s == unset) s = m.present(i) ? static_cast<std::uint32_t>(i) : absent;
  }
  g.friend_start.assign(1, 0);
  g.friend_slots.clear();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    const std::size_t row = g.friend_slots.size();
    for (PersonId q : w.friends.neighbours(m.person[i])) {
      const std::uint32_t k = slot_by_person[q];
      if (k < absent) g.friend_slots.push_back(k);
    }
    std::sort(g.friend_slots.begin() + static_cast<std::ptrdiff_t>(row), g.friend_slots.end());
    g.friend_start.push_back(static_cast<std::uint32_t>(g.friend_slots.size()));
    m.friends_inside[i] = static_cast<std::uint16_t>(g.friend_slots.size() - row);
  }
  for (std::size_t i = 0; i < m.slots(); ++i) slot_by_person[m.person[i]] = unset;
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
  invalidate_member_cache(g);  // the slots were renumbered
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
  traits_changed(w);  // people's numbers of groups change
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
  g.scratch_values = {};
  g.scratch_slots = {};
  g.cache = MemberCache{};
}

}  // namespace community
