#include "models/community/mechanisms/interventions.hpp"

#include <algorithm>

#include "models/community/mechanisms/founding.hpp"
#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/member_cache.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/scenario/event_actions.hpp"

namespace community {

using namespace param;
namespace {

using sim::ParamType;

// The actions, declared once: what scenario validation checks and `commsim inspect` lists.
[[maybe_unused]] const std::size_t declared[] = {
    sim::declare_event_action({.name = "set",
                               .meaning = "set parameters of the target groups (and of groups of "
                                          "the target type founded later); with until_day, "
                                          "restore them when the window ends",
                               .claim = "F1",
                               .args = {},
                               .takes_settings = true,
                               .windowed = true}),
    sim::declare_event_action(
        {.name = "influx",
         .meaning = "bring people who are in no group into the target groups (round robin, "
                    "within size caps)",
         .claim = "F2",
         .args = {{.name = "people",
                   .type = ParamType::integer,
                   .min = 1,
                   .max = 1e7,
                   .required = true,
                   .unit = "people",
                   .meaning = "how many arrive"},
                  {.name = "value",
                   .type = ParamType::real,
                   .min = 0,
                   .max = 1e6,
                   .unit = "value units",
                   .meaning = "their value (expertise); default: as drawn"},
                  {.name = "activity",
                   .type = ParamType::real,
                   .min = 0,
                   .max = 1e6,
                   .unit = "posts/day",
                   .meaning = "their activity; default: as drawn"}}}),
    sim::declare_event_action(
        {.name = "found",
         .meaning = "found a group of `type` from each target group's members (a flash group)",
         .claim = "C23",
         .args = {{.name = "type",
                   .type = ParamType::text,
                   .required = true,
                   .meaning = "the group type of the new group (its lifetime, programme, ...)"},
                  {.name = "invite",
                   .type = ParamType::integer,
                   .min = 0,
                   .max = 1e7,
                   .unit = "members",
                   .meaning = "the most recently active present members invited (0: all)"},
                  {.name = "accept",
                   .type = ParamType::real,
                   .min = 0,
                   .max = 1,
                   .unit = "probability",
                   .meaning = "chance an invited member joins (default 1)"}}}),
    sim::declare_event_action({.name = "close",
                               .meaning = "close the target groups: every member leaves",
                               .claim = "C23"}),
};

double number(const sim::EventSpec& e, const std::string& arg, double otherwise) {
  auto it = e.args.find(arg);
  if (it == e.args.end()) return otherwise;
  const auto& v = it->second.first;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  return otherwise;
}

std::uint16_t type_index(const World& w, const std::string& name) {
  for (std::uint16_t i = 0; i < w.types.size(); ++i)
    if (w.types[i].name == name) return i;
  return 0;  // validated before the run: cannot happen
}

bool targets(const World& w, const sim::EventSpec& e, const GroupState& g) {
  switch (e.target) {
    case sim::EventTarget::all:
      return true;
    case sim::EventTarget::type:
      return g.type == type_index(w, e.target_type);
    case sim::EventTarget::group:
      return g.id == static_cast<std::uint32_t>(e.target_group);
  }
  return false;
}

// The parameter objects a set event writes: for `all`, the world's and every type's; for a
// type, that type's; and every live target group's own copy (a group's own copy is made for
// a group target).
void set_values(World& w, std::uint32_t index, FiredEvent& fired) {
  const sim::EventSpec& e = w.interventions.events[index];
  auto& saved = w.interventions.saved[index];
  std::vector<std::shared_ptr<sim::ParamValues>> objects;
  if (e.target == sim::EventTarget::all) {
    objects.push_back(std::shared_ptr<sim::ParamValues>(&w.rules, [](sim::ParamValues*) {}));
    for (auto& t : w.types) objects.push_back(t.rules);
  } else if (e.target == sim::EventTarget::type) {
    objects.push_back(w.types[type_index(w, e.target_type)].rules);
  }
  for (auto& g : w.groups) {
    if (!g.alive || !targets(w, e, g)) continue;
    ++fired.groups;
    if (e.target == sim::EventTarget::group) g.rules.own();
    if (g.rules.owned()) objects.push_back(g.rules.shared());
  }
  for (const auto& s : e.settings) {
    const auto slot = static_cast<std::uint32_t>(sim::ParamValues::slot_of(s.path));
    const auto& spec = sim::declared_params().at(slot);
    for (auto& values : objects) {
      saved.push_back({values, slot, values->raw(slot)});
      values->set(spec, slot, s.value);
    }
  }
}

// Undoes a set event: every object it wrote gets its value back; a target group that took its
// own copy of the rules during the window gets its type's (restored) value.
void restore_values(World& w, std::uint32_t index, FiredEvent& fired) {
  const sim::EventSpec& e = w.interventions.events[index];
  auto& saved = w.interventions.saved[index];
  for (auto it = saved.rbegin(); it != saved.rend(); ++it)
    it->values->set_raw(it->slot, it->before);
  for (auto& g : w.groups) {
    if (!g.alive || !targets(w, e, g)) continue;
    ++fired.groups;
    if (!g.rules.owned() || e.target == sim::EventTarget::group) continue;
    const bool restored = std::any_of(saved.begin(), saved.end(), [&](const SavedValue& v) {
      return v.values == g.rules.shared();
    });
    if (restored) continue;
    for (const auto& s : e.settings) {
      const auto slot = static_cast<std::uint32_t>(sim::ParamValues::slot_of(s.path));
      g.rules.own().set_raw(slot, w.types[g.type].rules->raw(slot));
    }
  }
  saved.clear();
}

void influx(World& w, std::uint32_t index, Tick t, FiredEvent& fired) {
  const sim::EventSpec& e = w.interventions.events[index];
  std::vector<std::size_t> targets_alive;
  for (std::size_t gi = 0; gi < w.groups.size(); ++gi)
    if (w.groups[gi].alive && targets(w, e, w.groups[gi])) targets_alive.push_back(gi);
  if (targets_alive.empty()) return;
  // Who is not on the platform now: real people in no group. A random N of them arrive.
  std::vector<PersonId> outside;
  for (PersonId p = 0; p < w.people.size; ++p)
    if (!w.is_spammer[p] && w.groups_joined[p] == 0) outside.push_back(p);
  const auto want = static_cast<std::size_t>(number(e, "people", 0));
  sim::RandomStream rng(w.seed, purpose::interventions, index, t);
  const std::size_t n = std::min(want, outside.size());
  for (std::size_t k = 0; k < n; ++k)
    std::swap(outside[k], outside[k + rng.below(static_cast<std::uint32_t>(outside.size() - k))]);
  const double value = number(e, "value", -1), activity = number(e, "activity", -1);
  std::vector<std::size_t> size(targets_alive.size());
  for (std::size_t k = 0; k < size.size(); ++k)
    size[k] = w.groups[targets_alive[k]].present_count();
  std::vector<bool> touched(targets_alive.size(), false);
  std::size_t next = 0;
  for (std::size_t k = 0; k < n; ++k) {
    // The next target with room (round robin); none left: the rest stay away.
    std::size_t tries = 0;
    while (tries < targets_alive.size() &&
           size[next] >=
               static_cast<std::size_t>(w.groups[targets_alive[next]].rules[groups::size_cap])) {
      next = (next + 1) % targets_alive.size();
      ++tries;
    }
    if (tries == targets_alive.size()) break;
    GroupState& g = w.groups[targets_alive[next]];
    const PersonId p = outside[k];
    // Who left or was removed is not brought back (housekeeping's `former`, C12).
    if (std::binary_search(g.former.begin(), g.former.end(), p)) {
      next = (next + 1) % targets_alive.size();
      continue;
    }
    if (value >= 0) w.people.value[p] = static_cast<float>(value);
    if (activity >= 0) w.people.activity[p] = static_cast<float>(activity);
    join_group(w, g, p, t, static_cast<float>(g.rules[members::satisfaction_initial]), 0,
               JoinChannel::influx);
    ++w.groups_joined[p];
    ++g.today.joins_influx;
    g.today.joiner_value += w.people.value[p];
    ++size[next];
    touched[next] = true;
    ++fired.people;
    next = (next + 1) % targets_alive.size();
  }
  for (std::size_t k = 0; k < targets_alive.size(); ++k)
    if (touched[k]) {
      reindex_members(w, w.groups[targets_alive[k]]);
      ++fired.groups;
    }
}

void found_from_members(World& w, std::uint32_t index, Tick t, FiredEvent& fired) {
  const sim::EventSpec& e = w.interventions.events[index];
  const auto type = type_index(w, std::get<std::string>(e.args.at("type").first));
  const auto invite = static_cast<std::size_t>(number(e, "invite", 0));
  const double accept = number(e, "accept", 1.0);
  const sim::ParamValues& r = *w.types[type].rules;
  const int max_groups = r[members::max_groups];
  const std::size_t parents = w.groups.size();
  for (std::size_t pi = 0; pi < parents; ++pi) {
    if (!w.groups[pi].alive || !targets(w, e, w.groups[pi])) continue;
    // The invited: present real members, the most recently active first (owner first).
    std::vector<std::pair<std::uint32_t, PersonId>> invited;
    {
      const auto& m = w.groups[pi].members;
      for (std::size_t i = 0; i < m.slots(); ++i) {
        if (!m.present(i) || (m.flags[i] & ad_account)) continue;
        const std::uint32_t recency = (m.flags[i] & owner)      ? 0
                                      : m.last_post[i] == never ? never
                                                                : never - 1 - m.last_post[i];
        invited.push_back({recency, m.person[i]});
      }
    }
    std::stable_sort(invited.begin(), invited.end());
    if (invite > 0 && invited.size() > invite) invited.resize(invite);
    sim::RandomStream rng(w.seed, purpose::interventions, index, static_cast<std::uint32_t>(pi));
    std::vector<PersonId> joining;
    for (const auto& [recency, p] : invited)
      if (w.groups_joined[p] < max_groups && rng.uniform() < accept) joining.push_back(p);
    fired.people += static_cast<std::uint32_t>(joining.size());
    // found_group may reallocate w.groups: the parent's focus is copied before, not referred to.
    const Eigen::VectorXf purpose_of_parent = w.groups[pi].focus;
    GroupState& g = found_group(w, purpose_of_parent, t, type);
    g.parent = w.groups[pi].id;
    const float s0 = static_cast<float>(r[members::satisfaction_initial]);
    for (PersonId p : joining) {
      join_group(w, g, p, t, s0, founder, JoinChannel::founder);
      ++w.groups_joined[p];
    }
    ++fired.groups;
    if (joining.empty()) {
      dissolve(w, g, t);
      continue;
    }
    assign_founding_roles(w, g);
    tidy_group(w, g.id, t);
  }
}

void close_groups(World& w, std::uint32_t index, Tick t, FiredEvent& fired) {
  const sim::EventSpec& e = w.interventions.events[index];
  for (auto& g : w.groups) {
    if (!g.alive || !targets(w, e, g)) continue;
    fired.people += static_cast<std::uint32_t>(g.present_count());
    dissolve(w, g, t);
    ++fired.groups;
  }
}

}  // namespace

const std::vector<std::string>& intervention_action_names() {
  // The model's own actions in the order written above (a test binary may declare more).
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (std::size_t i : declared) out.push_back(sim::declared_event_actions().at(i).name);
    return out;
  }();
  return names;
}

