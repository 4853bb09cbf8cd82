#include "models/registry.hpp"

#include "models/community/community_model.hpp"
#include "models/community/population_traits.hpp"
#include "sim/params/key.hpp"
#include "sim/run/engine_params.hpp"

namespace models {

const sim::ParamRegistry& all_params() {
  static const sim::ParamRegistry registry = [] {
    sim::ParamRegistry r;
    sim::register_engine_params(r);
    community::register_population_traits(r);  // the engine's person traits, in the model's units
    sim::register_declared_params(r);          // the model's, declared where they are used
    return r;
  }();
  return registry;
}

std::unique_ptr<sim::Model> make_model(const sim::Scenario& scenario, std::uint64_t seed) {
  return std::make_unique<community::CommunityModel>(scenario, seed);
}

}  // namespace models
