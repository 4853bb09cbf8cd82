#include "sim/random/distributions.hpp"

#include <cmath>

namespace sim {

std::uint64_t draw_geometric(RandomStream& rng, double p) {
  if (p >= 1.0) return 0;
  double x = std::floor(std::log(rng.uniform_open0()) / std::log1p(-p));
  return x > 1e18 ? static_cast<std::uint64_t>(1e18) : static_cast<std::uint64_t>(x);
}

std::uint64_t draw_poisson(RandomStream& rng, double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 10.0) {
    double limit = std::exp(-mean), prod = rng.uniform();
    std::uint64_t k = 0;
    while (prod > limit) {
      ++k;
      prod *= rng.uniform();
    }
    return k;
  }
  // PTRS: transformed rejection with squeeze.
  const double slam = std::sqrt(mean), loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    double u = rng.uniform() - 0.5, v = rng.uniform();
    double us = 0.5 - std::abs(u);
    double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <=
        -mean + k * loglam - std::lgamma(k + 1))
      return static_cast<std::uint64_t>(k);
  }
}

double draw_gamma(RandomStream& rng, double shape) {
  if (shape < 1.0) {
    // Boost a shape below one: Gamma(s) = Gamma(s + 1) * U^(1/s).
    return draw_gamma(rng, shape + 1.0) * std::pow(rng.uniform_open0(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x = rng.normal(), v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = rng.uniform_open0();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

double draw_beta(RandomStream& rng, double a, double b) {
  double x = draw_gamma(rng, a), y = draw_gamma(rng, b);
  return x / (x + y);
}

void draw_unit_vector(RandomStream& rng, Eigen::Ref<Eigen::VectorXf> out) {
  double norm2 = 0;
  do {
    norm2 = 0;
    for (Eigen::Index i = 0; i < out.size(); ++i) {
      out[i] = static_cast<float>(rng.normal());
      norm2 += static_cast<double>(out[i]) * out[i];
    }
  } while (norm2 < 1e-12);
  out /= static_cast<float>(std::sqrt(norm2));
}

}  // namespace sim
