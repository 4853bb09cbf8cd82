#include "models/community/mechanisms/succession.hpp"

#include "models/community/mechanisms/rewards.hpp"

namespace community {

using namespace param;

namespace {

// The best present real member under `rule` who is not yet a manager, or `never`.
std::uint32_t best_candidate(const World& w, const GroupState& g, Succession rule, Tick t) {
  const auto& m = g.members;
  const Tick week = 7 * sim::ticks_per_day;
  std::uint32_t best = never;
  double best_score = 0;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & (ad_account | moderator | owner))) continue;
    double score = 0;
    if (rule == Succession::most_active) {
      const double days = std::max(1.0, double(t - m.joined[i]) / sim::ticks_per_day);
      score = m.posts[i] / days;
    } else if (m.last_post[i] != never && t - m.last_post[i] <= week) {
      score = w.people.value[m.person[i]];
    }
    if (score > best_score) {
      best_score = score;
      best = static_cast<std::uint32_t>(i);
    }
  }
  return best;
}

}  // namespace

void hand_on_leadership(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const Succession rule = g.rules[groups::succession];
  auto& m = g.members;
  std::uint32_t owner_slot = never, first_moderator = never;
  int managers = 0;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i)) continue;
    if (m.flags[i] & owner) owner_slot = static_cast<std::uint32_t>(i);
    if (m.flags[i] & moderator) {
      ++managers;
      if (first_moderator == never) first_moderator = static_cast<std::uint32_t>(i);
    }
  }
  if (owner_slot == never && g.had_owner) {
    owner_slot = first_moderator != never   ? first_moderator
                 : rule == Succession::none ? never
                                            : best_candidate(w, g, rule, t);
    if (owner_slot != never) {
      m.flags[owner_slot] |= owner;
      if (g.rules[groups::moderators] > 0 && !(m.flags[owner_slot] & moderator)) {
        m.flags[owner_slot] |= moderator;
        ++managers;
      }
    } else if (rule == Succession::none) {
      g.had_owner = false;  // nobody takes over: ownerless from now on
    }                       // else nobody qualifies today: tried again tomorrow
  }
  if (owner_slot != never && rule != Succession::none)
    while (managers < g.rules[groups::moderators]) {
      const std::uint32_t next = best_candidate(w, g, rule, t);
      if (next == never) break;
      m.flags[next] |= moderator;
      ++managers;
    }
  // Growing the next leaders (C27): active experts are promoted beyond the appointed managers,
  // and being asked is a recognition.
  const int deputies = g.rules[groups::promote_experts];
  const int target = g.rules[groups::moderators] + deputies;
  if (deputies > 0 && owner_slot != never)
    while (managers < target) {
      const std::uint32_t next = best_candidate(w, g, Succession::active_expert, t);
      if (next == never) break;
      m.flags[next] |= moderator;
      m.satisfaction[next] +=
          static_cast<float>(g.rules[rewards::recognition]) * (1.0f - m.satisfaction[next]);
      ++managers;
    }
  g.moderators = managers;
}

}  // namespace community
