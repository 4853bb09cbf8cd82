#include <catch2/catch.hpp>

#include "sim/graph/generators.hpp"

using namespace sim;

TEST_CASE("graphs are simple and symmetric", "[graph]") {
  auto g = stochastic_block_model(2000, 50, 8, 2, 1);
  for (PersonId v = 0; v < g.size(); ++v) {
    auto n = g.neighbours(v);
    for (std::size_t i = 0; i < n.size(); ++i) {
      REQUIRE(n[i] != v);               // no loops
      if (i) REQUIRE(n[i - 1] < n[i]);  // sorted, no duplicates
      REQUIRE(g.adjacent(n[i], v));     // undirected
    }
  }
}

TEST_CASE("stochastic block model: degrees and clustering follow from p_in and p_out", "[graph]") {
  const PersonId n = 20000, block = 50;
  const double din = 8, dout = 2;
  auto g = stochastic_block_model(n, block, din, dout, 7);
  auto s = graph_stats(g);
  CHECK(s.mean_degree == Approx(din + dout).epsilon(0.03));
  // Neighbour pairs are linked with p_in when both are in one's block: with Poisson degrees
  // E[C] ≈ p_in · din² / (din + dout)².
  const double p_in = din / (block - 1);
  CHECK(s.mean_local_clustering ==
        Approx(p_in * din * din / ((din + dout) * (din + dout))).epsilon(0.15));
  // Most ties stay inside the community.
  std::size_t inside = 0, total = 0;
  for (PersonId v = 0; v < n; ++v)
    for (PersonId u : g.neighbours(v)) {
      ++total;
      inside += (u / block == v / block);
    }
  CHECK(double(inside) / total == Approx(din / (din + dout)).epsilon(0.03));
}

TEST_CASE("Watts-Strogatz: the lattice's clustering, then (1-beta)^3 of it", "[graph]") {
  const PersonId n = 20000, k = 10;
  const double c0 = 3.0 * (k - 2) / (4.0 * (k - 1));
  auto lattice = graph_stats(watts_strogatz(n, k, 0.0, 1));
  CHECK(lattice.mean_degree == Approx(k));
  CHECK(lattice.mean_local_clustering == Approx(c0).epsilon(1e-9));
  auto rewired = graph_stats(watts_strogatz(n, k, 0.2, 1));
  CHECK(rewired.mean_degree == Approx(k).epsilon(0.001));
  CHECK(rewired.mean_local_clustering == Approx(c0 * std::pow(0.8, 3)).epsilon(0.06));
}

TEST_CASE("Barabasi-Albert: mean degree 2m and a scale-free tail", "[graph]") {
  const PersonId n = 20000, m = 4;
  auto g = barabasi_albert(n, m, 3);
  auto s = graph_stats(g);
  CHECK(s.mean_degree == Approx(2.0 * m).epsilon(0.01));
  // P(K >= x) = m(m+1) / (x(x+1)) for the BA model.
  const PersonId x = 4 * m;
  std::size_t at_least = 0;
  for (PersonId v = 0; v < n; ++v) at_least += g.degree(v) >= x;
  CHECK(double(at_least) / n == Approx(double(m) * (m + 1) / (double(x) * (x + 1))).epsilon(0.2));
  CHECK(s.max_degree > 100);  // hubs; an Erdos-Renyi graph of this density stays below ~25
}

TEST_CASE("generators are deterministic in the seed", "[graph]") {
  auto a = stochastic_block_model(3000, 40, 6, 2, 11),
       b = stochastic_block_model(3000, 40, 6, 2, 11);
  auto c = stochastic_block_model(3000, 40, 6, 2, 12);
  REQUIRE(a.edge_count() == b.edge_count());
  for (PersonId v = 0; v < a.size(); ++v) {
    auto x = a.neighbours(v), y = b.neighbours(v);
    REQUIRE(std::equal(x.begin(), x.end(), y.begin(), y.end()));
  }
  bool differs = a.edge_count() != c.edge_count();
  for (PersonId v = 0; !differs && v < a.size(); ++v) {
    auto x = a.neighbours(v), y = c.neighbours(v);
    differs = !std::equal(x.begin(), x.end(), y.begin(), y.end());
  }
  CHECK(differs);
}
