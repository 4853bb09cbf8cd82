#pragma once
// Interventions scheduled during a run: [[events]] tables in a scenario file.
//
//   [[events]]
//   day = 7
//   hour = 9                # default 0; the event fires at the start of this hour
//   until_day = 14          # windowed actions only (until_hour, default 0): when it is undone
//   action = "set"          # an action the model declared (sim/scenario/event_actions.hpp)
//   target = "type:friends" # "all" (default), "type:NAME" or "group:N"
//   set = { "groups.open_channel_per_day" = 20.0 }   # or a sub-table [events.set]
//   [[events]]
//   day = 10
//   action = "influx"
//   people = 250            # an argument the action declares
//
// The engine reads and checks them (sim/scenario/scenario.cpp); the model carries them out.
// README.md ("Group types and events") lists every rule.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/param_settings.hpp"

namespace sim {

enum class EventTarget : std::uint8_t {
  all,    // every group (and, for world-scope settings, the platform)
  type,   // every group of one type (target_type)
  group,  // one group founded at day 0 (target_group)
};

struct EventSpec {
  // The end of the run, as end_tick() reports an event that is never undone.
  static constexpr std::int64_t run_end = std::numeric_limits<std::int64_t>::max();

  std::size_t index = 0;  // 0-based position among the file's [[events]]: "events[2]" in messages
  SourcePlace where;      // of the [[events]] header (or its first key), to name the event
  std::string action;     // the name of a declared action (find_event_action)
  std::int64_t day = 0;   // fires at the start of this hour of this day (day 0 = the first)
  int hour = 0;
  // Windowed actions only: undone at the start of this hour of this day; none = at the end.
  std::optional<std::int64_t> until_day;
  int until_hour = 0;
  EventTarget target = EventTarget::all;  // which groups it acts on
  std::string target_type;                // for target "type:NAME": NAME
  std::int64_t target_group = -1;         // for "group:N": N, the id of a group founded at day 0
                                          // (in founding order); an upper bound is the model's
  SourcePlace target_where;               // of the `target` key (of the event when it was left out)
  std::vector<ParamSetting> settings;     // its `set = { ... }` table, in file order
  // The action's other arguments by name, typed and range-checked against its declaration,
  // with where each was written. An optional argument left out is absent.
  std::map<std::string, std::pair<ParamValue, SourcePlace>> args;

  // Hours since the run began at which it fires.
  std::int64_t start_tick() const { return day * 24 + hour; }
  // Hours since the run began at which it is undone; run_end when it has no until_day.
  std::int64_t end_tick() const { return until_day ? *until_day * 24 + until_hour : run_end; }
  // The same, with run_end replaced by the end of a run of `run_days` days.
  std::int64_t end_tick(std::int64_t run_days) const {
    return until_day ? end_tick() : run_days * 24;
  }
};

// "all", "type:friends", "group:3": the target as written.
std::string target_text(const EventSpec& event);
// "day 7 09:00 until day 14 00:00": when it fires (and is undone), for messages and listings.
std::string when_text(const EventSpec& event);

// The checks that depend on the run's resolved values, made again for every arm and sweep
// point (run.days may differ): every event starts before the run ends (day < run.days) and a
// window ends by the end (until_day <= run.days, until_hour 0 on the last); no two events set
// the same key for targets that may overlap (all overlaps every target; type:X only type:X;
// group:N only group:N) during time windows that intersect ([start, end), where an event
// without until_day lasts to the end of the run). Throws InputError naming the event(s).
void check_events_in_run(const std::vector<EventSpec>& events, const Parameters& params);

}  // namespace sim
