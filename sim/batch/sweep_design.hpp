#pragma once
// A scenario file's [sweep] section: which parameters vary and the points of the design
// (grid, Latin hypercube, Sobol' sequence, or a CSV table), plus the order in which the
// points are run. Syntax and examples: docs/cluster.md, "Sweeps".
//
//   [sweep]
//   design = "grid"                 # grid (default) | lhs | sobol | table
//   samples = 32                    # lhs, sobol: number of points
//   seed = 7                        # lhs: permutation seed (default: from run.seed)
//   table = "points.csv"            # table: header = parameter paths, one row per point
//   order = "interleaved"           # interleaved (default) | sequential
//   groups.count = [3, 5, 8]                               # a list of values
//   population.size = { from = 200, to = 400, step = 100 } # a range (grid)
//   graph.degree_in = { from = 2.0, to = 12.0 }            # a range (lhs, sobol)
//
// Every value is checked against the parameter's type and range before any run starts;
// errors name the file, line and key.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "sim/core/input_error.hpp"
#include "sim/params/param_registry.hpp"

namespace sim::batch {

enum class DesignKind { grid, lhs, sobol, table };
const char* design_name(DesignKind kind);

struct SweepDesign {
  DesignKind kind = DesignKind::grid;
  std::vector<std::string> paths;               // the swept parameters, one per column
  std::vector<SourcePlace> places;              // where each was declared
  std::vector<std::vector<ParamValue>> points;  // points[p][column], p = point number
  std::vector<std::size_t> order;               // the point numbers in run order
  // Where the design was chosen: its `design` key, else its `table` key, else the [sweep]
  // header (commands that accept only some designs name it when they refuse one).
  SourcePlace design_place;
};

// Reads a [sweep] table. `file` names it in errors; relative table paths are resolved
// against `scenario_dir`; `base_seed` seeds the Latin hypercube unless `seed` is given.
SweepDesign parse_sweep(const toml::table& sweep, const std::string& file,
                        const ParamRegistry& registry, std::uint64_t base_seed,
                        const std::filesystem::path& scenario_dir);

// 0..n-1 in breadth-first bisection order: both ends, the middle, the quarter points, ...
std::vector<std::size_t> coverage_order(std::size_t n);

// The run order of a grid with the given axis lengths (row-major point numbers): coarse
// sub-grids first (both ends of each axis, then midpoints, ...), so that a sweep stopped at
// any moment has covered the whole box at some resolution.
std::vector<std::size_t> interleaved_grid_order(const std::vector<std::size_t>& axis_lengths);

}  // namespace sim::batch
