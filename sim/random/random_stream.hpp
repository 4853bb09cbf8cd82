#pragma once
// Counter-based random numbers (Random123 Philox4x32-10). A stream is identified by
// (seed, purpose, entity, tick); its draws are a pure function of those four numbers and
// of how many draws came before in the same stream. No generator state is shared between
// threads, so results cannot depend on thread count or scheduling.
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace sim {

// Purposes keep streams of different mechanisms apart even for the same entity and tick.
using StreamPurpose = std::uint32_t;

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, StreamPurpose purpose, std::uint32_t entity, std::uint32_t tick)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        ctr_{{0u, tick, entity, purpose}} {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  std::uint64_t next_u64() {
    std::uint64_t hi = next_u32();
    return (hi << 32) | next_u32();
  }

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform on (0, 1]: safe to take a logarithm of.
  double uniform_open0() { return 1.0 - uniform(); }

  bool bernoulli(double p) { return uniform() < p; }

  // Integer uniform on [0, n) by Lemire's multiply-shift; n > 0.
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = static_cast<std::uint64_t>(next_u32()) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(next_u32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double r = std::sqrt(-2.0 * std::log(uniform_open0()));
    double t = 2.0 * M_PI * uniform();
    spare_ = r * std::sin(t);
    has_spare_ = true;
    return r * std::cos(t);
  }

  double exponential(double rate) { return -std::log(uniform_open0()) / rate; }

 private:
  void refill() {
    block_ = r123::Philox4x32()(ctr_, key_);
    ++ctr_.v[0];
    used_ = 0;
  }

  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type ctr_;
  r123::Philox4x32::ctr_type block_{};
  int used_ = 4;
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace sim
