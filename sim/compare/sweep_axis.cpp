#include "sim/compare/sweep_axis.hpp"

#include <variant>

#include "sim/core/input_error.hpp"

namespace sim::compare {

SweepAxis one_axis(const batch::SweepDesign& design) {
  const std::string run_it = "run designs of several parameters with `commsim sweep`";
  if (design.kind != batch::DesignKind::grid) {
    const bool table = design.kind == batch::DesignKind::table;
    const std::string key = design.design_place.line > 0 && !table ? "sweep.design"
                            : table                                ? "sweep.table"
                                                                   : "sweep";
    const std::string what =
        table ? "a table of points"
              : std::string("design = \"") + batch::design_name(design.kind) + "\"";
    throw InputError(design.design_place,
                     "key '" + key +
                         "': compare sweeps one parameter over a list or a { from, to, step } "
                         "range (a dose-response), not " +
                         what + ": run it with `commsim sweep`");
  }
  if (design.paths.size() != 1)
    throw InputError(design.places.at(1),
                     "key 'sweep." + design.paths[1] +
                         "': compare sweeps one parameter (a dose-response); this [sweep] "
                         "also varies '" +
                         design.paths[0] + "' (" + design.places[0].str() + "): keep one, or " +
                         run_it);
  SweepAxis axis{design.paths[0], {}};
  for (const auto& point : design.points) axis.values.push_back(point.at(0));
  return axis;
}

std::string value_text(const ParamValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return format_value(value);
}

bool numeric(const SweepAxis& axis) {
  for (const auto& v : axis.values)
    if (!std::holds_alternative<std::int64_t>(v) && !std::holds_alternative<double>(v))
      return false;
  return true;
}

}  // namespace sim::compare
