#include "models/community/mechanisms/founding.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/mechanisms/recruitment.hpp"
#include "models/community/member_cache.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/random/distributions.hpp"

namespace community {

using namespace param;

GroupState& found_group(World& w, const Eigen::VectorXf& focus, Tick t, std::uint16_t type) {
  GroupState& g = w.groups.emplace_back();
  g.id = static_cast<std::uint32_t>(w.groups.size() - 1);
  g.type = type;
  g.rules = GroupRules(w.types[type].rules);
  g.founded = t;
  g.focus = focus;
  g.conversation = focus;
  g.promotion.resize(w.people.topics);
  sim::RandomStream rng(w.seed, purpose::group_traits, g.id, 0);
  sim::draw_unit_vector(rng, g.promotion);
  g.topics.resize(w.people.topics, 16);
  return g;
}

std::size_t found_populated_group(World& w, std::uint16_t type, Tick t, std::uint64_t draw) {
  const sim::ParamValues& r = *w.types[type].rules;
  const int max_groups = r[members::max_groups];
  const double min_value = r[groups::founding_value_min];
  sim::RandomStream rng(w.seed, purpose::founding, draw, t);
  PersonId first = rng.below(w.people.size);
  for (int tries = 0; tries < 10000 && (w.is_spammer[first] || w.people.value[first] < min_value ||
                                        w.groups_joined[first] >= max_groups);
       ++tries)
    first = rng.below(w.people.size);
  Eigen::VectorXf focus = w.people.community_centre.col(w.people.community[first]);
  if (r[groups::purpose] == Purpose::founder) {
    focus = w.people.interest.col(first);
  } else if (r[groups::purpose] == Purpose::random) {
    sim::RandomStream topic(w.seed, purpose::group_traits, static_cast<std::uint32_t>(draw), t + 1);
    sim::draw_unit_vector(topic, focus);
  }
  GroupState& g = found_group(w, focus, t, type);
  const std::uint32_t mark = g.id;  // this search's mark in w.founding_seen
  auto& seen = w.founding_seen;
  if (seen.size() != w.people.size) seen.assign(w.people.size, never);
  const auto want = static_cast<std::size_t>(r[groups::initial_size]);
  const double selectivity = r[recruitment::topic_selectivity];
  std::vector<PersonId> frontier{first}, next, chosen;
  seen[first] = mark;
  const auto qualifies = [&](PersonId p) {
    return w.groups_joined[p] < max_groups && w.people.value[p] >= min_value;
  };
  if (r[groups::founders] == Founders::strangers) {
    // Strangers: people met at random (at most 20 tries per place), each joining if the purpose
    // appeals to them.
    chosen.push_back(first);
    for (std::size_t tries = 0; tries < 20 * want && chosen.size() < want; ++tries) {
      const PersonId p = rng.below(w.people.size);
      if (seen[p] == mark || w.is_spammer[p] || !qualifies(p)) continue;
      seen[p] = mark;
      const double fit = (1.0 + w.people.interest.col(p).dot(g.focus)) / 2.0;
      if (rng.uniform() < std::pow(fit, selectivity)) chosen.push_back(p);
    }
    frontier.clear();
  }
  while (!frontier.empty() && chosen.size() < want) {
    next.clear();
    for (PersonId p : frontier) {
      if (chosen.size() >= want) break;
      // Everyone passes the invitation on; those who qualify join if the purpose appeals to
      // them, as strangers do (recruitment.topic_selectivity; the founder always).
      const double fit = (1.0 + w.people.interest.col(p).dot(g.focus)) / 2.0;
      if (qualifies(p) && (p == first || rng.uniform() < std::pow(fit, selectivity)))
        chosen.push_back(p);
      for (PersonId q : w.friends.neighbours(p))
        if (seen[q] != mark && !w.is_spammer[q]) {
          seen[q] = mark;
          next.push_back(q);
        }
    }
    frontier.swap(next);
  }
  const float s0 = static_cast<float>(r[members::satisfaction_initial]);
  for (PersonId p : chosen) {
    join_group(w, g, p, t, s0, founder, JoinChannel::founder);
    ++w.groups_joined[p];
  }
  traits_changed(w);  // the founders are in one group more
  if (g.members.slots() ==
      0) {  // nobody could found it (all in too many groups, or none qualifies)
    dissolve(w, g, t);
    return g.id;
  }
  assign_founding_roles(w, g);
  return g.id;
}

void assign_founding_roles(const World& w, GroupState& g) {
  const sim::ParamValues& r = g.rules.values();
  auto& m = g.members;
  m.flags[0] |= r[groups::moderators] > 0 ? owner | moderator : owner;
  std::vector<std::size_t> by_value(m.slots());
  for (std::size_t i = 0; i < by_value.size(); ++i) by_value[i] = i;
  std::stable_sort(by_value.begin(), by_value.end(), [&](std::size_t a, std::size_t b) {
    return w.people.value[m.person[a]] > w.people.value[m.person[b]];
  });
  int moderators = r[groups::moderators] - 1;  // the owner is one of them
  for (std::size_t i : by_value) {
    if (moderators <= 0) break;
    if (m.flags[i] & owner) continue;
    m.flags[i] |= moderator;
    --moderators;
  }
  const std::size_t experts = std::max<std::size_t>(1, m.slots() / 10);
  for (std::size_t k = 0; k < experts && k < by_value.size(); ++k) {
    m.flags[by_value[k]] |= founding_expert;
    m.expert_of[by_value[k]] = g.id;  // followed into groups split from this one
  }
  g.founding_experts = static_cast<std::uint32_t>(std::min(experts, by_value.size()));
}

void found_new_groups(World& w, Tick t) {
  const int hour = sim::hour_of_day(t);
  for (std::uint16_t type = 0; type < w.types.size(); ++type) {
    const GroupType& gt = w.types[type];
    if (gt.per_day <= 0 || (gt.hour >= 0 && gt.hour != hour)) continue;
    const double mean =
        gt.hour >= 0 ? gt.per_day : gt.per_day * w.diurnal[hour] / sim::ticks_per_day;
    sim::RandomStream rng(w.seed, purpose::births, type, t);
    const auto n = sim::draw_poisson(rng, mean);
    for (std::uint64_t k = 0; k < n; ++k) {
      const std::size_t gi = found_populated_group(w, type, t, w.groups.size());
      // Founded mid-day: tidied now (indexed, deciles marked) so this hour's mechanisms can work
      // on it as on any other group.
      if (w.groups[gi].alive) tidy_group(w, gi, t);
    }
  }
}

}  // namespace community
