#include "sim/scenario/events.hpp"

#include <algorithm>

#include "sim/batch/toml_util.hpp"
#include "sim/scenario/event_actions.hpp"
#include "sim/scenario/scenario_reading.hpp"

namespace sim {

std::string target_text(const EventSpec& event) {
  switch (event.target) {
    case EventTarget::all:
      return "all";
    case EventTarget::type:
      return "type:" + event.target_type;
    case EventTarget::group:
      return "group:" + std::to_string(event.target_group);
  }
  return "?";
}

namespace {

std::string clock_text(std::int64_t day, int hour) {
  return "day " + std::to_string(day) + (hour < 10 ? " 0" : " ") + std::to_string(hour) + ":00";
}

std::string list_text(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool targets_overlap(const EventSpec& a, const EventSpec& b) {
  if (a.target == EventTarget::all || b.target == EventTarget::all) return true;
  if (a.target != b.target) return false;
  return a.target == EventTarget::type ? a.target_type == b.target_type
                                       : a.target_group == b.target_group;
}

}  // namespace

std::string when_text(const EventSpec& event) {
  return clock_text(event.day, event.hour) +
         (event.until_day ? " until " + clock_text(*event.until_day, event.until_hour)
                          : std::string(" to the end of the run"));
}

void check_events_in_run(const std::vector<EventSpec>& events, const Parameters& params) {
  if (events.empty() || !params.registry().find("run.days")) return;
  const std::int64_t days = params.integer("run.days");
  const std::string days_text =
      "run.days = " + std::to_string(days) + ", set at " + params.origin("run.days");
  for (const auto& e : events) {
    const std::string label = "events[" + std::to_string(e.index) + "]";
    if (e.day >= days)
      throw InputError(e.where, "key '" + label + ".day': day " + std::to_string(e.day) +
                                    " is past the end of the run (" + days_text +
                                    "; days count from 0, so the last is " +
                                    std::to_string(days - 1) + ")");
    if (e.until_day && e.end_tick() > days * 24)
      throw InputError(e.where, "key '" + label +
                                    ".until_day': " + clock_text(*e.until_day, e.until_hour) +
                                    " is after the end of the run (" + days_text +
                                    ", which ends at " + clock_text(days, 0) + ")");
  }
  for (std::size_t b = 0; b < events.size(); ++b)
    for (std::size_t a = 0; a < b; ++a) {
      const EventSpec &first = events[a], &second = events[b];
      if (!targets_overlap(first, second)) continue;
      if (!(first.start_tick() < second.end_tick(days) &&
            second.start_tick() < first.end_tick(days)))
        continue;
      for (const auto& s : second.settings) {
        if (!find_setting(first.settings, s.path)) continue;
        throw InputError(
            s.where, "key 'events[" + std::to_string(b) + "].set." + s.path + "': events[" +
                         std::to_string(b) + "] (" + second.where.str() + ") and events[" +
                         std::to_string(a) + "] (" + first.where.str() + ") both set " + s.path +
                         " for targets that may overlap (" + target_text(second) + ", " +
                         target_text(first) + ") at times that overlap (" + when_text(second) +
                         "; " + when_text(first) +
                         "); end one before the other starts (until_day) or set the key in one "
                         "event");
      }
    }
}

namespace scenario_reading {
namespace {

constexpr double latest_day = 1e9;  // far beyond any run (run.days is checked later)
const std::vector<std::string> event_keys = {"day",    "hour",   "until_day", "until_hour",
                                             "action", "target", "set"};

void read_target(EventSpec& e, const std::string& full, const toml::node& node,
                 const SourcePlace& where, const std::vector<GroupTypeSpec>& types) {
  auto* s = node.as_string();
  const std::string text = s ? s->get() : "";
  auto refuse = [&](const std::string& why) {
    throw InputError(where, "key '" + full + "': " + why);
  };
  if (!s) refuse("expects \"all\", \"type:NAME\" or \"group:N\" (a string)");
  e.target_where = where;
  if (text == "all") {
    e.target = EventTarget::all;
  } else if (text.rfind("type:", 0) == 0) {
    e.target = EventTarget::type;
    e.target_type = text.substr(5);
    const auto names = group_type_names(types);
    if (std::find(names.begin(), names.end(), e.target_type) == names.end())
      refuse("no group type '" + e.target_type + "'" + did_you_mean(e.target_type, names) +
             (types.empty() ? "; without [group_types] tables the one type is 'default'"
                            : "; the file declares " + list_text(names)));
  } else if (text.rfind("group:", 0) == 0) {
    const std::string n = text.substr(6);
    const bool negative = !n.empty() && n[0] == '-';
    const std::string digits = negative ? n.substr(1) : n;
    if (digits.empty() || digits.size() > 18 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      refuse(
          "expects \"group:N\" with N a whole number (the id of a group founded at day 0), got \"" +
          text + "\"");
    if (negative) refuse("group " + n + ": group ids count from 0");
    e.target = EventTarget::group;
    e.target_group = std::stoll(digits);
  } else {
    refuse("expects \"all\", \"type:NAME\" or \"group:N\", got \"" + text + "\"" +
           did_you_mean(text, {"all"}));
  }
}

EventSpec read_event(std::size_t index, const toml::table& t, const std::string& file,
                     const ParamRegistry& registry, const std::vector<GroupTypeSpec>& types) {
  EventSpec e;
  e.index = index;
  const std::string label = "events[" + std::to_string(index) + "]";
  e.where = batch::place_of(file, t.source());
  if (e.where.line == 0 && !t.empty())
    e.where = batch::key_place(file, t, batch::in_file_order(t).front().first);
  e.target_where = e.where;

  const toml::node* action_node = t.get("action");
  const auto names = event_action_names();
  const std::string declared =
      names.empty() ? "no action is declared" : "declared actions: " + list_text(names);
  if (!action_node)
    throw InputError(
        e.where,
        "key '" + label + ".action': missing; every event names its action (" + declared + ")");
  const SourcePlace action_where = batch::key_place(file, t, "action");
  auto* action_name = action_node->as_string();
  if (!action_name)
    throw InputError(action_where, "key '" + label + ".action': expects the name of an action (" +
                                       declared + ")");
  e.action = action_name->get();
  const EventActionSpec* action = find_event_action(e.action);
  if (!action)
    throw InputError(action_where, "key '" + label + ".action': no action named '" + e.action +
                                       "'" + did_you_mean(e.action, names) + " (" + declared + ")");
  if (!t.get("day"))
    throw InputError(e.where, "key '" + label +
                                  ".day': missing; every event says the day it fires (0 = the "
                                  "first day of the run)");

  std::vector<std::string> arg_names;
  for (const auto& a : action->args) arg_names.push_back(a.name);
  std::optional<SourcePlace> until_hour_where, until_day_where, set_where;
  for (auto& [key, node] : batch::in_file_order(t)) {
    const SourcePlace where = batch::key_place(file, t, key);
    const std::string full = label + "." + key;
    auto integer = [&, &node = node](double min, double max) {
      return std::get<std::int64_t>(
          checked_at(structural(full, ParamType::integer, min, max), *node, where));
    };
    if (key == "action") {
      continue;
    } else if (key == "day") {
      e.day = integer(0, latest_day);
    } else if (key == "hour") {
      e.hour = static_cast<int>(integer(0, 23));
    } else if (key == "until_day") {
      if (!action->windowed)
        throw InputError(where, "key '" + full + "': action '" + e.action +
                                    "' is not undone later, so it takes no until_day");
      e.until_day = integer(0, latest_day);
      until_day_where = where;
    } else if (key == "until_hour") {
      if (!action->windowed)
        throw InputError(where, "key '" + full + "': action '" + e.action +
                                    "' is not undone later, so it takes no until_hour");
      e.until_hour = static_cast<int>(integer(0, 23));
      until_hour_where = where;
    } else if (key == "target") {
      if (!action->needs_target)
        throw InputError(where, "key '" + full + "': action '" + e.action +
                                    "' acts on the whole platform and takes no target");
      read_target(e, full, *node, where, types);
    } else if (key == "set") {
      if (!action->takes_settings)
        throw InputError(
            where, "key '" + full + "': action '" + e.action + "' takes no parameter values (set)");
      auto* table = node->as_table();
      if (!table)
        throw InputError(where, "key '" + full +
                                    "': expects a table of parameter values, such as set = { "
                                    "\"groups.moderators\" = 2 }");
      if (table->empty())
        throw InputError(where, "key '" + full + "': sets nothing; name at least one parameter");
      for (auto& [name, sub] : batch::in_file_order(*table))
        read_settings(name, *sub, batch::key_place(file, *table, name), full, file, registry,
                      e.settings);
      set_where = where;
    } else {
      auto arg = std::find_if(action->args.begin(), action->args.end(),
                              [&, &key = key](const EventArgSpec& a) { return a.name == key; });
      if (arg == action->args.end()) {
        std::vector<std::string> candidates = arg_names;
        candidates.insert(candidates.end(), event_keys.begin(), event_keys.end());
        throw InputError(where, "key '" + full + "': unknown" + did_you_mean(key, candidates) +
                                    "; an event takes " + list_text(event_keys) +
                                    " and its action's arguments (action '" + e.action + "': " +
                                    (arg_names.empty() ? "none" : list_text(arg_names)) + ")");
      }
      ParamSpec spec = structural(full, arg->type, arg->min, arg->max);
      spec.choices = arg->choices;
      spec.unit = arg->unit;
      e.args[key] = {checked_at(spec, *node, where), where};
    }
  }

  if (until_hour_where && !e.until_day)
    throw InputError(*until_hour_where,
                     "key '" + label + ".until_hour': needs until_day (the day the window ends)");
  if (e.until_day && e.end_tick() <= e.start_tick())
    throw InputError(*until_day_where, "key '" + label + ".until_day': the window ends (" +
                                           clock_text(*e.until_day, e.until_hour) +
                                           ") before it starts (" + clock_text(e.day, e.hour) +
                                           ")");
  for (const auto& a : action->args)
    if (a.required && !e.args.count(a.name))
      throw InputError(e.where, "key '" + label + "." + a.name + "': missing; action '" + e.action +
                                    "' requires it (" + a.meaning +
                                    (a.unit.empty() ? "" : ", in " + a.unit) + ")");
  if (action->takes_settings && e.settings.empty())
    throw InputError(e.where, "key '" + label + ".set': missing; action '" + e.action +
                                  "' applies parameter values: set = { \"section.key\" = value }");
  for (const auto& s : e.settings) {
    if (e.target == EventTarget::all || registry.find(s.path)->scope == ParamScope::group) continue;
    throw InputError(s.where, "key '" + label + ".set." + s.path + "': " + s.path +
                                  " is one value for the whole platform; only an event with "
                                  "target \"all\" may set it (this one targets " +
                                  target_text(e) + ")");
  }
  return e;
}

}  // namespace

std::vector<EventSpec> read_events(const toml::node& node, const SourcePlace& key_where,
                                   const std::string& file, const ParamRegistry& registry,
                                   const std::vector<GroupTypeSpec>& types) {
  auto* array = node.as_array();
  if (!array || array->empty() || !array->is_array_of_tables())
    throw InputError(key_where, "key 'events': expects [[events]] tables, one per event");
  std::vector<EventSpec> events;
  for (std::size_t i = 0; i < array->size(); ++i)
    events.push_back(read_event(i, *(*array)[i].as_table(), file, registry, types));
  return events;
}

}  // namespace scenario_reading
}  // namespace sim
