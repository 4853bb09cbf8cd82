// Founding (models/community/mechanisms/founding.hpp, world_builder.cpp): groups born during the
// run, per type, a Poisson number at the type's hour or spread over the day by members'
// activity; a newborn group tidied and usable in the hour it is born; founders found by passing
// the invitation through the social graph; a type's settings reaching its groups only; the
// types' shares of groups.count resolved by largest remainder.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "models/community/mechanisms/founding.hpp"
#include "models/community/mechanisms/recruitment.hpp"
#include "models/community/support/world_fixture.hpp"
#include "models/community/world_builder.hpp"
#include "models/registry.hpp"
#include "sim/scenario/scenario.hpp"

using namespace community;
using namespace community::testing;

namespace {

// A ring of `n` people, each the friend of the two on either side (graph distance d between
// people k apart on the ring for |k| <= 2d).
std::vector<sim::Edge> ring(PersonId n) {
  std::vector<sim::Edge> edges;
  for (PersonId p = 0; p < n; ++p) {
    edges.push_back({p, (p + 1) % n});
    edges.push_back({p, (p + 2) % n});
  }
  return edges;
}

PersonId ring_distance(PersonId a, PersonId b, PersonId n) {
  const PersonId d = a > b ? a - b : b - a;
  return std::min(d, n - d);
}

// Adds a type whose rules are a copy of the world's, with `initial_size` founders each.
std::uint16_t add_type(World& w, const std::string& name, double per_day, int hour,
                       int initial_size) {
  auto rules = std::make_shared<sim::ParamValues>(w.rules);
  rules->set(param::groups::initial_size, initial_size);
  rules->set(param::recruitment::topic_selectivity, 0.0);  // every invited friend joins
  w.types.push_back({name, rules, 0, per_day, hour});
  return static_cast<std::uint16_t>(w.types.size() - 1);
}

sim::Scenario scenario(const std::string& text) {
  return sim::parse_scenario(text, "founding.toml", models::all_params());
}

}  // namespace

TEST_CASE("a type with per_day founds a Poisson number of groups a day, all at its hour",
          "[mechanism][founding]") {
  World w = make_world(2, people_like(400, axis(2, 0)), ring(400));
  w.rules.set(param::members::max_groups, 1000);
  const auto evening = add_type(w, "evening", 3.0, 20, 2);
  add_type(w, "never", 0.0, -1, 2);  // founds nothing during the run
  const sim::Day days = 60;
  for (Tick t = 0; t < days * sim::ticks_per_day; ++t) found_new_groups(w, t);
  const double expected = 3.0 * days;
  INFO("groups founded: " << w.groups.size() << ", expected " << expected);
  CHECK(std::abs(double(w.groups.size()) - expected) < 4 * poisson_se(expected));
  std::set<sim::Day> days_with_births;
  for (const auto& g : w.groups) {
    CHECK(g.type == evening);
    CHECK(sim::hour_of_day(g.founded) == 20);
    days_with_births.insert(sim::day_of(g.founded));
  }
  // Births happen on many days (a Poisson count each day, not all on one).
  CHECK(days_with_births.size() > days / 2);
}

TEST_CASE("a type with hour -1 founds over the day, following members' activity",
          "[mechanism][founding]") {
  World w = make_world(2, people_like(400, axis(2, 0)), ring(400));
  w.rules.set(param::members::max_groups, 1000);
  w.diurnal = diurnal_profile(4.0);
  add_type(w, "spread", 6.0, -1, 1);
  const sim::Day days = 100;
  for (Tick t = 0; t < days * sim::ticks_per_day; ++t) found_new_groups(w, t);
  std::vector<double> by_hour(24, 0.0);
  for (const auto& g : w.groups) ++by_hour[static_cast<std::size_t>(sim::hour_of_day(g.founded))];
  const double total = 6.0 * days;
  CHECK(std::abs(double(w.groups.size()) - total) < 4 * poisson_se(total));
  for (int h = 0; h < 24; ++h) {
    const double expected = total * w.diurnal[h] / 24.0;
    INFO("hour " << h << ": " << by_hour[h] << " founded, expected " << expected);
    CHECK(std::abs(by_hour[h] - expected) < 4.5 * poisson_se(expected) + 2);
  }
  // More at 21:00 than at 4:00, and the evening well ahead of the small hours.
  CHECK(by_hour[21] > by_hour[4] + 10);
  const double evening = by_hour[19] + by_hour[20] + by_hour[21] + by_hour[22];
  const double night = by_hour[3] + by_hour[4] + by_hour[5] + by_hour[6];
  CHECK(evening > 3 * night);
}

