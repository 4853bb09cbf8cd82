#include "models/community/mechanisms/rewards.hpp"

#include <algorithm>

#include "models/community/metric_declarations.hpp"

namespace community {
namespace {

// Each member's post count when the current period began.
const auto posts_at_period_start = member_column<std::uint32_t>(0);

const Counter rewarded = counter_metric(
    {"rewarded", "members/day", "members recognised today for posting most in the period (C26)"});

}  // namespace

void grant_rewards(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  const int top_n = g.rules[param::rewards::top_n];
  if (!g.alive || top_n <= 0) return;
  const auto period = static_cast<sim::Day>(g.rules[param::rewards::period_days]);
  const sim::Day age_days = sim::day_of(t) - sim::day_of(g.founded) + 1;
  if (age_days % period != 0) return;

  auto& m = g.members;
  auto& start = m[posts_at_period_start];
  auto& ranked = g.scratch_people;  // slots, best first
  ranked.clear();
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (m.present(i) && !(m.flags[i] & ad_account) && m.posts[i] > start[i])
      ranked.push_back(static_cast<PersonId>(i));
  const auto in_period = [&](PersonId i) { return m.posts[i] - start[i]; };
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](PersonId a, PersonId b) { return in_period(a) > in_period(b); });
  if (ranked.size() > static_cast<std::size_t>(top_n))
    ranked.resize(static_cast<std::size_t>(top_n));

  const auto share = static_cast<float>(g.rules[param::rewards::recognition]);
  for (PersonId i : ranked) m.satisfaction[i] += share * (1.0f - m.satisfaction[i]);
  g.today.add(rewarded, static_cast<double>(ranked.size()));
  for (std::size_t i = 0; i < m.slots(); ++i) start[i] = m.posts[i];
}

}  // namespace community
