#include "models/community/population_traits.hpp"

#include "sim/population/trait_distribution.hpp"

namespace community {

void register_population_traits(sim::ParamRegistry& reg) {
  // Median and spread calibrated on participation inequality (docs/VALIDATION.md): the
  // baseline's Gini of posts 0.76-0.79 and top-10% share 0.59-0.65 against the public 0.80
  // and 65%.
  sim::register_trait(reg, "population.activity", "activity", "posts/day", "lognormal", 0.06, 3.5,
                      0.0, 200.0);
  sim::register_trait(reg, "population.value", "value (expertise)", "value units", "lognormal", 1.0,
                      0.6, 0.0, 100.0);
  sim::register_trait(reg, "population.attention", "attention budget", "messages/day", "lognormal",
                      60.0, 0.5, 1.0, 10000.0);
}

namespace {

const std::size_t activity_range =
    sim::consistency_rule(sim::trait_range_rule("population.activity"));
const std::size_t value_range = sim::consistency_rule(sim::trait_range_rule("population.value"));
const std::size_t attention_range =
    sim::consistency_rule(sim::trait_range_rule("population.attention"));

}  // namespace

}  // namespace community
