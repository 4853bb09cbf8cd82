// Descriptive statistics, Welch's test and Hedges' g against SciPy. Reference numbers were
// computed with SciPy 1.10.1 (/usr/bin/python3; scipy 1.10 has no ttest_ind(...).df, so df
// and the interval are computed from its pieces):
//   r = stats.ttest_ind(y, x, equal_var=False)                      # t, p
//   a, b = y.var(ddof=1)/len(y), x.var(ddof=1)/len(x)
//   df = (a+b)**2 / (a*a/(len(y)-1) + b*b/(len(x)-1))
//   ci = d -/+ stats.t.ppf(0.975, df) * sqrt(a+b),  d = y.mean() - x.mean()
//   m = n1+n2-2; sp = sqrt(((n1-1)*y.var(ddof=1) + (n2-1)*x.var(ddof=1)) / m)
//   J = special.gamma(m/2) / (sqrt(m/2) * special.gamma((m-1)/2)); g = J * d / sp
//   stats.t.interval(0.95, n-1, loc=y.mean(), scale=stats.sem(y))
// Intervals are checked to 1e-8 only: they use SciPy's t.ppf, itself accurate to about 1e-9
// (see student_t_test.cpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/stats/descriptive.hpp"
#include "sim/stats/welch.hpp"

using namespace sim::stats;
using Catch::Matchers::WithinRel;

namespace {
const std::vector<double> x = {3.1, 4.7, 2.2};
const std::vector<double> y = {5.5, 9.1, 7.7, 6.0, 8.8};
// The classic Welch example (Wikipedia, "Welch's t-test", example 2)
const std::vector<double> a1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1,
                                21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
const std::vector<double> a2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0,
                                24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
const double not_a_number = std::nan("");
}  // namespace

TEST_CASE("describe: mean, sd and the Student-t interval match SciPy", "[stats]") {
  auto d = describe(y);
  CHECK(d.n == 5);
  CHECK_THAT(d.mean, WithinRel(7.42, 1e-14));
  CHECK_THAT(d.sd, WithinRel(1.6208022704821217, 1e-13));
  CHECK_THAT(d.ci_low, WithinRel(5.407508172535426, 1e-8));
  CHECK_THAT(d.ci_high, WithinRel(9.432491827464574, 1e-8));
  auto d90 = describe(y, 0.90);
  CHECK_THAT(d90.ci_low, WithinRel(5.874741922750786, 1e-8));
  CHECK_THAT(d90.ci_high, WithinRel(8.965258077249214, 1e-8));
}

TEST_CASE("describe: NaN values are left out, n < 2 has no interval, constant data a point",
          "[stats]") {
  auto d = describe({5.5, not_a_number, 9.1, 7.7, 6.0, not_a_number, 8.8});
  CHECK(d.n == 5);
  CHECK_THAT(d.ci_high, WithinRel(9.432491827464574, 1e-8));
  auto one = describe({4.0, not_a_number});
  CHECK(one.n == 1);
  CHECK(one.mean == 4.0);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.ci_low));
  CHECK(std::isnan(describe({}).mean));
  auto flat = describe({2.0, 2.0, 2.0});
  CHECK(flat.sd == 0);
  CHECK(flat.ci_low == 2.0);
  CHECK(flat.ci_high == 2.0);
}

TEST_CASE("Welch's test matches SciPy (t, p, Welch-Satterthwaite df, interval)", "[stats]") {
  auto w = welch_test(a2, a1);
  CHECK(w.n_arm == 15);
  CHECK_THAT(w.difference, WithinRel(2.166666666666668, 1e-12));
  CHECK_THAT(w.t, WithinRel(2.455356398286006, 1e-12));
  CHECK_THAT(w.p_value, WithinRel(0.021378001462866985, 1e-9));
  CHECK_THAT(w.df, WithinRel(24.988529290231416, 1e-12));
  CHECK_THAT(w.ci_low, WithinRel(0.34923706619240935, 1e-8));
  CHECK_THAT(w.ci_high, WithinRel(3.9840962671409264, 1e-8));

  auto small = welch_test(y, x);  // unequal sizes and variances
  CHECK_THAT(small.t, WithinRel(3.9696128395692187, 1e-12));
  CHECK_THAT(small.p_value, WithinRel(0.009456204267162718, 1e-9));
  CHECK_THAT(small.df, WithinRel(5.302778777344351, 1e-12));
  CHECK_THAT(small.ci_low, WithinRel(1.4850939569373214, 1e-8));
  CHECK_THAT(small.ci_high, WithinRel(6.688239376396011, 1e-8));
  // Swapping the arms flips the sign.
  auto flipped = welch_test(x, y);
  CHECK_THAT(flipped.difference, WithinRel(-small.difference, 1e-14));
  CHECK_THAT(flipped.ci_low, WithinRel(-small.ci_high, 1e-12));
}

TEST_CASE("Welch's test: too few values, or constant samples", "[stats]") {
  auto w = welch_test({1.0}, {2.0, 3.0});
  CHECK(w.difference == -1.5);
  CHECK(std::isnan(w.ci_low));
  CHECK(std::isnan(w.p_value));
  auto flat = welch_test({3.0, 3.0, 3.0}, {1.0, 1.0});
  CHECK(flat.difference == 2.0);
  CHECK(flat.ci_low == 2.0);
  CHECK(flat.ci_high == 2.0);
  CHECK(std::isnan(flat.df));
  auto with_nan =
      welch_test({5.5, 9.1, not_a_number, 7.7, 6.0, 8.8}, {3.1, not_a_number, 4.7, 2.2});
  CHECK_THAT(with_nan.df, WithinRel(5.302778777344351, 1e-12));
}

TEST_CASE("Hedges' g with the exact small-sample correction matches SciPy", "[stats]") {
  CHECK_THAT(hedges_correction(2), WithinRel(0.5641895835477563, 1e-13));  // 1 / sqrt(pi)
  CHECK_THAT(hedges_correction(28), WithinRel(0.9729321150560415, 1e-13));
  CHECK_THAT(hedges_correction(6), WithinRel(0.8686266878274133, 1e-13));
  CHECK_THAT(hedges_correction(1000),
             WithinRel(1 - 3.0 / (4 * 1000 - 1), 1e-6));  // the usual approximation
  CHECK_THAT(hedges_g(a2, a1), WithinRel(0.8723011535920744, 1e-12));
  CHECK_THAT(hedges_g(y, x), WithinRel(2.347931275841395, 1e-12));
  CHECK_THAT(hedges_g(x, y), WithinRel(-2.347931275841395, 1e-12));
  CHECK(std::isnan(hedges_g({1.0, 1.0}, {1.0, 1.0})));
  CHECK(std::isnan(hedges_g({1.0}, {1.0, 2.0})));
}
