#pragma once
// Interventions during a run: the scenario's [[events]] (docs/ODD.md §7.x). Each fires at the
// start of its hour, before anything else happens in that hour, aimed at every group, the
// groups of one type, or one group:
//   set     sets parameters (a campaign: groups.open_channel_per_day from day 7 to day 14, F1);
//           with until_day the values each target held are restored when it ends; groups of the
//           type founded during the window start with the set values and are restored too.
//   influx  brings N people who are in no group into the target groups (an app promotion
//           bringing 200-300 members in one morning, F2), optionally with given value and
//           activity; round robin over the targets, within each one's size cap.
//   found   founds a group of a given type (a flash group, C23) from each target's members: the
//           most recently active `invite` present members (0: all) are invited and each joins
//           with probability `accept`; the parent's owner, when invited and joining, owns it.
//   close   closes the target groups (every member leaves with the group).
// What fired is recorded (World::interventions.fired → the /interventions table).
#include "models/community/world.hpp"

namespace community {

// Builds the agenda from the scenario's events (world_builder).
void schedule_interventions(World& world, const std::vector<sim::EventSpec>& events);

// Whole-world step "interventions": makes the changes due at `t`.
void apply_interventions(World& world, Tick t);

// The declared actions' names in the order FiredEvent::action counts them.
const std::vector<std::string>& intervention_action_names();

}  // namespace community