TEST_CASE("a group born during the run is tidied and usable in the same hour",
          "[mechanism][founding]") {
  World w = make_world(2, people_like(200, axis(2, 0)), ring(200));
  const auto led = add_type(w, "led", 50.0, 9, 6);  // ~50 groups at 9:00
  w.types[led].rules->set(param::groups::moderators, 3);
  const auto flat = add_type(w, "flat", 50.0, 9, 6);
  w.types[flat].rules->set(param::groups::moderators, 0);
  found_new_groups(w, at(2, 9));
  REQUIRE(w.groups.size() > 20);
  std::map<std::uint16_t, int> seen;
  for (const auto& g : w.groups) {
    REQUIRE(g.alive);
    ++seen[g.type];
    const auto& m = g.members;
    REQUIRE(m.slots() == 6);
    CHECK(g.founded == at(2, 9));
    // Indexed: every member found by person, friends inside listed.
    REQUIRE(g.slot_of.size() == m.slots());
    REQUIRE(g.friend_start.size() == m.slots() + 1);
    for (std::size_t i = 0; i < m.slots(); ++i) {
      CHECK(g.slot(m.person[i]) == i);
      CHECK(m.flags[i] & founder);
      CHECK(m.joined[i] == at(2, 9));
      CHECK(m.friends_inside[i] == g.friend_start[i + 1] - g.friend_start[i]);
      for (std::uint32_t k = g.friend_start[i]; k < g.friend_start[i + 1]; ++k)
        CHECK(w.friends.adjacent(m.person[i], m.person[g.friend_slots[k]]));
    }
    CHECK(m.flags[0] & owner);
    int owners = 0, moderators = 0;
    for (auto f : m.flags) {
      owners += (f & owner) != 0;
      moderators += (f & moderator) != 0;
    }
    CHECK(owners == 1);
    if (g.type == led) {
      CHECK(moderators == 3);  // the owner and two more
      CHECK(g.moderators == 3);
    } else {
      CHECK(moderators == 0);
      CHECK(g.moderators == 0);
    }
    CHECK(g.founding_experts >= 1);
    CHECK(g.top_decile_base >= 1);  // deciles marked for today's departure rates
  }
  CHECK(seen[led] > 10);
  CHECK(seen[flat] > 10);
}

TEST_CASE("founders are the first founder's friends, then friends of friends",
          "[mechanism][founding]") {
  const PersonId n = 300;
  World w = make_world(2, people_like(n, axis(2, 0)), ring(n));
  w.rules.set(param::members::max_groups, 1000);
  const auto near = add_type(w, "near", 0, -1, 5);    // the founder and its 4 friends
  const auto wider = add_type(w, "wider", 0, -1, 9);  // and its 4 friends of friends
  std::set<PersonId> first_founders;
  for (std::uint64_t draw = 0; draw < 40; ++draw) {
    const std::uint16_t type = draw % 2 ? wider : near;
    const std::size_t gi = found_populated_group(w, type, at(1, 3), draw);
    const GroupState& g = w.groups[gi];
    REQUIRE(g.alive);
    const auto& m = g.members;
    REQUIRE(m.slots() ==
            static_cast<std::size_t>((*w.types[type].rules)[param::groups::initial_size]));
    const PersonId first = m.person[0];  // the founder, who owns the group
    first_founders.insert(first);
    CHECK(m.flags[0] & owner);
    for (std::size_t i = 1; i < m.slots(); ++i) {
      const PersonId d = ring_distance(first, m.person[i], n);
      INFO("group " << gi << " founder " << first << " member " << m.person[i]);
      if (type == near)
        CHECK(w.friends.adjacent(first, m.person[i]));  // distance 1
      else
        CHECK(d <= 4);  // graph distance at most 2
    }
  }
  CHECK(first_founders.size() > 30);  // the first founder is drawn at random
}

