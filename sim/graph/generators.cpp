#include "sim/graph/generators.hpp"

#include <algorithm>
#include <unordered_set>

#include "sim/core/stop_point.hpp"
#include "sim/random/distributions.hpp"
#include "sim/random/stream_purposes.hpp"

namespace sim {

SocialGraph stochastic_block_model(PersonId people, PersonId block_size, double degree_in,
                                   double degree_out, std::uint64_t seed) {
  std::vector<Edge> edges;
  block_size = std::max<PersonId>(1, std::min(block_size, people));
  const PersonId blocks = (people + block_size - 1) / block_size;
  // Inside each block: walk the pairs (i < j) and jump over non-edges geometrically, so the
  // cost follows the number of edges, not of pairs.
  for (PersonId b = 0; b < blocks; ++b) {
    if (b % 4096 == 0) stop_point();  // set-up takes long at platform scale
    const PersonId first = b * block_size, n = std::min(block_size, people - first);
    if (n < 2) continue;
    const double p = std::min(1.0, degree_in / (n - 1));
    if (p <= 0) continue;
    RandomStream rng(seed, purpose::graph_within_block, b, 0);
    const std::uint64_t pairs = std::uint64_t(n) * (n - 1) / 2;
    std::uint64_t k = draw_geometric(rng, p);
    PersonId i = 0;
    std::uint64_t row_start = 0;  // index of pair (i, i+1)
    while (k < pairs) {
      while (k >= row_start + (n - 1 - i)) row_start += n - 1 - i++;
      PersonId j = static_cast<PersonId>(i + 1 + (k - row_start));
      edges.emplace_back(first + i, first + j);
      k += 1 + draw_geometric(rng, p);
    }
  }
  // Between blocks: a Poisson number of uniformly random cross-block pairs.
  stop_point();
  if (degree_out > 0 && blocks > 1) {
    RandomStream rng(seed, purpose::graph_between_blocks, 0, 0);
    const std::uint64_t m = draw_poisson(rng, degree_out * people / 2.0);
    for (std::uint64_t e = 0; e < m;) {
      PersonId u = rng.below(people), v = rng.below(people);
      if (u / block_size == v / block_size) continue;
      edges.emplace_back(u, v);
      ++e;
    }
  }
  return SocialGraph::from_edges(people, std::move(edges));
}

SocialGraph watts_strogatz(PersonId people, PersonId k, double beta, std::uint64_t seed) {
  const PersonId half = std::min<PersonId>(k / 2, people > 1 ? (people - 1) / 2 : 0);
  auto key = [](PersonId u, PersonId v) {
    if (u > v) std::swap(u, v);
    return (std::uint64_t(u) << 32) | v;
  };
  std::unordered_set<std::uint64_t> present;
  present.reserve(std::size_t(people) * half * 2);
  for (PersonId i = 0; i < people; ++i)
    for (PersonId j = 1; j <= half; ++j) present.insert(key(i, (i + j) % people));
  std::vector<Edge> edges;
  edges.reserve(std::size_t(people) * half);
  RandomStream rng(seed, purpose::graph_rewire, 0, 0);
  for (PersonId j = 1; j <= half; ++j) {
    stop_point();
    for (PersonId i = 0; i < people; ++i) {
      PersonId v = (i + j) % people;
      if (rng.bernoulli(beta)) {
        // Rewire the far end to a uniformly chosen person that is not yet a neighbour.
        for (int attempt = 0; attempt < 32; ++attempt) {
          PersonId w = rng.below(people);
          if (w == i || present.count(key(i, w))) continue;
          present.erase(key(i, v));
          present.insert(key(i, w));
          v = w;
          break;
        }
      }
      edges.emplace_back(i, v);
    }
  }
  return SocialGraph::from_edges(people, std::move(edges));
}

SocialGraph barabasi_albert(PersonId people, PersonId m, std::uint64_t seed) {
  m = std::max<PersonId>(1, m);
  std::vector<Edge> edges;
  // `ends` lists every edge end once, so a uniform pick from it is a pick by degree.
  std::vector<PersonId> ends;
  const PersonId core = std::min(people, m + 1);
  for (PersonId i = 0; i < core; ++i)
    for (PersonId j = i + 1; j < core; ++j) {
      edges.emplace_back(i, j);
      ends.push_back(i);
      ends.push_back(j);
    }
  std::vector<PersonId> chosen;
  for (PersonId v = core; v < people; ++v) {
    if (v % 65536 == 0) stop_point();
    RandomStream rng(seed, purpose::graph_attach, v, 0);
    chosen.clear();
    while (chosen.size() < m) {
      PersonId t = ends[rng.below(static_cast<std::uint32_t>(ends.size()))];
      if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
    }
    for (PersonId t : chosen) {
      edges.emplace_back(v, t);
      ends.push_back(v);
      ends.push_back(t);
    }
  }
  return SocialGraph::from_edges(people, std::move(edges));
}

}  // namespace sim
