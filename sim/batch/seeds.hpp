#pragma once
// Seeds of the runs of a batch or sweep, derived from the scenario's base seed so that a
// sweep is reproducible from its file alone (docs/cluster.md, "Seeds"):
//
//   seed = mix(mix(mix(mix(base) ^ arm) ^ point) ^ replicate) & (2^53 - 1)
//
// where mix is SplitMix64's finaliser applied to (x + 0x9E3779B97F4A7C15). With common
// random numbers (`[replicates] seeds = "common"`) arm and point are taken as 0, so every
// arm and sweep point sees the same seeds, replicate by replicate. The 53-bit mask keeps
// the seed a valid `run.seed` (and exact in a double), so `commsim run --seed S` replays it.
#include <cstdint>

namespace sim::batch {

// One step of SplitMix64 (Steele, Lea & Flood 2014): x += golden gamma, then the finaliser.
std::uint64_t splitmix64(std::uint64_t x);

std::uint64_t derive_seed(std::uint64_t base, std::uint64_t arm, std::uint64_t point,
                          std::uint64_t replicate);

// A small deterministic generator for designs (LHS permutations): SplitMix64 as a stream.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();                      // [0, 1) with 53 random bits
  std::uint64_t below(std::uint64_t n);  // [0, n), unbiased

 private:
  std::uint64_t state_;
};

}  // namespace sim::batch