void schedule_interventions(World& w, const std::vector<sim::EventSpec>& events) {
  auto& iv = w.interventions;
  iv.events = events;
  iv.saved.assign(events.size(), {});
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    iv.agenda.push_back({static_cast<Tick>(events[i].start_tick()), i, false});
    if (events[i].until_day)
      iv.agenda.push_back({static_cast<Tick>(events[i].end_tick()), i, true});
  }
  std::stable_sort(iv.agenda.begin(), iv.agenda.end(), [](const auto& a, const auto& b) {
    if (a.tick != b.tick) return a.tick < b.tick;
    if (a.end != b.end) return a.end;  // a window closing frees the keys one opening sets
    return a.event < b.event;
  });
}

void apply_interventions(World& w, Tick t) {
  auto& iv = w.interventions;
  const auto& names = intervention_action_names();
  while (iv.next < iv.agenda.size() && iv.agenda[iv.next].tick <= t) {
    const auto change = iv.agenda[iv.next++];
    const std::string& action = iv.events[change.event].action;
    FiredEvent fired{
        change.event, t, change.end,
        static_cast<std::uint16_t>(std::find(names.begin(), names.end(), action) - names.begin())};
    if (action == "set")
      change.end ? restore_values(w, change.event, fired) : set_values(w, change.event, fired);
    else if (action == "influx")
      influx(w, change.event, t, fired);
    else if (action == "found")
      found_from_members(w, change.event, t, fired);
    else if (action == "close")
      close_groups(w, change.event, t, fired);
    iv.fired.push_back(fired);
    traits_changed(w);  // values, people's traits or their numbers of groups may have changed
  }
}

}  // namespace community
