#pragma once
// Internal to sim/scenario: reading the [group_types] and [[events]] tables of a parsed
// scenario file. parse_scenario calls these after the file's values and the --set overrides
// are in place; the rest of the program uses the structures (group_types.hpp, events.hpp).
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "sim/params/parameters.hpp"
#include "sim/scenario/events.hpp"
#include "sim/scenario/group_types.hpp"

namespace sim::scenario_reading {

// `key_where` is where the `group_types` / `events` key was first written.
std::vector<GroupTypeSpec> read_group_types(const toml::node& node, const SourcePlace& key_where,
                                            const std::string& file, const ParamRegistry& registry);
std::vector<EventSpec> read_events(const toml::node& node, const SourcePlace& key_where,
                                   const std::string& file, const ParamRegistry& registry,
                                   const std::vector<GroupTypeSpec>& types);

// Shared by both readers ------------------------------------------------------------------

// A value for `spec` (whose path is the full key, "events[2].hour"), checked by the one
// checker every parameter value goes through; an InputError names `where` and the key.
ParamValue checked_at(const ParamSpec& spec, const toml::node& node, const SourcePlace& where);

// A plain ParamSpec for a structural key (day, hour, count, ...): the full key, type, range.
ParamSpec structural(std::string full_key, ParamType type, double min, double max);

// " (did you mean 'x'?)" for the candidate nearest to `word`, or "" when none is near.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// Reads `path = node` (a value, or a table of further keys) as parameter settings: every key
// must be registered; `owner` is the full key of the table ("group_types.friends",
// "events[2].set") and prefixes the key in messages. A key set twice is refused.
void read_settings(const std::string& path, const toml::node& node, const SourcePlace& where,
                   const std::string& owner, const std::string& file, const ParamRegistry& registry,
                   std::vector<ParamSetting>& out);

}  // namespace sim::scenario_reading
