// Student's t distribution and the incomplete beta function against reference values.
// Textbook quantiles: t_{0.975,1} = 12.7062, t_{0.975,5} = 2.5706, t_{0.975,30} = 2.0423.
// The other numbers were computed with SciPy 1.10.1 (/usr/bin/python3):
//   from scipy import stats, special
//   stats.t.ppf(p, df); stats.t.cdf(t, df); stats.t.sf(t, df); special.betainc(a, b, x)
// SciPy 1.10's t.ppf is accurate to about 1e-9 only (stats.t.sf(stats.t.ppf(0.975, 5), 5)
// is 0.02499999997), so the quantiles are also checked to 1e-12 against 40-digit values
// from mpmath 1.2 (Debian's python3-mpmath):
//   mp.mp.dps = 40; sf = lambda t, df: mp.betainc(df/2, 0.5, 0, df/(df+t*t), regularized=True)/2
//   mp.findroot(lambda t: sf(t, mp.mpf(df)) - (1 - mp.mpf(p)), start)
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/stats/student_t.hpp"

using namespace sim::stats;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("t quantiles match the textbook values", "[stats]") {
  CHECK(std::round(student_t_quantile(0.975, 1) * 1e4) / 1e4 == Approx(12.7062).margin(1e-12));
  CHECK(std::round(student_t_quantile(0.975, 5) * 1e4) / 1e4 == Approx(2.5706).margin(1e-12));
  CHECK(std::round(student_t_quantile(0.975, 30) * 1e4) / 1e4 == Approx(2.0423).margin(1e-12));
}

TEST_CASE("t quantiles match SciPy and 40-digit values, fractional df included", "[stats]") {
  struct Case {
    double p, df, scipy, exact;
  };
  const Case cases[] = {
      {0.975, 1, 12.706204736432095, 12.706204736174693314},
      {0.975, 2, 4.302652729911275, 4.3026527297494617894},
      {0.975, 5, 2.5705818366147395, 2.5705818356363147828},
      {0.975, 30, 2.0422724563012373, 2.0422724563012378878},
      {0.995, 10, 3.169272667175838, 3.1692726726169507118},
      {0.9, 3, 1.637744357215907, 1.6377443536962103222},
      {0.975, 7.3, 2.345066736150929, 2.3450667365477030519},
      {0.999999, 1, 318309.8861736347, 318309.88617359026169},
      {0.6, 100, 0.25402218245699415, 0.25402218245822775892},
      {0.975, 1e6, 1.9599663568141066, 1.9599663568141066553},
  };
  for (const auto& c : cases) {
    INFO("p = " << c.p << ", df = " << c.df);
    // With df/2 = 5e5 the continued fraction loses a few digits to cancellation: 1e-11 there.
    CHECK_THAT(student_t_quantile(c.p, c.df), WithinRel(c.exact, c.df > 1000 ? 1e-11 : 1e-12));
    CHECK_THAT(student_t_quantile(c.p, c.df), WithinRel(c.scipy, 1e-8));
    CHECK_THAT(student_t_quantile(1 - c.p, c.df),
               WithinRel(-c.exact, 1e-8));  // symmetry (1 - p loses digits)
  }
  CHECK(student_t_quantile(0.5, 4) == 0);
  CHECK(std::isinf(student_t_quantile(1, 4)));
  CHECK(std::isnan(student_t_quantile(0.975, 0)));
  CHECK(std::isnan(student_t_quantile(1.5, 3)));
}

TEST_CASE("the t CDF and upper tail match SciPy", "[stats]") {
  struct Case {
    double t, df, cdf, sf;
  };
  const Case cases[] = {
      {0, 4, 0.5, 0.5},
      {1.5, 4, 0.896, 0.10399999999999991},
      {-2.0, 3, 0.06966298427942155, 0.9303370157205785},
      {2.5706, 5, 0.9750005510599611, 0.024999448940038953},
      {10, 1, 0.9682744825694464, 0.03172551743055356},
      {-0.3, 2.5, 0.39367118574759863, 0.6063288142524015},
      {40, 3, 0.9999828096596054, 1.719034039457927e-05},
  };
  for (const auto& c : cases) {
    INFO("t = " << c.t << ", df = " << c.df);
    CHECK_THAT(student_t_cdf(c.t, c.df), WithinRel(c.cdf, 1e-12));
    CHECK_THAT(student_t_upper_tail(c.t, c.df), WithinRel(c.sf, 1e-10));
  }
  // The quantile inverts the CDF.
  for (double df : {1.0, 2.5, 9.0, 60.0})
    for (double p : {0.01, 0.3, 0.77, 0.999})
      CHECK_THAT(student_t_cdf(student_t_quantile(p, df), df), WithinRel(p, 1e-12));
}

TEST_CASE("the regularized incomplete beta function matches SciPy's betainc", "[stats]") {
  CHECK_THAT(regularized_incomplete_beta(2, 3, 0.4), WithinRel(0.5247999999999999, 1e-13));
  CHECK_THAT(regularized_incomplete_beta(0.5, 0.5, 0.1), WithinRel(0.2048327646991335, 1e-13));
  CHECK_THAT(regularized_incomplete_beta(10, 0.5, 0.95), WithinRel(0.3171515754655451, 1e-12));
  CHECK_THAT(regularized_incomplete_beta(1, 1, 0.3), WithinRel(0.3, 1e-14));
  CHECK_THAT(regularized_incomplete_beta(5, 7, 0.99), WithinRel(0.999999999996814, 1e-14));
  CHECK_THAT(regularized_incomplete_beta(30, 0.5, 0.5), WithinRel(1.3302059355529229e-10, 1e-10));
  CHECK(regularized_incomplete_beta(2, 3, 0) == 0);
  CHECK(regularized_incomplete_beta(2, 3, 1) == 1);
  CHECK(std::isnan(regularized_incomplete_beta(-1, 3, 0.5)));
  CHECK(std::isnan(regularized_incomplete_beta(2, 3, 1.5)));
}
