#pragma once
// The one parameter a dose-response comparison varies (`commsim compare` of a file with a
// [sweep]): its name and its value at each sweep point. compare reports statistics per point,
// so it takes a grid of ONE parameter only (a list, or { from, to, step }); designs that vary
// several parameters at once (several axes, lhs, sobol, a table) are refused, naming the key.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/batch/sweep_design.hpp"
#include "sim/params/param_spec.hpp"

namespace sim::compare {

struct SweepAxis {
  std::string parameter;           // its path, e.g. "groups.fee"
  std::vector<ParamValue> values;  // values[p]: the value at sweep point p (as written)
};

// The axis of `design`. InputError (file:line: key '...') for a design other than a one-axis
// grid: at its `design` (or `table`) key for lhs, sobol and table designs, at the second
// parameter's key for a grid of several.
SweepAxis one_axis(const batch::SweepDesign& design);

// A value as a table cell: numbers as written in TOML (3, 0.5), true/false, text unquoted.
std::string value_text(const ParamValue& value);

// Whether the axis's values are numbers (integer or real parameter).
bool numeric(const SweepAxis& axis);

}  // namespace sim::compare
