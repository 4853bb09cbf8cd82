#pragma once
// A scenario: the text of one TOML file, validated against the parameter registry, with
// command-line overrides applied. A run is a pure function of (scenario, seed).
//
// Besides parameter values, a file may declare group types and schedule events (read by
// parse_scenario itself, checked before anything runs; README.md, "Group types and events"):
//
//   [run]
//   days = 60
//   [group_types.friends]
//   share = 0.5            # or count = 10
//   per_day = 3.0          # optional, default 0
//   hour = 20              # optional, default -1
//   groups.moderators = 0  # any group-scope key, dotted or as a sub-table
//   [group_types.flash]
//   count = 0
//   groups.lifetime_hours = 12
//
//   [[events]]
//   day = 7
//   hour = 9               # default 0
//   until_day = 14         # optional; until_hour default 0; only for windowed actions
//   action = "set"
//   target = "type:friends" # "all" (default), "type:NAME", "group:N"
//   set = { "groups.open_channel_per_day" = 20.0 }   # also a sub-table [events.set]
//   [[events]]
//   day = 10
//   action = "influx"
//   target = "group:0"
//   people = 250           # an argument declared by the action
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sim/params/parameters.hpp"
#include "sim/scenario/events.hpp"
#include "sim/scenario/group_types.hpp"

namespace sim {

struct ScenarioOptions {
  std::vector<std::string> overrides;       // "section.key=value", applied after the file
  std::set<std::string> reserved_sections;  // top-level tables read by someone else ([sweep])
};

struct Scenario {
  std::string path;  // as given; "" for text not read from a file
  std::string name;  // file stem, used in titles and run ids
  std::string text;  // the whole file, stored in every run file
  Parameters params;
  // [group_types.NAME] tables in file order; empty: one implicit type, `default`.
  std::vector<GroupTypeSpec> group_types;
  // [[events]] tables in file order (EventSpec::index is the position here).
  std::vector<EventSpec> events;

  std::uint64_t seed() const { return static_cast<std::uint64_t>(params.integer("run.seed")); }
  // Resolves a path named in the scenario (an edge list) relative to the scenario's folder.
  std::filesystem::path resolve(const std::string& relative) const;
};

// Reads and checks everything, then runs check_scenario_rules (sim/scenario/scenario_rules.hpp)
// on the result, with the overrides applied (so events are checked against the final run.days).
Scenario load_scenario(const std::string& path, const ParamRegistry& registry,
                       const ScenarioOptions& options = {});
Scenario parse_scenario(const std::string& text, const std::string& path,
                        const ParamRegistry& registry, const ScenarioOptions& options = {});

// Applies "section.key=value"; the value is read as a TOML value, or as a bare string.
void apply_override(Parameters& params, const std::string& assignment);

}  // namespace sim
