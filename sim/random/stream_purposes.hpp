#pragma once
// Engine stream purposes. Models number theirs from `first_model_purpose` up, so that no two
// mechanisms ever read the same random numbers.
#include "sim/random/random_stream.hpp"

namespace sim::purpose {

inline constexpr StreamPurpose graph_within_block = 1;
inline constexpr StreamPurpose graph_between_blocks = 2;
inline constexpr StreamPurpose graph_rewire = 3;
inline constexpr StreamPurpose graph_attach = 4;
inline constexpr StreamPurpose population_traits = 10;
inline constexpr StreamPurpose population_interest = 11;
inline constexpr StreamPurpose first_model_purpose = 1000;

}  // namespace sim::purpose
