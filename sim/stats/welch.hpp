#pragma once
// Two arms compared: Welch's unequal-variance t test for the difference of means (with the
// Welch–Satterthwaite degrees of freedom) and the standardized effect size Hedges' g.
// NaN values are left out of both samples.
#include <cstddef>
#include <vector>

namespace sim::stats {

struct WelchResult {
  std::size_t n_arm = 0, n_reference = 0;
  double difference = 0;           // mean(arm) - mean(reference)
  double se = 0;                   // sqrt(var_arm / n_arm + var_ref / n_ref)
  double df = 0;                   // Welch–Satterthwaite
  double t = 0;                    // difference / se
  double p_value = 0;              // two-sided
  double ci_low = 0, ci_high = 0;  // difference -/+ t_{(1+level)/2, df} * se
};

// Like scipy.stats.ttest_ind(arm, reference, equal_var=False), plus the interval. Either
// sample with n < 2: everything but the difference is NaN. Both samples constant (se = 0):
// the interval is [difference, difference] and df, t and p are NaN.
WelchResult welch_test(const std::vector<double>& arm, const std::vector<double>& reference,
                       double level = 0.95);

// Hedges' g = J * (mean(arm) - mean(reference)) / s_pooled, with
// s_pooled^2 = ((n1-1) s1^2 + (n2-1) s2^2) / (n1 + n2 - 2) and Hedges' (1981) exact
// small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - 2
// (J is about 1 - 3 / (4 m - 1)). NaN when n1 or n2 < 2 or s_pooled = 0.
double hedges_g(const std::vector<double>& arm, const std::vector<double>& reference);

// J(m) above, for m > 1 degrees of freedom.
double hedges_correction(double m);

}  // namespace sim::stats
