#pragma once
// Descriptive statistics over replicates: mean, sample standard deviation (n - 1), and the
// Student-t confidence interval of the mean. NaN values are left out; n counts the rest.
#include <cstddef>
#include <vector>

namespace sim::stats {

// The values that are not NaN (infinities are kept: they are data, if odd ones).
std::vector<double> without_nan(const std::vector<double>& values);

double mean(const std::vector<double>& values);             // NaN when empty
double sample_variance(const std::vector<double>& values);  // divisor n - 1; NaN when n < 2
double sample_sd(const std::vector<double>& values);

struct Description {
  std::size_t n = 0;
  double mean = 0, sd = 0, se = 0;
  double ci_low = 0, ci_high = 0;  // mean -/+ t_{(1+level)/2, n-1} * sd / sqrt(n)
};

// Mean and its `level` (e.g. 0.95) confidence interval with n - 1 degrees of freedom.
// NaN values are skipped; n < 2 gives NaN sd, se and interval (mean NaN when n = 0).
Description describe(const std::vector<double>& values, double level = 0.95);

}  // namespace sim::stats
