#include "sim/run/engine_params.hpp"

#include "sim/graph/graph_from_params.hpp"
#include "sim/population/population.hpp"

namespace sim {

void register_engine_params(ParamRegistry& reg) {
  reg.integer("run.days", 180, "days", 1, 36500,
              "simulated days (1 tick = 1 hour, 24 ticks a day)");
  reg.integer("run.seed", 1, "", 0, 9007199254740991.0,
              "base seed of every random stream (--seed overrides it)");
  reg.integer("output.chunk_days", 16, "days", 1, 3650,
              "days buffered before a write; a killed run loses at most this many days");
  reg.integer("output.compression", 4, "level", 0, 9,
              "deflate level of the HDF5 datasets (0 = off)");
  register_population_params(reg);
  register_graph_params(reg);
}

RunFileOptions run_file_options(const Parameters& p) {
  return {static_cast<std::size_t>(p.integer("output.chunk_days")),
          static_cast<int>(p.integer("output.compression"))};
}

}  // namespace sim
