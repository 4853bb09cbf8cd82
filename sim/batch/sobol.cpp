#include "sim/batch/sobol.hpp"

#include <stdexcept>
#include <string>

namespace sim::batch {
namespace {

// new-joe-kuo-6.21201, dimensions 2..21: degree s of the primitive polynomial, its inner
// coefficients a, and the initial direction numbers m_1..m_s. Dimension 1 is the
// van der Corput sequence (all m = 1).
struct JoeKuo {
  unsigned s, a;
  unsigned m[8];
};
constexpr JoeKuo joe_kuo[] = {
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
};
static_assert(std::size(joe_kuo) + 1 == sobol_max_dimensions);

constexpr unsigned bits = 32;

}  // namespace

Sobol::Sobol(std::size_t dimensions) {
  if (dimensions < 1 || dimensions > sobol_max_dimensions)
    throw std::invalid_argument("Sobol sequence: " + std::to_string(dimensions) +
                                " dimensions; supported are 1.." +
                                std::to_string(sobol_max_dimensions));
  v_.assign(dimensions, std::vector<std::uint32_t>(bits));
  for (unsigned k = 0; k < bits; ++k) v_[0][k] = std::uint32_t{1} << (bits - 1 - k);
  for (std::size_t j = 1; j < dimensions; ++j) {
    const JoeKuo& jk = joe_kuo[j - 1];
    auto& v = v_[j];
    for (unsigned k = 0; k < bits; ++k) {
      if (k < jk.s) {
        v[k] = jk.m[k] << (bits - 1 - k);
        continue;
      }
      std::uint32_t x = v[k - jk.s] ^ (v[k - jk.s] >> jk.s);
      for (unsigned i = 1; i < jk.s; ++i)
        if ((jk.a >> (jk.s - 1 - i)) & 1u) x ^= v[k - i];
      v[k] = x;
    }
  }
}

std::vector<std::uint32_t> Sobol::point_bits(std::uint64_t index) const {
  if (index >> bits) throw std::invalid_argument("Sobol sequence: more than 2^32 points");
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<std::uint32_t> x(v_.size(), 0);
  for (unsigned k = 0; k < bits; ++k)
    if ((gray >> k) & 1u)
      for (std::size_t j = 0; j < v_.size(); ++j) x[j] ^= v_[j][k];
  return x;
}

std::vector<double> Sobol::point(std::uint64_t index) const {
  auto b = point_bits(index);
  std::vector<double> x(b.size());
  for (std::size_t j = 0; j < b.size(); ++j) x[j] = b[j] * 0x1.0p-32;
  return x;
}

}  // namespace sim::batch
