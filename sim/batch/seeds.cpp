#include "sim/batch/seeds.hpp"

namespace sim::batch {

std::uint64_t splitmix64(std::uint64_t x) {
  std::uint64_t z = x + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t derive_seed(std::uint64_t base, std::uint64_t arm, std::uint64_t point,
                          std::uint64_t replicate) {
  std::uint64_t h = splitmix64(base);
  h = splitmix64(h ^ arm);
  h = splitmix64(h ^ point);
  h = splitmix64(h ^ replicate);
  return h & ((std::uint64_t{1} << 53) - 1);
}

std::uint64_t SplitMix64::next() {
  std::uint64_t r = splitmix64(state_);
  state_ += 0x9E3779B97F4A7C15ull;
  return r;
}

double SplitMix64::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t SplitMix64::below(std::uint64_t n) {
  if (n <= 1) return 0;
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
  std::uint64_t r;
  do r = next();
  while (r >= limit);
  return r % n;
}

}  // namespace sim::batch
