#pragma once
// The actions a scenario's [[events]] may name. The engine knows none of them: a model declares
// each action once, in the file of the code that carries it out, like a parameter
// (sim/params/key.hpp):
//
//   inline const std::size_t influx = sim::declare_event_action(
//       {.name = "influx", .meaning = "people join the platform and look for groups",
//        .claim = "C20", .args = {{.name = "people", .type = sim::ParamType::integer,
//                                  .min = 1, .max = 1e7, .required = true, .unit = "people",
//                                  .meaning = "how many arrive"}}});
//
// The scenario reader checks every event against the declaration (its arguments' names, types,
// ranges and choices, whether it may carry `set = {...}`, `until_day` or a target), so that the
// model receives only events it knows how to run. `commsim inspect` lists the events a
// scenario holds.
#include <cstddef>
#include <limits>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/declarations.hpp"
#include "sim/params/param_spec.hpp"

namespace sim {

// One argument an action takes, written as `name = value` in the event's table.
struct EventArgSpec {
  std::string name{};                // the key in the [[events]] table ("people")
  ParamType type = ParamType::real;  // checked like a parameter of that type (3.0 -> 3)
  double min = -std::numeric_limits<double>::infinity();  // range for integer and real
  double max = std::numeric_limits<double>::infinity();   // arguments, inclusive
  bool required = false;               // refused when absent; else the model's own default holds
  std::vector<std::string> choices{};  // for text: the allowed values; empty means free text
  std::string unit{};                  // for messages and listings ("people", "share")
  std::string meaning{};               // one line, for listings
};

// An action: something the model does at an event's hour to the event's target.
struct EventActionSpec {
  std::string name{};                // what `action = "..."` names
  std::string meaning{};             // one line, for listings
  std::string claim{};               // the practitioners' claim it serves ("C20"), as parameters
  std::vector<EventArgSpec> args{};  // its arguments; any other key in the event is refused
  // It applies `set = { key = value }` (parameter values) to its target; `set` is then
  // required, and any other action refuses it.
  bool takes_settings = false;
  // It is undone at `until_day`/`until_hour` (a temporary change); others refuse `until_day`.
  bool windowed = false;
  // It acts on groups, so `target` says which ("all", "type:NAME", "group:N"); an action on the
  // platform as a whole (people arriving) refuses `target`.
  bool needs_target = true;
};

// Declares an action; call it to initialise a namespace-scope constant. Returns its index in
// declared_event_actions().
std::size_t declare_event_action(EventActionSpec spec,
                                 std::source_location where = std::source_location::current());

// Every declared action (read back with ordered() for listings).
const Declarations<EventActionSpec>& declared_event_actions();

// The action declared under `name`, or nullptr. Throws std::logic_error when two declarations
// share the name (a programming error, found by the first scenario that names it).
const EventActionSpec* find_event_action(std::string_view name);

// Every declared action's name, in source order (for "did you mean" and listings).
std::vector<std::string> event_action_names();

}  // namespace sim
