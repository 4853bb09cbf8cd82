#include "sim/stats/welch.hpp"

#include <cmath>
#include <limits>

#include "sim/stats/descriptive.hpp"
#include "sim/stats/student_t.hpp"

namespace sim::stats {
namespace {
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
}

WelchResult welch_test(const std::vector<double>& arm_raw, const std::vector<double>& ref_raw,
                       double level) {
  const std::vector<double> arm = without_nan(arm_raw), ref = without_nan(ref_raw);
  WelchResult r;
  r.n_arm = arm.size();
  r.n_reference = ref.size();
  r.difference = mean(arm) - mean(ref);
  if (arm.size() < 2 || ref.size() < 2) {
    r.se = r.df = r.t = r.p_value = r.ci_low = r.ci_high = nan_value;
    return r;
  }
  const double n1 = static_cast<double>(arm.size()), n2 = static_cast<double>(ref.size());
  const double a = sample_variance(arm) / n1, b = sample_variance(ref) / n2;
  r.se = std::sqrt(a + b);
  if (r.se == 0) {
    r.df = r.t = r.p_value = nan_value;
    r.ci_low = r.ci_high = r.difference;
    return r;
  }
  r.df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
  r.t = r.difference / r.se;
  r.p_value = 2 * student_t_upper_tail(std::fabs(r.t), r.df);
  const double half = student_t_quantile((1 + level) / 2, r.df) * r.se;
  r.ci_low = r.difference - half;
  r.ci_high = r.difference + half;
  return r;
}

double hedges_correction(double m) {
  if (!(m > 1)) return nan_value;
  return std::exp(std::lgamma(m / 2) - std::lgamma((m - 1) / 2)) / std::sqrt(m / 2);
}

double hedges_g(const std::vector<double>& arm_raw, const std::vector<double>& ref_raw) {
  const std::vector<double> arm = without_nan(arm_raw), ref = without_nan(ref_raw);
  if (arm.size() < 2 || ref.size() < 2) return nan_value;
  const double n1 = static_cast<double>(arm.size()), n2 = static_cast<double>(ref.size());
  const double m = n1 + n2 - 2;
  const double pooled =
      std::sqrt(((n1 - 1) * sample_variance(arm) + (n2 - 1) * sample_variance(ref)) / m);
  if (!(pooled > 0)) return nan_value;
  return hedges_correction(m) * (mean(arm) - mean(ref)) / pooled;
}

}  // namespace sim::stats