TEST_CASE("a type's settings reach its groups and not the other type's", "[mechanism][founding]") {
  World w = make_world(2, people_like(200, axis(2, 0)), ring(200));
  const auto quiet = add_type(w, "quiet", 0, -1, 4);
  w.types[quiet].rules->set(param::groups::moderators, 0);
  w.types[quiet].rules->set(param::groups::programme_per_day, 2.0);
  const auto busy = add_type(w, "busy", 0, -1, 4);
  w.types[busy].rules->set(param::groups::moderators, 2);
  std::vector<std::size_t> made;
  for (std::uint64_t k = 0; k < 6; ++k)
    made.push_back(found_populated_group(w, k % 2 ? busy : quiet, at(0, 5), k));
  for (std::size_t gi : made) {
    const GroupState& g = w.groups[gi];
    CHECK(g.rules.shared() == w.types[g.type].rules);  // shared with the type, no copy
    CHECK_FALSE(g.rules.owned());
    if (g.type == quiet) {
      CHECK(g.rules[param::groups::moderators] == 0);
      CHECK(g.rules[param::groups::programme_per_day] == 2.0);
    } else {
      CHECK(g.rules[param::groups::moderators] == 2);
      CHECK(g.rules[param::groups::programme_per_day] == 0.0);
    }
  }
  CHECK(w.rules[param::groups::moderators] == 1);  // the world's own values are untouched

  // The same through a scenario's [group_types]: each type's settings in its groups only.
  const auto sc = scenario(
      "[run]\ndays = 5\n[population]\nsize = 300\n[groups]\ncount = 4\ninitial_size = 8\n"
      "[group_types.a]\ncount = 2\ngroups.moderators = 0\n"
      "[group_types.b]\ncount = 2\ngroups.programme_per_day = 3.0\n");
  World built = build_world(sc, 7);
  REQUIRE(built.types.size() == 2);
  REQUIRE(built.groups.size() == 4);
  for (const auto& g : built.groups) {
    CHECK(g.type == (g.id < 2 ? 0 : 1));  // types in file order, each type's groups in a row
    CHECK(g.rules[param::groups::moderators] == (g.type == 0 ? 0 : 1));
    CHECK(g.rules[param::groups::programme_per_day] == (g.type == 0 ? 0.0 : 3.0));
    CHECK(g.rules[param::groups::initial_size] == 8);  // the file's value, in both types
  }
}

TEST_CASE("types' shares of groups.count are resolved by largest remainder",
          "[mechanism][founding]") {
  auto initial = [](const std::string& types, int count) {
    const auto sc = scenario("[run]\ndays = 3\n[population]\nsize = 400\n[groups]\ncount = " +
                             std::to_string(count) + "\ninitial_size = 5\n" + types);
    World w = build_world(sc, 3);
    std::vector<std::uint32_t> out;
    for (const auto& t : w.types) out.push_back(t.initial);
    std::vector<std::uint32_t> groups(w.types.size(), 0);
    for (const auto& g : w.groups) ++groups[g.type];
    CHECK(groups == out);  // the groups founded at day 0 are the resolved counts
    return out;
  };
  using V = std::vector<std::uint32_t>;
  // 2.5 + 2.5: one of them gets the remaining group, the total is 5.
  const V half = initial("[group_types.a]\nshare = 0.5\n[group_types.b]\nshare = 0.5\n", 5);
  CHECK(half[0] + half[1] == 5);
  CHECK(((half == V{3, 2}) || (half == V{2, 3})));
  // 2.1 + 2.1 + 2.8 of 7: floors 2, 2, 2 and the one left goes to the largest remainder.
  CHECK(initial("[group_types.a]\nshare = 0.3\n[group_types.b]\nshare = 0.3\n"
                "[group_types.c]\nshare = 0.4\n",
                7) == V{2, 2, 3});
  // 1/3 each of 10 (3.33 each): 3, 3, 3 plus one to a type, total 10.
  const V thirds = initial(
      "[group_types.a]\nshare = 0.3333333333333333\n[group_types.b]\n"
      "share = 0.3333333333333333\n[group_types.c]\nshare = 0.3333333333333334\n",
      10);
  CHECK(thirds[0] + thirds[1] + thirds[2] == 10);
  for (auto k : thirds) CHECK((k == 3 || k == 4));
  // A count next to shares: the count as given, the shares of groups.count on top.
  CHECK(initial("[group_types.a]\ncount = 2\n[group_types.b]\nshare = 0.6\n", 5) == V{2, 3});
  // Shares below 1 in total: the rounded total share, no more.
  CHECK(initial("[group_types.a]\nshare = 0.25\n[group_types.b]\nshare = 0.25\n", 6) == V{2, 1});
}
