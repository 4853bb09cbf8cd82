#pragma once
// A per-person trait (activity, value, attention) drawn from a configurable distribution,
// described in scenario files by <prefix>.dist/.median/.spread/.min/.max.
#include <string>
#include "sim/params/consistency.hpp"

#include "sim/params/param_registry.hpp"
#include "sim/params/parameters.hpp"
#include "sim/random/random_stream.hpp"

namespace sim {

struct TraitDistribution {
  enum class Kind { constant, uniform, normal, lognormal, pareto } kind = Kind::lognormal;
  double median = 1.0;
  double spread = 0.5;  // lognormal: sd of log; normal: sd; uniform: half-width; pareto: 1/alpha
  double min = 0.0;
  double max = 1e9;

  double draw(RandomStream& rng) const;
  static TraitDistribution from(const Parameters& p, const std::string& prefix);
};

void register_trait(ParamRegistry& reg, const std::string& prefix, const std::string& what,
                    const std::string& unit, const std::string& dist, double median, double spread,
                    double min, double max);

// The rule a trait's keys obey together (min <= median <= max), for the model that declares
// the trait to declare too: sim::consistency_rule(sim::trait_range_rule("population.value")).
ConsistencyRule trait_range_rule(const std::string& prefix);

}  // namespace sim
