#pragma once
// Group types: a mix of kinds of group in one run, each with its own group-level settings.
//
//   [group_types.friends]
//   share = 0.5            # or count = 10: the groups founded at hour 0 of day 0
//   per_day = 3.0          # optional (default 0): groups founded per day during the run
//   hour = 20              # optional (default -1: spread over the day)
//   groups.moderators = 0  # any group-scope key, dotted or as [group_types.friends.groups]
//   [group_types.flash]
//   count = 0
//   groups.lifetime_hours = 12
//
// The engine reads and checks the tables (sim/scenario/scenario.cpp); the model founds the
// groups. A file without [group_types] has one implicit type, `default`, whose groups take the
// file's own values. README.md ("Group types and events") lists every rule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/param_settings.hpp"

namespace sim {

struct GroupTypeSpec {
  std::string name;   // NAME in [group_types.NAME]: letters, digits, '_' and '-'
  SourcePlace where;  // of the [group_types.NAME] header, for messages about the type as a whole
  // Groups of this type founded at hour 0 of day 0 (the starting platform). At most one of
  // count and share is given; neither when the type is only founded during the run.
  std::optional<std::int64_t> count;
  // Or: this share of groups.count at day 0; the model resolves it to a count (rounding is
  // its business, and so is a sum of shares over 1).
  std::optional<double> share;
  double per_day = 0;  // groups founded per day during the run: the mean of a Poisson count
  int hour = -1;       // hour of day (0-23) they are founded at; -1 = spread over the day
  // The type's own values of group-scope keys (ParamSpec::scope == ParamScope::group), in file
  // order; every other key keeps the run's value.
  std::vector<ParamSetting> settings;
};

// The values a group of `type` runs with: the run's values with the type's settings applied.
Parameters group_type_params(const Parameters& run, const GroupTypeSpec& type);

// The names a target "type:NAME" may use: the declared types, or `default` when none is.
std::vector<std::string> group_type_names(const std::vector<GroupTypeSpec>& types);

// "share 0.5, 3/day at 20:00": how a type is founded, for listings.
std::string founding_text(const GroupTypeSpec& type);

}  // namespace sim
