#pragma once
// The community model's parameters, declared once (with unit, range and the claim each
// implements) and read into a plain struct before the run so the hot loop never looks a
// parameter up by name.
#include "sim/params/param_registry.hpp"
#include "sim/params/parameters.hpp"

namespace community {

struct Params {
  int groups = 0;
  int initial_size = 0;
  double evening_peak = 0;  // how much busier the evening is than the average hour
};

void register_params(sim::ParamRegistry& reg);
Params read_params(const sim::Parameters& p);

}  // namespace community
