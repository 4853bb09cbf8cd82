// The strictness sweep's inverted U (claims C11, C12). The five failure modes' signatures
// are data, in the [signature] table of each file in scenarios/failure/, checked by
// tests/support/check_signature.sh (ctest label `signature`).
#include <catch2/catch.hpp>

#include "support/model_runs.hpp"

using testing_support::DailySeries;
using testing_support::run_plan_in_memory;

namespace {

double total_value(const DailySeries& r) {
  double s = 0;
  for (std::size_t d = 0; d < r.days.size(); ++d) s += r.platform("value_gained", d);
  return s;
}

double mean_total_value(const std::vector<DailySeries>& runs) {
  double s = 0;
  for (const auto& r : runs) s += total_value(r);
  return s / static_cast<double>(runs.size());
}

}  // namespace

TEST_CASE("strictness sweep: group health is an inverted U (C11, C12)", "[signature]") {
  auto points = run_plan_in_memory("sweeps/strictness.toml");
  // Points in declaration order: strictness 0, 0.15, 0.3, 0.5, 0.7, 0.85, 1.0.
  std::vector<double> health;
  for (int p = 0; p < 7; ++p)
    health.push_back(mean_total_value(points.at("p" + std::to_string(p))));
  const double best = *std::max_element(health.begin(), health.end());
  INFO("value gained by strictness: " << health[0] << " " << health[1] << " " << health[2] << " "
                                      << health[3] << " " << health[4] << " " << health[5] << " "
                                      << health[6]);
  CHECK(health.front() < 0.9 * best);  // lax rules: noise
  CHECK(health.back() < 0.5 * best);   // tyranny
  const auto peak = std::max_element(health.begin(), health.end()) - health.begin();
  CHECK(peak > 0);
  CHECK(peak < 6);
}
