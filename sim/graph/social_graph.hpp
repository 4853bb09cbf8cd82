#pragma once
// The friendship graph: undirected, simple (no loops, no multi-edges), stored once and
// read-only during a run as a Boost.Graph compressed sparse row graph (each undirected edge
// kept in both directions, neighbour lists sorted).
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sim {

using PersonId = std::uint32_t;
using Edge = std::pair<PersonId, PersonId>;

class SocialGraph {
 public:
  using Csr =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, PersonId, std::uint64_t>;

  SocialGraph() = default;
  // Any edge list: self-loops dropped, duplicates and (u,v)/(v,u) pairs merged.
  static SocialGraph from_edges(PersonId people, std::vector<Edge> edges);

  PersonId size() const { return static_cast<PersonId>(boost::num_vertices(csr_)); }
  std::uint64_t edge_count() const { return boost::num_edges(csr_) / 2; }
  std::span<const PersonId> neighbours(PersonId v) const {
    const auto& rows = csr_.m_forward.m_rowstart;
    return {csr_.m_forward.m_column.data() + rows[v], rows[v + 1] - rows[v]};
  }
  std::size_t degree(PersonId v) const { return neighbours(v).size(); }
  bool adjacent(PersonId u, PersonId v) const;
  const Csr& boost_graph() const { return csr_; }

 private:
  Csr csr_;
};

struct GraphStats {
  double mean_degree = 0;
  std::size_t max_degree = 0;
  double mean_local_clustering = 0;  // Watts–Strogatz C: mean over nodes of degree >= 2
};

GraphStats graph_stats(const SocialGraph& g);

}  // namespace sim
