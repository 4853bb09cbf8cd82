#include "sim/population/population.hpp"

#include <cmath>

#include "sim/core/stop_point.hpp"
#include "sim/population/trait_distribution.hpp"
#include "sim/random/distributions.hpp"
#include "sim/random/stream_purposes.hpp"

namespace sim {

void register_population_params(ParamRegistry& reg) {
  reg.integer("population.size", 2000, "people", 2, 50'000'000, "number of people on the platform");
  reg.integer("population.topics", 8, "dimensions", 2, 64,
              "dimensions of topic space (interests, group focus, message topics)");
  reg.real("population.interest_spread", 0.6, "", 0, 100,
           "how far a person's interest strays from their community's centre "
           "(0 = identical, large = unrelated)");
}

Population draw_population(const Parameters& p, std::uint64_t seed) {
  stop_point();  // a phase of set-up: see sim/core/stop_point.hpp
  Population pop;
  pop.size = static_cast<PersonId>(p.integer("population.size"));
  pop.topics = static_cast<int>(p.integer("population.topics"));
  const auto block = static_cast<PersonId>(p.integer("graph.block_size"));
  const PersonId communities = (pop.size + block - 1) / block;

  pop.community_centre.resize(pop.topics, communities);
  for (PersonId c = 0; c < communities; ++c) {
    RandomStream rng(seed, purpose::population_interest, c, 1);
    draw_unit_vector(rng, pop.community_centre.col(c));
  }

  const auto activity = TraitDistribution::from(p, "population.activity");
  const auto value = TraitDistribution::from(p, "population.value");
  const auto attention = TraitDistribution::from(p, "population.attention");
  const double spread = p.real("population.interest_spread");
  pop.interest.resize(pop.topics, pop.size);
  pop.activity.resize(pop.size);
  pop.value.resize(pop.size);
  pop.attention.resize(pop.size);
  pop.community.resize(pop.size);
  Eigen::VectorXf noise(pop.topics);
  for (PersonId i = 0; i < pop.size; ++i) {
    if (i % 65536 == 0) stop_point();  // a few seconds per million people
    RandomStream traits(seed, purpose::population_traits, i, 0);
    pop.activity[i] = static_cast<float>(activity.draw(traits));
    pop.value[i] = static_cast<float>(value.draw(traits));
    pop.attention[i] = static_cast<float>(attention.draw(traits));
    pop.community[i] = i / block;

    RandomStream taste(seed, purpose::population_interest, i, 0);
    for (int k = 0; k < pop.topics; ++k) noise[k] = static_cast<float>(taste.normal());
    // Noise of expected length `spread` around the community centre.
    Eigen::VectorXf v = pop.community_centre.col(pop.community[i]) +
                        static_cast<float>(spread / std::sqrt(double(pop.topics))) * noise;
    float n = v.norm();
    pop.interest.col(i) =
        n > 1e-6f ? Eigen::VectorXf(v / n) : pop.community_centre.col(pop.community[i]);
  }
  return pop;
}

}  // namespace sim
