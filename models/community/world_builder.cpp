#include "models/community/world_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/community/stream_purposes.hpp"
#include "sim/graph/graph_from_params.hpp"

namespace community {
namespace {

// Activity over the day: a quiet night and a peak at 21:00 (most chat groups are busiest in
// the evening), normalised to mean 1.
std::vector<double> diurnal_profile(double evening_peak) {
  std::vector<double> w(24);
  double sum = 0;
  for (int h = 0; h < 24; ++h) {
    double phase = 2 * M_PI * (h - 21) / 24.0;
    w[h] = std::pow(evening_peak, std::cos(phase));
    sum += w[h];
  }
  for (double& x : w) x *= 24 / sum;
  return w;
}

}  // namespace

World build_world(const sim::Scenario& scenario, std::uint64_t seed) {
  World w;
  w.seed = seed;
  w.params = read_params(scenario.params);
  w.people = sim::draw_population(scenario.params, seed);
  w.friends = sim::build_graph(scenario, seed);
  w.diurnal = diurnal_profile(w.params.evening_peak);

  // Each group is founded by a random person who brings friends, then friends of friends
  // (breadth-first), until the founding size is reached.
  w.groups.resize(w.params.groups);
  std::vector<std::uint32_t> seen(w.people.size, std::numeric_limits<std::uint32_t>::max());
  for (std::uint32_t g = 0; g < w.groups.size(); ++g) {
    auto& group = w.groups[g];
    group.id = g;
    sim::RandomStream rng(seed, purpose::founding, g, 0);
    std::vector<PersonId> frontier{rng.below(w.people.size)};
    seen[frontier[0]] = g;
    while (!frontier.empty() && group.size() < static_cast<std::size_t>(w.params.initial_size)) {
      std::vector<PersonId> next;
      for (PersonId p : frontier) {
        if (group.size() >= static_cast<std::size_t>(w.params.initial_size)) break;
        group.person.push_back(p);
        for (PersonId q : w.friends.neighbours(p))
          if (seen[q] != g) {
            seen[q] = g;
            next.push_back(q);
          }
      }
      frontier.swap(next);
    }
    group.last_post_tick.assign(group.size(), std::numeric_limits<std::uint32_t>::max());
    group.posts.assign(group.size(), 0);
  }
  return w;
}

}  // namespace community
