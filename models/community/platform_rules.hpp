#pragma once
// Checks on a scenario's group types and events that need the model's meaning (declared with
// sim::scenario_rule; run on the base file, each arm and each sweep point before anything
// runs). Each names the file, line and key it refuses. Declared in a header, like the
// parameters, so that every binary that builds worlds carries them.
#include <algorithm>
#include <cmath>
#include <string>

#include "models/community/initial_groups.hpp"
#include "sim/core/input_error.hpp"
#include "sim/params/key.hpp"
#include "sim/scenario/group_types.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_rules.hpp"

namespace community::platform_rules {

inline bool has_model_keys(const sim::Scenario& s) {
  return s.params.registry().find("groups.count") && s.params.registry().find("population.size");
}

inline std::string key_of_type(const sim::GroupTypeSpec& t, const std::string& key) {
  return "key 'group_types." + t.name + "." + key + "'";
}

inline std::string key_of_event(const sim::EventSpec& e, const std::string& key) {
  return "key 'events[" + std::to_string(e.index) + "]." + key + "'";
}

// Groups founded at day 0 (what group:N may name), as world_builder counts them.
inline std::int64_t initial_groups(const sim::Scenario& s) {
  std::int64_t n = 0;
  for (auto k : initial_group_counts(s)) n += k;
  return n;
}

// The type (index) of group N founded at day 0.
inline std::size_t type_of_group(const sim::Scenario& s, std::int64_t group) {
  const auto counts = initial_group_counts(s);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (group < counts[i]) return i;
    group -= counts[i];
  }
  return counts.size();
}

// Keys an event may set: parameters the model reads while it runs. The engine's own keys
// (run.*, population.*, graph.*, output.*) and those read once while the world is built are
// refused, since setting them mid-run would change nothing or break the output.
inline bool settable_during_run(const std::string& path) {
  static const std::vector<std::string> built_once = {
      "groups.count",  "members.evening_peak", "members.spammer_share",
      "output.events", "output.hourly",        "snapshots.every_days"};
  return sim::ParamValues::slot_of(path) >= 0 &&
         std::find(built_once.begin(), built_once.end(), path) == built_once.end();
}

inline bool may_overlap(const sim::Scenario& s, const sim::EventSpec& a, const sim::EventSpec& b) {
  using T = sim::EventTarget;
  if (a.target == T::all || b.target == T::all) return true;
  if (a.target == b.target)
    return a.target == T::type ? a.target_type == b.target_type : a.target_group == b.target_group;
  const sim::EventSpec& by_type = a.target == T::type ? a : b;
  const sim::EventSpec& by_group = a.target == T::group ? a : b;
  const std::size_t t = type_of_group(s, by_group.target_group);
  const auto names = sim::group_type_names(s.group_types);
  return t < names.size() && names[t] == by_type.target_type;
}

inline const sim::GroupTypeSpec* type_named(const sim::Scenario& s, const std::string& name) {
  for (const auto& t : s.group_types)
    if (t.name == name) return &t;
  return nullptr;
}

// The types' shares of groups.count cannot add up to more than all of them.
inline const std::size_t shares_fit = sim::scenario_rule([](const sim::Scenario& s) {
  if (!has_model_keys(s)) return;
  double total = 0;
  for (const auto& t : s.group_types) {
    if (!t.share) continue;
    total += *t.share;
    if (total > 1.0 + 1e-9)
      throw sim::InputError(t.where, key_of_type(t, "share") +
                                         ": the types' shares of "
                                         "groups.count add up to " +
                                         std::to_string(total) + " here, more than 1");
  }
});

// Groups founded during the run need members: refused when the expected founding
// memberships exceed what the population can hold (population.size × members.max_groups).
inline const std::size_t founding_fits = sim::scenario_rule([](const sim::Scenario& s) {
  if (!has_model_keys(s)) return;
  const double days = static_cast<double>(s.params.integer("run.days"));
  const double capacity = static_cast<double>(s.params.integer("population.size")) *
                          static_cast<double>(s.params.integer("members.max_groups"));
  double needed = 0;
  for (const auto& t : s.group_types) {
    const auto p = sim::group_type_params(s.params, t);
    needed += t.per_day * days * static_cast<double>(p.integer("groups.initial_size"));
    if (needed > capacity)
      throw sim::InputError(
          t.where, key_of_type(t, "per_day") + ": founding " +
                       sim::format_value(sim::ParamValue{t.per_day}) + " groups a day of " +
                       std::to_string(p.integer("groups.initial_size")) + " founders for " +
                       std::to_string(static_cast<long>(days)) + " days needs about " +
                       std::to_string(static_cast<long>(needed)) +
                       " memberships (all types so far), more than population.size × "
                       "members.max_groups = " +
                       std::to_string(static_cast<long>(capacity)));
  }
});

