#include "sim/scenario/scenario_rules.hpp"

#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim {
namespace {

std::vector<std::function<void(const Scenario&)>>& rules() {
  static std::vector<std::function<void(const Scenario&)>> all;  // filled during static init
  return all;
}

}  // namespace

std::size_t scenario_rule(std::function<void(const Scenario&)> rule) {
  rules().push_back(std::move(rule));
  return rules().size() - 1;
}

void check_scenario_rules(const Scenario& scenario) {
  check_events_in_run(scenario.events, scenario.params);
  for (const auto& rule : rules()) rule(scenario);
}

}  // namespace sim
