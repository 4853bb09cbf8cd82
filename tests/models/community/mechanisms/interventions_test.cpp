// Interventions (models/community/mechanisms/interventions.hpp): a scenario's [[events]] carried
// out on a world built from the scenario (world_builder), hour by hour with
// apply_interventions alone, so that nothing but the events changes the groups: `set` with a
// window changes and restores a type's groups (those founded in the window and those with a copy
// of their own included), one group's or the world's values; `influx` admits people who were in
// no group, round robin within size caps; `found` makes a flash group from a parent's most
// recently active members, ended by its lifetime; `close` dissolves a group. Each start and end
// is a FiredEvent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "models/community/mechanisms/founding.hpp"
#include "models/community/mechanisms/group_life.hpp"
#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/mechanisms/interventions.hpp"
#include "models/community/support/world_fixture.hpp"
#include "models/community/world_builder.hpp"
#include "models/registry.hpp"
#include "sim/scenario/scenario.hpp"

using namespace community;
using namespace community::testing;

namespace {

const std::string head = "[run]\ndays = 6\n[population]\nsize = 400\n[groups]\ninitial_size = 10\n";

// The world a scenario builds, its day-0 groups tidied as the model's constructor does.
World world_of(const std::string& text, std::uint64_t seed = 11) {
  const auto sc = sim::parse_scenario(text, "events.toml", models::all_params());
  World w = build_world(sc, seed);
  for (std::size_t g = 0; g < w.groups.size(); ++g) tidy_group(w, g, 0);
  return w;
}

// Makes the changes due in hours [from, to).
void run_events(World& w, Tick from, Tick to) {
  for (Tick t = from; t < to; ++t) apply_interventions(w, t);
}

std::uint16_t type_named(const World& w, const std::string& name) {
  for (std::uint16_t i = 0; i < w.types.size(); ++i)
    if (w.types[i].name == name) return i;
  FAIL("no type " << name);
  return 0;
}

struct Row {
  std::uint32_t event;
  Tick tick;
  bool end;
  std::uint16_t action;
  std::uint32_t groups, people;
  bool operator==(const Row&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Row& r) {
  return os << "{event " << r.event << " tick " << r.tick << (r.end ? " end" : " start")
            << " action " << r.action << " groups " << r.groups << " people " << r.people << "}";
}
std::vector<Row> fired(const World& w) {
  std::vector<Row> out;
  for (const auto& f : w.interventions.fired)
    out.push_back({f.event, f.tick, f.end, f.action, f.groups, f.people});
  return out;
}

constexpr std::uint16_t set_action = 0, influx_action = 1, found_action = 2, close_action = 3;

}  // namespace

TEST_CASE("the actions' codes are their declaration order", "[mechanism][interventions]") {
  // The model's own actions, in the order they are declared (not the test binary's extra ones).
  CHECK(intervention_action_names() == std::vector<std::string>{"set", "influx", "found", "close"});
}

TEST_CASE(
    "set with a window on a type changes its groups, newborn and own-copy ones included, "
    "and restores them all",
    "[mechanism][interventions]") {
  World w = world_of(head +
                     "[group_types.a]\ncount = 3\n[group_types.b]\ncount = 2\n"
                     "[[events]]\nday = 1\nuntil_day = 3\naction = \"set\"\ntarget = \"type:a\"\n"
                     "set = { \"groups.open_channel_per_day\" = 20.0 }\n"
                     "[[events]]\nday = 2\naction = \"set\"\ntarget = \"group:0\"\n"
                     "set = { \"groups.owner_drift\" = 0.5 }\n");
  using param::groups::open_channel_per_day;
  using param::groups::owner_drift;
  const double channel0 = w.rules[open_channel_per_day], drift0 = w.rules[owner_drift];
  REQUIRE(channel0 != 20.0);
  REQUIRE(drift0 != 0.5);
  const auto a = type_named(w, "a"), b = type_named(w, "b");
  REQUIRE(w.groups.size() == 5);
  for (const auto& g : w.groups) CHECK(g.type == (g.id < 3 ? a : b));

  run_events(w, 0, 24);
  for (const auto& g : w.groups) CHECK(g.rules[open_channel_per_day] == channel0);
  CHECK(w.interventions.fired.empty());

  run_events(w, 24, 30);  // the window opens at 24
  for (const auto& g : w.groups)
    CHECK(g.rules[open_channel_per_day] == (g.type == a ? 20.0 : channel0));
  CHECK((*w.types[a].rules)[open_channel_per_day] == 20.0);
  CHECK((*w.types[b].rules)[open_channel_per_day] == channel0);
  CHECK(w.rules[open_channel_per_day] == channel0);  // a type's event leaves the world's values

  // A group of the type born during the window runs with the window's values.
  const std::size_t born = found_populated_group(w, a, 30, 999);
  REQUIRE(w.groups[born].alive);
  tidy_group(w, born, 30);
  CHECK(w.groups[born].rules[open_channel_per_day] == 20.0);

  run_events(w, 30, 49);  // group:0 gets a value of its own at 48
  const GroupState& g0 = w.groups[0];
  CHECK(g0.rules.owned());
  CHECK(g0.rules[owner_drift] == 0.5);
  CHECK(g0.rules[open_channel_per_day] == 20.0);  // its copy carries the window's value
  for (std::size_t gi = 1; gi < w.groups.size(); ++gi) {
    CHECK_FALSE(w.groups[gi].rules.owned());
    CHECK(w.groups[gi].rules[owner_drift] == drift0);  // its type-mates keep theirs
  }
  CHECK((*w.types[a].rules)[owner_drift] == drift0);

  run_events(w, 49, 73);  // the window closes at 72
  for (const auto& g : w.groups) CHECK(g.rules[open_channel_per_day] == channel0);
  CHECK((*w.types[a].rules)[open_channel_per_day] == channel0);
  CHECK(w.groups[0].rules[owner_drift] == 0.5);  // its own event lasts to the end of the run

  // After the window a newborn group of the type has the type's usual values.
  const std::size_t later = found_populated_group(w, a, 80, 1000);
  CHECK(w.groups[later].rules[open_channel_per_day] == channel0);

  const std::vector<Row> want{{0, 24, false, set_action, 3, 0},
                              {1, 48, false, set_action, 1, 0},
                              {0, 72, true, set_action, 4, 0}};  // the newborn too
  CHECK(fired(w) == want);
}

TEST_CASE("a group's own set window may not overlap its type's on the same key",
          "[mechanism][interventions]") {
  // type:a and group:1 (of type a) setting one key at overlapping times would leave the
  // group's value to whichever window closed last; the model refuses the pair by name.
  const std::string first =
      "[group_types.a]\ncount = 3\n"
      "[[events]]\nday = 1\nuntil_day = 3\naction = \"set\"\ntarget = \"type:a\"\n"
      "set = { \"groups.open_channel_per_day\" = 20.0 }\n";
  const std::string second =
      "[[events]]\nday = 2\nuntil_day = 4\naction = \"set\"\n"
      "target = \"group:1\"\nset = { \"groups.open_channel_per_day\" = 7.0 }\n";
  CHECK_THROWS_WITH(world_of(head + first + second),
                    Catch::Contains("events[1].set.groups.open_channel_per_day") &&
                        Catch::Contains("overlaps events[0]"));
  // Windows that only touch, or a group of another type, are fine.
  const std::string touching =
      "[[events]]\nday = 3\nuntil_day = 4\naction = \"set\"\n"
      "target = \"group:1\"\nset = { \"groups.open_channel_per_day\" = 7.0 }\n";
  World w = world_of(head + first + touching);
  using param::groups::open_channel_per_day;
  const double channel0 = w.rules[open_channel_per_day];
  run_events(w, 0, 73);
  CHECK(w.groups[1].rules[open_channel_per_day] == 7.0);
  CHECK(w.groups[0].rules[open_channel_per_day] == channel0);
  run_events(w, 73, 97);
  CHECK(w.groups[1].rules[open_channel_per_day] == channel0);
}

TEST_CASE("set on one group leaves its type-mates, set on all with a world key is restored",
          "[mechanism][interventions]") {
  World w = world_of(head +
                     "[group_types.a]\ncount = 2\n[group_types.b]\ncount = 2\n"
                     "[[events]]\nday = 0\nhour = 3\naction = \"set\"\ntarget = \"group:2\"\n"
                     "set = { \"groups.moderators\" = 4 }\n"
                     "[[events]]\nday = 1\nuntil_day = 2\naction = \"set\"\n"
                     "set = { \"members.max_groups\" = 3, \"groups.owner_drift\" = 0.25 }\n");
  using param::groups::moderators;
  using param::groups::owner_drift;
  using param::members::max_groups;
  const int max0 = w.rules[max_groups];
  const double drift0 = w.rules[owner_drift];
  REQUIRE(max0 != 3);
  run_events(w, 0, 4);
  CHECK(w.groups[2].rules[moderators] == 4);
  CHECK(w.groups[3].rules[moderators] == 1);  // same type, untouched
  CHECK((*w.types[1].rules)[moderators] == 1);
  CHECK(w.groups[0].rules[moderators] == 1);

  run_events(w, 4, 25);
  CHECK(w.rules[max_groups] == 3);
  CHECK(w.rules[owner_drift] == 0.25);
  for (const auto& t : w.types) CHECK((*t.rules)[max_groups] == 3);
  for (const auto& g : w.groups) {
    CHECK(g.rules[max_groups] == 3);  // the group with its own copy too
    CHECK(g.rules[owner_drift] == 0.25);
  }
  CHECK(w.groups[2].rules[moderators] == 4);

  run_events(w, 25, 49);
  CHECK(w.rules[max_groups] == max0);
  CHECK(w.rules[owner_drift] == drift0);
  for (const auto& t : w.types) CHECK((*t.rules)[max_groups] == max0);
  for (const auto& g : w.groups) {
    CHECK(g.rules[max_groups] == max0);
    CHECK(g.rules[owner_drift] == drift0);
  }
  CHECK(w.groups[2].rules[moderators] == 4);
  const std::vector<Row> want{{0, 3, false, set_action, 1, 0},
                              {1, 24, false, set_action, 4, 0},
                              {1, 48, true, set_action, 4, 0}};
  CHECK(fired(w) == want);
}

TEST_CASE("influx admits people who were in no group, round robin within size caps",
          "[mechanism][interventions]") {
  World w =
      world_of(head +
               "[output]\nevents = true\n"
               "[group_types.a]\ncount = 2\ngroups.size_cap = 25\n"
               "[group_types.b]\ncount = 1\n"
               "[[events]]\nday = 1\nhour = 8\naction = \"influx\"\ntarget = \"type:a\"\n"
               "people = 20\nvalue = 7.5\nactivity = 3.0\n"
               "[[events]]\nday = 2\naction = \"influx\"\ntarget = \"type:a\"\npeople = 40\n");
  REQUIRE(w.logging);
  REQUIRE(w.groups.size() == 3);
  for (const auto& g : w.groups) REQUIRE(g.present_count() == 10);
  std::set<PersonId> outside;
  for (PersonId p = 0; p < w.people.size; ++p)
    if (w.groups_joined[p] == 0 && !w.is_spammer[p]) outside.insert(p);
  REQUIRE(outside.size() > 100);

  run_events(w, 0, 33);  // the first influx at 32
  std::set<PersonId> admitted;
  for (std::size_t gi = 0; gi < 2; ++gi) {
    const GroupState& g = w.groups[gi];
    CHECK(g.present_count() == 20);  // 20 people, one each in turn: 10 and 10
    CHECK(g.today.joins_influx == 10);
    const auto& m = g.members;
    for (std::size_t i = 0; i < m.slots(); ++i) {
      if (m.joined[i] != 32) continue;
      const PersonId p = m.person[i];
      admitted.insert(p);
      CHECK(outside.count(p) == 1);  // was in no group
      CHECK(w.people.value[p] == 7.5f);
      CHECK(w.people.activity[p] == 3.0f);
      CHECK(w.groups_joined[p] == 1);
      CHECK(g.slot(p) == i);  // indexed at once
      CHECK_FALSE(m.flags[i] & founder);
    }
    std::size_t influx_joins = 0;
    for (const auto& e : g.log)
      influx_joins += e.kind == LogKind::join && e.detail == LogDetail::influx && e.tick == 32;
    CHECK(influx_joins == 10);
  }
  CHECK(admitted.size() == 20);
  CHECK(w.groups[2].present_count() == 10);  // not a target
  CHECK(w.groups[2].today.joins_influx == 0);

  run_events(w, 33, 49);  // 40 more, but only 5 places are left in each
  for (std::size_t gi = 0; gi < 2; ++gi) {
    CHECK(w.groups[gi].present_count() == 25);
    CHECK(w.groups[gi].today.joins_influx == 15);
  }
  std::size_t forced_value = 0, second = 0;
  for (std::size_t gi = 0; gi < 2; ++gi) {
    const auto& m = w.groups[gi].members;
    for (std::size_t i = 0; i < m.slots(); ++i)
      if (m.joined[i] == 48) {
        ++second;
        CHECK(outside.count(m.person[i]) == 1);
        CHECK(admitted.count(m.person[i]) == 0);
        forced_value += w.people.value[m.person[i]] == 7.5f;
      }
  }
  CHECK(second == 10);
  CHECK(forced_value < 10);  // without `value` they keep their own
  const std::vector<Row> want{{0, 32, false, influx_action, 2, 20},
                              {1, 48, false, influx_action, 2, 10}};
  CHECK(fired(w) == want);
}

TEST_CASE(
    "found makes a flash group from the parent's most recently active members, ended by "
    "its lifetime, close dissolves a group",
    "[mechanism][interventions]") {
  World w = world_of(head +
                     "[output]\nevents = true\n"
                     "[group_types.a]\ncount = 2\n"
                     "[group_types.flash]\ncount = 0\ngroups.lifetime_hours = 6\n"
                     "groups.moderators = 2\n"
                     "[[events]]\nday = 1\nhour = 5\naction = \"found\"\ntarget = \"group:0\"\n"
                     "type = \"flash\"\ninvite = 4\n"
                     "[[events]]\nday = 1\naction = \"close\"\ntarget = \"group:1\"\n");
  REQUIRE(w.groups.size() == 2);
  const auto flash = type_named(w, "flash");
  GroupState& parent = w.groups[0];
  auto& pm = parent.members;
  REQUIRE(pm.slots() == 10);
  REQUIRE(pm.flags[0] & owner);
  // Who posted last: slot 3 (27), 7 (26), 5 (20), 2 (10); the owner never did.
  pm.last_post[3] = 27;
  pm.last_post[7] = 26;
  pm.last_post[5] = 20;
  pm.last_post[2] = 10;
  const std::vector<PersonId> expected{pm.person[0], pm.person[3], pm.person[7], pm.person[5]};
  const auto joined_before = w.groups_joined;
  std::vector<PersonId> closed_members(w.groups[1].members.person);

  run_events(w, 0, 25);  // close at 24
  {
    const GroupState& g1 = w.groups[1];
    CHECK_FALSE(g1.alive);
    CHECK(g1.ended == 24);
    CHECK(g1.present_count() == 0);
    for (auto s : g1.members.state) CHECK(s == MemberState::left);
    std::size_t closed_leaves = 0;
    for (const auto& e : g1.log)
      closed_leaves += e.kind == LogKind::leave && e.detail == LogDetail::group_closed;
    CHECK(closed_leaves == 10);
    CHECK(g1.today.leaves == 0);  // a closing is not a departure
  }
  // Still counted until the day's housekeeping and release give the places back.
  for (PersonId p : closed_members) CHECK(w.groups_joined[p] == joined_before[p]);
  tidy_group(w, 1, 24);
  release_memberships(w, 24);
  for (PersonId p : closed_members) CHECK(w.groups_joined[p] == joined_before[p] - 1);

  // At capacity, founding moves the groups to a new array: the flash group's purpose must still
  // be its parent's (it was once read through a reference into the old array).
  const Eigen::VectorXf parent_focus = w.groups[0].focus;
  w.groups.shrink_to_fit();
  run_events(w, 25, 30);  // found at 29
  REQUIRE(w.groups.size() == 3);
  const GroupState& f = w.groups[2];
  CHECK((f.focus - parent_focus).norm() < 1e-6f);
  CHECK((f.conversation - parent_focus).norm() < 1e-6f);
  CHECK(f.alive);
  CHECK(f.type == flash);
  CHECK(f.parent == 0);
  CHECK(f.founded == 29);
  CHECK(f.rules.shared() == w.types[flash].rules);
  CHECK(f.members.person == expected);  // the owner first, then by last post
  CHECK((f.members.flags[0] & (owner | moderator)) == (owner | moderator));
  int moderators = 0;
  for (auto fl : f.members.flags) {
    CHECK(fl & founder);
    moderators += (fl & moderator) != 0;
  }
  CHECK(moderators == 2);  // as the flash type says
  CHECK(f.slot_of.size() == 4);
  CHECK(f.lifetime.members_ever == 4);
  for (PersonId p : expected) {  // one more group each (less the closed one, if theirs)
    const auto closed = std::count(closed_members.begin(), closed_members.end(), p);
    CHECK(w.groups_joined[p] == joined_before[p] + 1 - closed);
  }
  CHECK(w.groups[0].present_count() == 10);  // the parent keeps its members

  // Alive for its 6 hours (29..34), ended in the last of them.
  for (Tick t = 29; t < 40; ++t) {
    check_group_life(w, 2, t);
    INFO("hour " << t);
    CHECK(w.groups[2].alive == (t < 34));
  }
  CHECK(w.groups[2].ended == 34);
  CHECK(w.groups[2].lifetime.member_hours == 24.0);  // 4 members × 6 hours

  const std::vector<Row> want{{1, 24, false, close_action, 1, 10},
                              {0, 29, false, found_action, 1, 4}};
  CHECK(fired(w) == want);
}
