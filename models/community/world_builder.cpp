#include "models/community/world_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/community/mechanisms/recruitment.hpp"
#include "models/community/mechanisms/splitting.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/graph/graph_from_params.hpp"

namespace community {

using namespace param;
namespace {

// Activity over the day: a quiet night and a peak at 21:00 (chat groups are busiest in the
// evening), normalised to mean 1.
std::vector<double> diurnal_profile(double evening_peak) {
  std::vector<double> w(24);
  double sum = 0;
  for (int h = 0; h < 24; ++h) {
    w[h] = std::pow(evening_peak, std::cos(2 * M_PI * (h - 21) / 24.0));
    sum += w[h];
  }
  for (double& x : w) x *= 24 / sum;
  return w;
}

// Founding: a random non-spammer founder brings friends, then friends of friends
// (breadth-first), up to the founding size; a friend joins with probability
// ((1 + fit)/2)^topic_selectivity (fit: cosine of their interest with the purpose). The focus is
// the founder's community's centre (groups gather people around a shared interest, C1). The founder
// owns the group; the next `moderators` highest-value founding members moderate; the top value
// decile of founders are the founding experts whose retention is tracked (C14).
void found_initial_group(World& w, std::uint32_t index, std::vector<std::uint32_t>& seen) {
  sim::RandomStream rng(w.seed, purpose::founding, index, 0);
  PersonId first = rng.below(w.people.size);
  const double min_value = w.rules[groups::founding_value_min];
  for (int tries = 0; tries < 10000 && (w.is_spammer[first] || w.people.value[first] < min_value ||
                                        w.groups_joined[first] >= w.rules[members::max_groups]);
       ++tries)
    first = rng.below(w.people.size);
  GroupState& g = found_group(w, w.people.community_centre.col(w.people.community[first]), 0);
  const auto want = static_cast<std::size_t>(w.rules[groups::initial_size]);
  const double selectivity = w.rules[recruitment::topic_selectivity];
  std::vector<PersonId> frontier{first}, next, chosen;
  seen[first] = index;
  while (!frontier.empty() && chosen.size() < want) {
    next.clear();
    for (PersonId p : frontier) {
      if (chosen.size() >= want) break;
      // Everyone passes the invitation on; those who qualify join if the purpose appeals to
      // them, as strangers do (recruitment.topic_selectivity; the founder always).
      const double fit = (1.0 + w.people.interest.col(p).dot(g.focus)) / 2.0;
      if (w.groups_joined[p] < w.rules[members::max_groups] &&
          w.people.value[p] >= w.rules[groups::founding_value_min] &&
          (p == first || rng.uniform() < std::pow(fit, selectivity)))
        chosen.push_back(p);
      for (PersonId q : w.friends.neighbours(p))
        if (seen[q] != index && !w.is_spammer[q]) {
          seen[q] = index;
          next.push_back(q);
        }
    }
    frontier.swap(next);
  }
  const float s0 = static_cast<float>(w.rules[members::satisfaction_initial]);
  for (PersonId p : chosen) {
    g.members.add(p, 0, s0, founder);
    ++w.groups_joined[p];
  }
  auto& m = g.members;
  if (m.slots() == 0) {  // nobody could found it (all in too many groups, or none qualifies)
    dissolve(g, 0);
    return;
  }
  m.flags[0] |= w.rules[groups::moderators] > 0 ? owner | moderator : owner;
  std::vector<std::size_t> by_value(m.slots());
  for (std::size_t i = 0; i < by_value.size(); ++i) by_value[i] = i;
  std::stable_sort(by_value.begin(), by_value.end(), [&](std::size_t a, std::size_t b) {
    return w.people.value[m.person[a]] > w.people.value[m.person[b]];
  });
  int moderators = w.rules[groups::moderators] - 1;  // the owner is one of them
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

}  // namespace

World build_world(const sim::Scenario& scenario, std::uint64_t seed) {
  World w;
  w.seed = seed;
  w.rules = sim::ParamValues(scenario.params);
  w.people = sim::draw_population(scenario.params, seed);
  w.friends = sim::build_graph(scenario, seed);
  w.diurnal = diurnal_profile(w.rules[members::evening_peak]);
  w.groups_joined.assign(w.people.size, 0);
  w.is_spammer.assign(w.people.size, 0);
  for (PersonId p = 0; p < w.people.size; ++p) {
    sim::RandomStream rng(seed, purpose::spammers, p, 0);
    if (rng.uniform() < w.rules[members::spammer_share]) {
      w.is_spammer[p] = 1;
      w.spammers.push_back(p);
    }
  }
  w.groups.reserve(static_cast<std::size_t>(w.rules[groups::count]));
  std::vector<std::uint32_t> seen(w.people.size, never);
  for (std::uint32_t g = 0; g < static_cast<std::uint32_t>(w.rules[groups::count]); ++g)
    found_initial_group(w, g, seen);
  return w;
}

}  // namespace community
