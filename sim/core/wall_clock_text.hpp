#pragma once
// Wall-clock durations for people (progress lines, ETAs): "m:ss" under an hour, "h:mm:ss"
// from an hour on. Simulated time is sim/core/clock.hpp.
#include <cstdio>
#include <string>

namespace sim {

inline std::string wall_clock_text(double seconds) {
  const long s = seconds > 0 ? static_cast<long>(seconds + 0.5) : 0;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace sim
