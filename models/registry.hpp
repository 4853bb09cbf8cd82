#pragma once
// The one place that knows every parameter (engine + models) and how to build a model from
// a scenario. The command line and the tests go through here.
#include <memory>

#include "sim/params/param_registry.hpp"
#include "sim/run/model.hpp"
#include "sim/scenario/scenario.hpp"

namespace models {

const sim::ParamRegistry& all_params();
std::unique_ptr<sim::Model> make_model(const sim::Scenario& scenario, std::uint64_t seed);

}  // namespace models
