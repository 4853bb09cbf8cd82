#pragma once
// Simulated time: one tick is one hour; results are recorded once per day.
#include <cstdint>

namespace sim {

using Tick = std::uint32_t;
using Day = std::uint32_t;

inline constexpr Tick ticks_per_day = 24;

constexpr Day day_of(Tick t) {
  return t / ticks_per_day;
}
constexpr int hour_of_day(Tick t) {
  return static_cast<int>(t % ticks_per_day);
}

}  // namespace sim
