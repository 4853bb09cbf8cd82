#include "models/community/mechanisms/attention.hpp"

#include <algorithm>
#include <cmath>

namespace community {

double activity_share(const World& w, const GroupState& g, std::size_t i) {
  const double c = g.rules[param::members::activity_split];
  if (c <= 0) return 1.0;
  const auto& m = g.members;
  const double own =
      std::pow(std::max(0.0f, m.satisfaction[i]), g.rules[param::members::activity_focus]);
  double total = m.person[i] < w.satisfaction_sum.size() ? w.satisfaction_sum[m.person[i]] : 0.0;
  if (m.joined[i] >= w.satisfaction_summed) total += own;  // not in the last sum yet
  return total > 0 ? (1.0 - c) + c * std::min(1.0, own / total) : 1.0;
}

void sum_satisfaction(World& w, Tick t) {
  w.satisfaction_sum.assign(w.people.size, 0.0f);
  for (const auto& g : w.groups) {
    if (!g.alive || g.rules[param::members::activity_split] <= 0) continue;
    const double f = g.rules[param::members::activity_focus];
    const auto& m = g.members;
    for (std::size_t i = 0; i < m.slots(); ++i)
      if (m.present(i))
        w.satisfaction_sum[m.person[i]] +=
            static_cast<float>(std::pow(std::max(0.0f, m.satisfaction[i]), f));
  }
  w.satisfaction_summed = t + 1;
}

}  // namespace community
