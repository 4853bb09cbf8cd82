#pragma once
// Parameters the engine itself reads: run length and seed, population, graph, output.
#include "sim/output/run_file.hpp"
#include "sim/params/param_registry.hpp"

namespace sim {

void register_engine_params(ParamRegistry& reg);
RunFileOptions run_file_options(const Parameters& p);

}  // namespace sim
