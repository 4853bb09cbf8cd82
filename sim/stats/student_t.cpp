#include "sim/stats/student_t.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sim::stats {
namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double pi = 3.14159265358979323846;

// The continued fraction of I_x(a, b) (Numerical Recipes 6.4), by the modified Lentz
// method; converges quickly for x < (a + 1) / (a + b + 2).
// y = 1 - x, given separately: the first term 1 - (a+b) x / (a+1) is written as
// (1 - b + (a+b) y) / (a+1), which keeps its digits when it is small (large a, x near 1).
double beta_continued_fraction(double a, double b, double x, double y) {
  constexpr int max_iterations = 10000;
  constexpr double eps = 1e-16, tiny = 1e-300;
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = (1 - b + qab * y) / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= max_iterations; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));  // even step
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));  // odd step
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < eps) break;
  }
  return h;
}

// Stirling's series remainder: lgamma(x) = (x - 1/2) log x - x + log(2 pi)/2 + stirling_tail(x),
// for x >= 10 (truncation error below 1e-13).
double stirling_tail(double x) {
  const double r = 1 / x, r2 = r * r;
  return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680))));
}

// log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b). With a large argument the direct
// form loses digits to cancellation (lgamma(5e5) is about 6e6), so then
// lgamma(big + small) - lgamma(big) is taken from Stirling's series.
double log_beta(double a, double b) {
  const double big = std::max(a, b), small = std::min(a, b);
  if (big < 10) return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
  const double ratio = (big - 0.5) * std::log1p(small / big) + small * std::log(big + small) -
                       small + stirling_tail(big + small) - stirling_tail(big);
  return std::lgamma(small) - ratio;
}

// I_x(a, b) with y = 1 - x given separately, so that x close to 1 keeps its digits.
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const double log_x = x > 0.5 ? std::log1p(-y) : std::log(x);
  const double log_y = y > 0.5 ? std::log1p(-x) : std::log(y);
  // x^a y^b / B(a, b), in logs
  const double front = std::exp(a * log_x + b * log_y - log_beta(a, b));
  if (x < (a + 1) / (a + b + 2)) return front * beta_continued_fraction(a, b, x, y) / a;
  return 1 - front * beta_continued_fraction(b, a, y, x) / b;  // I_x(a,b) = 1 - I_y(b,a)
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1)) return nan_value;
  return incomplete_beta(a, b, x, 1 - x);
}

double student_t_upper_tail(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return nan_value;
  if (std::isinf(t)) return t > 0 ? 0 : 1;
  // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t^2), 1 - x = t^2 / (df + t^2): both
  // computed directly so that neither loses digits.
  const double t2 = t * t;
  const double two_sided = incomplete_beta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
  return t >= 0 ? two_sided / 2 : 1 - two_sided / 2;
}

double student_t_cdf(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return nan_value;
  return t <= 0 ? student_t_upper_tail(-t, df) : 1 - student_t_upper_tail(t, df);
}

double student_t_pdf(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return nan_value;
  const double log_pdf = std::lgamma((df + 1) / 2) - std::lgamma(df / 2) - 0.5 * std::log(df * pi) -
                         (df + 1) / 2 * std::log1p(t * t / df);
  return std::exp(log_pdf);
}

double student_t_quantile(double p, double df) {
  if (!(df > 0) || !(p >= 0) || !(p <= 1)) return nan_value;
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  if (p == 0.5) return 0;
  if (p < 0.5) return -student_t_quantile(1 - p, df);
  // Solve upper_tail(t) = q with q = 1 - p small: work in the tail for accuracy.
  const double q = 1 - p;
  double lo = 0, hi = 1;
  while (student_t_upper_tail(hi, df) > q) {  // bracket: tail(lo) > q >= tail(hi)
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return std::numeric_limits<double>::infinity();
  }
  double t = (lo + hi) / 2;
  for (int iteration = 0; iteration < 400; ++iteration) {
    const double f = student_t_upper_tail(t, df) - q;  // decreasing in t
    if (f == 0) return t;
    if (f > 0)
      lo = t;
    else
      hi = t;
    // Newton: d tail / dt = -pdf.
    const double pdf = student_t_pdf(t, df);
    double next = pdf > 0 ? t + f / pdf : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;  // keep Newton inside the bracket
    if (std::fabs(next - t) <= 1e-15 * std::max(1.0, std::fabs(t)) ||
        hi - lo <= 1e-15 * std::max(1.0, hi))
      return next;
    t = next;
  }
  return t;
}

}  // namespace sim::stats
