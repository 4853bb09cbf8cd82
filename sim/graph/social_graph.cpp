#include "sim/graph/social_graph.hpp"

#include <algorithm>

#include "sim/core/stop_point.hpp"

namespace sim {

SocialGraph SocialGraph::from_edges(PersonId people, std::vector<Edge> edges) {
  std::vector<Edge> both;
  both.reserve(edges.size() * 2);
  for (auto [u, v] : edges) {
    if (u == v) continue;
    both.emplace_back(u, v);
    both.emplace_back(v, u);
  }
  edges.clear();
  edges.shrink_to_fit();
  stop_point();  // sorting takes seconds at platform scale
  std::sort(both.begin(), both.end());
  both.erase(std::unique(both.begin(), both.end()), both.end());
  stop_point();
  SocialGraph g;
  g.csr_ = Csr(boost::edges_are_sorted, both.begin(), both.end(), people);
  return g;
}

bool SocialGraph::adjacent(PersonId u, PersonId v) const {
  auto n = neighbours(u);
  return std::binary_search(n.begin(), n.end(), v);
}

GraphStats graph_stats(const SocialGraph& g) {
  GraphStats s;
  if (g.size() == 0) return s;
  double clustering_sum = 0;
  std::size_t counted = 0;
  for (PersonId v = 0; v < g.size(); ++v) {
    auto nv = g.neighbours(v);
    s.max_degree = std::max(s.max_degree, nv.size());
    if (nv.size() < 2) continue;
    std::size_t links = 0;
    for (PersonId u : nv) {
      auto nu = g.neighbours(u);
      // Sorted lists: count common neighbours by a merge.
      auto a = nv.begin(), b = nu.begin();
      while (a != nv.end() && b != nu.end()) {
        if (*a < *b)
          ++a;
        else if (*b < *a)
          ++b;
        else {
          ++links;
          ++a;
          ++b;
        }
      }
    }
    double k = static_cast<double>(nv.size());
    clustering_sum += static_cast<double>(links) / (k * (k - 1));
    ++counted;
  }
  s.mean_degree = 2.0 * static_cast<double>(g.edge_count()) / g.size();
  s.mean_local_clustering = counted ? clustering_sum / counted : 0.0;
  return s;
}

}  // namespace sim
