#pragma once
// Random social graphs. Each is a pure function of its arguments and the seed.
#include <cstdint>

#include "sim/graph/social_graph.hpp"

namespace sim {

// Stochastic block model: people in consecutive blocks of `block_size` (communities of
// friends, claim C5: even large groups hold small strong-tie cliques). Expected degree
// inside the own block `degree_in`, towards everyone else `degree_out`.
SocialGraph stochastic_block_model(PersonId people, PersonId block_size, double degree_in,
                                   double degree_out, std::uint64_t seed);

// Ring lattice of even degree `k`, each edge rewired with probability `beta`.
SocialGraph watts_strogatz(PersonId people, PersonId k, double beta, std::uint64_t seed);

// Preferential attachment, `m` edges per newcomer (mean degree ≈ 2m).
SocialGraph barabasi_albert(PersonId people, PersonId m, std::uint64_t seed);

}  // namespace sim
