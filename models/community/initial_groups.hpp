#pragma once
// How many groups of each type a scenario founds at day 0, in type order (groups are founded
// type by type, so group:N in an event is the N-th of them): a type's count, or its share of
// groups.count with the shares rounded by largest remainder so that they add up to the rounded
// total share; without [group_types], groups.count of the one type `default`.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace community {

inline std::vector<std::uint32_t> initial_group_counts(const sim::Scenario& s) {
  const auto count = static_cast<double>(s.params.integer("groups.count"));
  if (s.group_types.empty()) return {static_cast<std::uint32_t>(count)};
  std::vector<std::uint32_t> n(s.group_types.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  double share_total = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const auto& t = s.group_types[i];
    if (t.count) n[i] = static_cast<std::uint32_t>(*t.count);
    if (t.share) {
      const double exact = *t.share * count;
      n[i] = static_cast<std::uint32_t>(std::floor(exact));
      share_total += *t.share;
      remainders.push_back({exact - std::floor(exact), i});
    }
  }
  std::int64_t left = std::llround(share_total * count);
  for (const auto& [r, i] : remainders) left -= n[i];
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [r, i] : remainders)
    if (left-- > 0) ++n[i];
  return n;
}

}  // namespace community
