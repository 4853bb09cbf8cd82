#include "sim/population/trait_distribution.hpp"

#include <algorithm>
#include <cmath>

namespace sim {

double TraitDistribution::draw(RandomStream& rng) const {
  double x = median;
  switch (kind) {
    case Kind::constant:
      break;
    case Kind::uniform:
      x = median + spread * (2 * rng.uniform() - 1);
      break;
    case Kind::normal:
      x = median + spread * rng.normal();
      break;
    case Kind::lognormal:
      x = median * std::exp(spread * rng.normal());
      break;
    case Kind::pareto: {
      // Tail index alpha = 1/spread; the scale is set so the median is `median`.
      double alpha = 1.0 / std::max(spread, 1e-9);
      double xmin = median / std::pow(2.0, 1.0 / alpha);
      x = xmin / std::pow(rng.uniform_open0(), 1.0 / alpha);
      break;
    }
  }
  return std::clamp(x, min, max);
}

TraitDistribution TraitDistribution::from(const Parameters& p, const std::string& prefix) {
  TraitDistribution d;
  const std::string& k = p.text(prefix + ".dist");
  d.kind = k == "constant"  ? Kind::constant
           : k == "uniform" ? Kind::uniform
           : k == "normal"  ? Kind::normal
           : k == "pareto"  ? Kind::pareto
                            : Kind::lognormal;
  d.median = p.real(prefix + ".median");
  d.spread = p.real(prefix + ".spread");
  d.min = p.real(prefix + ".min");
  d.max = p.real(prefix + ".max");
  if (d.min > d.max)  // trait_range_rule refuses this before a run; a guard for direct callers
    throw InputError("keys '" + prefix + ".min' and '" + prefix + ".max': min " +
                     format_value(d.min) + " is above max " + format_value(d.max));
  return d;
}

void register_trait(ParamRegistry& reg, const std::string& prefix, const std::string& what,
                    const std::string& unit, const std::string& dist, double median, double spread,
                    double min, double max) {
  reg.choice(prefix + ".dist", dist, {"constant", "uniform", "normal", "lognormal", "pareto"},
             "distribution of " + what + " across people");
  reg.real(prefix + ".median", median, unit, 0, 1e9, "median " + what);
  reg.real(prefix + ".spread", spread, "", 0, 100,
           "spread of " + what +
               " (lognormal: sd of log; normal: sd; uniform: half-width; pareto: 1/tail index)");
  reg.real(prefix + ".min", min, unit, 0, 1e9, "smallest " + what + " (draws are clipped)");
  reg.real(prefix + ".max", max, unit, 0, 1e9, "largest " + what + " (draws are clipped)");
}

ConsistencyRule trait_range_rule(const std::string& prefix) {
  return {{prefix + ".min", prefix + ".max", prefix + ".median"},
          RuleSeverity::error,
          [prefix](const Parameters& p) -> std::string {
            const double min = p.real(prefix + ".min"), max = p.real(prefix + ".max");
            const double median = p.real(prefix + ".median");
            if (min > max)
              return "the smallest draw " + format_value(min) + " is above the largest " +
                     format_value(max);
            if (median < min || median > max)
              return "the median " + format_value(median) + " lies outside [" + format_value(min) +
                     ", " + format_value(max) + "]: every draw would be clipped to one end";
            return "";
          }};
}

}  // namespace sim
