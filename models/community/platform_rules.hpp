#pragma once
// Checks on a scenario's group types and events that need the model's meaning (declared with
// sim::scenario_rule; run on the base file, each arm and each sweep point before anything
// runs). Each names the file, line and key it refuses. Declared in a header, like the
// parameters, so that every binary that builds worlds carries them.
#include <cmath>
#include <string>

#include "sim/core/input_error.hpp"
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
  const std::int64_t count = s.params.integer("groups.count");
  if (s.group_types.empty()) return count;
  std::int64_t n = 0;
  double shares = 0;
  for (const auto& t : s.group_types) {
    if (t.count) n += *t.count;
    if (t.share) shares += *t.share;
  }
  return n + std::llround(shares * static_cast<double>(count));
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
          t.where, key_of_type(t, "per_day") + ": founding " + std::to_string(t.per_day) +
                       " groups a day of " + std::to_string(p.integer("groups.initial_size")) +
                       " founders for " + std::to_string(static_cast<long>(days)) +
                       " days needs about " + std::to_string(static_cast<long>(needed)) +
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

}  // namespace community::platform_rules
