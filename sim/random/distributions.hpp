#pragma once
// Draws beyond the uniform: Poisson and geometric counts, gamma/beta, and points on the
// unit sphere (interest vectors). All take a RandomStream so they stay deterministic.
#include <Eigen/Core>
#include <cstdint>

#include "sim/random/random_stream.hpp"

namespace sim {

// Number of failures before the first success in Bernoulli(p) trials; p in (0, 1].
std::uint64_t draw_geometric(RandomStream& rng, double p);

// Poisson(mean): multiplication for small means, PTRS (Hörmann 1993) above 10.
std::uint64_t draw_poisson(RandomStream& rng, double mean);

// Gamma(shape, 1) by Marsaglia–Tsang.
double draw_gamma(RandomStream& rng, double shape);

// Beta(a, b) from two gammas.
double draw_beta(RandomStream& rng, double a, double b);

// A uniformly random unit vector in `dims` dimensions.
void draw_unit_vector(RandomStream& rng, Eigen::Ref<Eigen::VectorXf> out);

}  // namespace sim