// Events name groups that exist and types that can do what is asked of them.
inline const std::size_t events_fit = sim::scenario_rule([](const sim::Scenario& s) {
  if (!has_model_keys(s)) return;
  const std::int64_t groups = initial_groups(s);
  std::int64_t influx = 0;
  const std::int64_t people = s.params.integer("population.size");
  for (const auto& e : s.events) {
    if (e.target == sim::EventTarget::group && e.target_group >= groups)
      throw sim::InputError(
          e.target_where,
          key_of_event(e, "target") + ": group:" + std::to_string(e.target_group) +
              " does not exist; " + std::to_string(groups) +
              " groups are founded at day 0 (group:0 .. group:" + std::to_string(groups - 1) + ")");
    if (e.action == "influx") {
      const auto& [value, where] = e.args.at("people");
      influx += std::get<std::int64_t>(value);
      if (influx > people)
        throw sim::InputError(where, key_of_event(e, "people") + ": the influx events bring " +
                                         std::to_string(influx) + " people so far, more than the " +
                                         std::to_string(people) +
                                         " people of the platform (population.size)");
    }
    if (e.action == "found") {
      const auto& [value, where] = e.args.at("type");
      const std::string& name = std::get<std::string>(value);
      const bool implicit = s.group_types.empty() && name == "default";
      const sim::GroupTypeSpec* type = type_named(s, name);
      if (!type && !implicit)
        throw sim::InputError(where, key_of_event(e, "type") + ": no group type '" + name +
                                         "' (declare it as [group_types." + name + "])");
      const auto p = type ? sim::group_type_params(s.params, *type) : s.params;
      const auto lifetime = p.integer("groups.lifetime_hours");
      if (lifetime <= 0)
        throw sim::InputError(where, key_of_event(e, "type") + ": group type '" + name +
                                         "' has groups.lifetime_hours = 0 (no end); a group "
                                         "founded for an event needs a lifetime in hours");
      const std::int64_t left = s.params.integer("run.days") * 24 - e.start_tick();
      if (lifetime > left)
        throw sim::InputError(where, key_of_event(e, "type") + ": a group of type '" + name +
                                         "' lives " + std::to_string(lifetime) +
                                         " hours, longer than the " + std::to_string(left) +
                                         " hours left in the run after the event");
    }
  }
});

// Set events change only what the model reads during the run, and a group's own window may not
// overlap its type's on the same key (the engine checks targets of one kind against each other;
// a type and one of its groups are the model's business).
inline const std::size_t settings_fit = sim::scenario_rule([](const sim::Scenario& s) {
  if (!has_model_keys(s)) return;
  for (const auto& e : s.events)
    for (const auto& set : e.settings)
      if (!settable_during_run(set.path))
        throw sim::InputError(set.where, key_of_event(e, "set." + set.path) + ": '" + set.path +
                                             "' is read once, when the run starts; an event "
                                             "cannot change it");
  const std::int64_t end = s.params.integer("run.days") * 24;
  for (std::size_t i = 0; i < s.events.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const auto& a = s.events[j];
      const auto& b = s.events[i];
      if (a.target == b.target || !may_overlap(s, a, b)) continue;
      if (b.start_tick() >= a.end_tick(end / 24) || a.start_tick() >= b.end_tick(end / 24))
        continue;
      for (const auto& set : b.settings)
        if (sim::find_setting(a.settings, set.path))
          throw sim::InputError(set.where, key_of_event(b, "set." + set.path) +
                                               ": overlaps events[" + std::to_string(a.index) +
                                               "] (" + a.where.str() + "), which sets it for " +
                                               sim::target_text(a) + " at the same time (" +
                                               sim::target_text(b) + " is among them)");
    }
});

}  // namespace community::platform_rules
