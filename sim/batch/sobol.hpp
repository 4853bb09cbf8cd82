#pragma once
// The Sobol' low-discrepancy sequence, unscrambled, in Gray-code order, with the direction
// numbers of Joe & Kuo (2008), file new-joe-kuo-6.21201 (the set scipy.stats.qmc.Sobol and
// most libraries use), for up to `sobol_max_dimensions` dimensions. Point i of dimension j
// equals row i, column j of `scipy.stats.qmc.Sobol(d, scramble=False).random(n)`; point 0
// is the origin. 32-bit resolution: up to 2^32 points.
#include <cstdint>
#include <vector>

namespace sim::batch {

inline constexpr std::size_t sobol_max_dimensions = 21;

class Sobol {
 public:
  explicit Sobol(std::size_t dimensions);  // 1..sobol_max_dimensions, else std::invalid_argument
  std::size_t dimensions() const { return v_.size(); }
  // Point `index` of the sequence, each coordinate in [0, 1).
  std::vector<double> point(std::uint64_t index) const;
  // The same as 32-bit integers (coordinate * 2^32), exact for tests.
  std::vector<std::uint32_t> point_bits(std::uint64_t index) const;

 private:
  std::vector<std::vector<std::uint32_t>> v_;  // v_[dim][k], k = 0..31: direction numbers
};

}  // namespace sim::batch
