#include "sim/stats/descriptive.hpp"

#include <cmath>
#include <limits>

#include "sim/stats/student_t.hpp"

namespace sim::stats {
namespace {
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> without_nan(const std::vector<double>& values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) out.push_back(v);
  return out;
}

double mean(const std::vector<double>& values) {
  if (values.empty()) return nan_value;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double sample_variance(const std::vector<double>& values) {
  if (values.size() < 2) return nan_value;
  const double m = mean(values);
  double ss = 0;
  for (double v : values) ss += (v - m) * (v - m);  // two-pass: no cancellation
  return ss / static_cast<double>(values.size() - 1);
}

double sample_sd(const std::vector<double>& values) {
  return std::sqrt(sample_variance(values));
}

Description describe(const std::vector<double>& raw, double level) {
  const std::vector<double> values = without_nan(raw);
  Description d;
  d.n = values.size();
  d.mean = mean(values);
  d.sd = sample_sd(values);
  if (d.n < 2) {
    d.se = d.ci_low = d.ci_high = nan_value;
    return d;
  }
  d.se = d.sd / std::sqrt(static_cast<double>(d.n));
  const double half =
      d.se == 0 ? 0 : student_t_quantile((1 + level) / 2, static_cast<double>(d.n - 1)) * d.se;
  d.ci_low = d.mean - half;
  d.ci_high = d.mean + half;
  return d;
}

}  // namespace sim::stats
