#pragma once
// People, as a structure of arrays: one contiguous array per trait, indexed by PersonId.
// Interests are unit vectors in topic space, one column per person.
#include <Eigen/Core>
#include <vector>

#include "sim/graph/social_graph.hpp"
#include "sim/params/parameters.hpp"

namespace sim {

struct Population {
  PersonId size = 0;
  int topics = 0;
  Eigen::MatrixXf interest;          // topics × size, unit columns
  std::vector<float> activity;       // how often a person acts when fully engaged
  std::vector<float> value;          // what a person is worth to others (expertise, resources)
  std::vector<float> attention;      // how much a person can take in a day
  std::vector<PersonId> community;   // friendship block (SBM block, or id / block_size)
  Eigen::MatrixXf community_centre;  // topics × communities, unit columns

  std::size_t communities() const { return static_cast<std::size_t>(community_centre.cols()); }
};

// Draws traits from population.* parameters. People in one community share an interest
// centre (homophily: friends like similar things), blurred by population.interest_spread.
Population draw_population(const Parameters& p, std::uint64_t seed);

// population.size, .topics and .interest_spread. The traits' distributions (population.activity,
// .value, .attention: sim::register_trait) are the model's to declare: their units and defaults
// mean something only there.
void register_population_params(ParamRegistry& reg);

}  // namespace sim
