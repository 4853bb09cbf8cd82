#pragma once
// Checks a model makes on a whole scenario — its group types and events together with its
// parameters — that the engine cannot make because they need the model's meaning (a target
// "group:N" beyond the groups founded at day 0, a share of groups that needs groups.count > 0).
// Declared once, beside the code they protect, like sim::consistency_rule:
//
//   inline const std::size_t targets_exist = sim::scenario_rule([](const sim::Scenario& s) {
//     for (const auto& e : s.events) if (...) throw sim::InputError(e.target_where, "...");
//   });
//
// and run on every scenario a plan will run: at the end of parse_scenario, and for each arm
// and sweep point (sim/batch/run_plan.cpp). A rule throws InputError itself, naming the place
// and key; it must return quietly on a registry without its keys (engine tests).
#include <cstddef>
#include <functional>

namespace sim {

struct Scenario;

// Declares a rule; call it to initialise a namespace-scope constant. Returns its number.
std::size_t scenario_rule(std::function<void(const Scenario&)> rule);

// The engine's own checks that depend on resolved values (check_events_in_run: events
// against run.days, overlapping events), then every declared rule in declaration order.
void check_scenario_rules(const Scenario& scenario);

}  // namespace sim
