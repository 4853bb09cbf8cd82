#pragma once
// Student's t distribution without tables: the CDF through the regularized incomplete beta
// function (evaluated by its continued fraction, modified Lentz), the quantile by inverting
// the CDF (Newton steps kept inside a bisection bracket). Degrees of freedom may be any
// positive real number (Welch's test gives fractional ones).
namespace sim::stats {

// I_x(a, b) for a, b > 0 and 0 <= x <= 1; NaN outside that domain.
double regularized_incomplete_beta(double a, double b, double x);

// P(T <= t) for T ~ t(df), df > 0.
double student_t_cdf(double t, double df);

// P(T > t), accurate far into the upper tail (no 1 - cdf cancellation).
double student_t_upper_tail(double t, double df);

// The density of t(df) at t.
double student_t_pdf(double t, double df);

// The t with P(T <= t) = p, for 0 < p < 1 and df > 0 (e.g. p = 0.975, df = 5 -> 2.5706).
// NaN for p or df outside those ranges; -inf/+inf for p = 0 / 1.
double student_t_quantile(double p, double df);

}  // namespace sim::stats
