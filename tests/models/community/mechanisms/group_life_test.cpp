// Group life (models/community/mechanisms/group_life.hpp): flash groups close lifetime_hours
// after founding; at the end of each day a group with fewer than min_size members, or (after
// its first death_window_days) with fewer than death_active_share of members posting within
// the window, dies; dissolution ends memberships without counting departures.
#include <catch2/catch.hpp>

#include "models/community/mechanisms/group_life.hpp"
#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

void life_rules(sim::ParamValues& p) {
  p.set(param::groups::lifetime_hours, 0);
  p.set(param::groups::death_window_days, 2);
  p.set(param::groups::death_active_share, 0.5);
  p.set(param::groups::min_size, 3);
  p.set(param::moderation::violation_memory_days, 30);
}

World life_world(std::size_t n, Tick founded = 0) {
  World w = make_world(2, people_like(n, axis(2, 0)));
  life_rules(w.rules);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < n; ++p)
    members.push_back({p, p == 0 ? std::uint8_t(owner | moderator) : std::uint8_t(0)});
  add_group(w, axis(2, 0), members, 1, founded);
  return w;
}

void all_posted_at(GroupState& g, Tick t) {
  for (auto& lp : g.members.last_post) lp = t;
}

}  // namespace

TEST_CASE("a flash group closes lifetime_hours after founding", "[mechanism][group_life]") {
  World w = life_world(5, /*founded=*/10);
  w.rules.set(param::groups::lifetime_hours, 5);
  GroupState& g = w.groups[0];
  for (Tick t = 10; t < 14; ++t) {
    check_group_life(w, 0, t);
    REQUIRE(g.alive);
  }
  check_group_life(w, 0, 14);  // its fifth hour ends
  CHECK_FALSE(g.alive);
  CHECK(g.ended == 14);
  for (std::size_t i = 0; i < 5; ++i) CHECK(g.members.state[i] == MemberState::left);
  CHECK(g.today.leaves == 0);  // closing is not a departure
  CHECK(g.today.removals == 0);
  CHECK(g.today.other_departures + g.today.top_decile_departures == 0);
}

TEST_CASE("a group below min_size dies at the end of the day", "[mechanism][group_life]") {
  std::vector<PersonSpec> people = people_like(6, axis(2, 0));
  for (std::size_t p = 2; p < 6; ++p) people[p].spammer = true;
  World w = make_world(2, people);
  life_rules(w.rules);
  add_group(w, axis(2, 0),
            {{0, owner}, {1}, {2, ad_account}, {3, ad_account}, {4, ad_account}, {5, ad_account}});
  GroupState& g = w.groups[0];
  all_posted_at(g, 20);
  check_group_life(w, 0, 22);  // not yet the end of the day
  CHECK(g.alive);
  check_group_life(w, 0, 23);  // 2 real members (ad accounts do not count) < 3
  CHECK_FALSE(g.alive);
  CHECK(g.ended == 23);

  World ok = life_world(3);
  all_posted_at(ok.groups[0], 20);
  check_group_life(ok, 0, 23);
  CHECK(ok.groups[0].alive);
  ok.groups[0].members.state[2] = MemberState::removed;  // present members only
  check_group_life(ok, 0, 47);
  CHECK_FALSE(ok.groups[0].alive);
}

TEST_CASE("a silent group dies after the death window", "[mechanism][group_life]") {
  const Tick end_of_day_2 = at(2, 23);  // age 72 h ≥ 48 h window; window starts at tick 24
  SECTION("half of the members posted within the window: alive") {
    World w = life_world(4);
    GroupState& g = w.groups[0];
    g.members.last_post = {at(1, 0), at(2, 5), never, at(0, 23)};  // 24 is inside, 23 is not
    check_group_life(w, 0, end_of_day_2);
    CHECK(g.alive);
  }
  SECTION("fewer than death_active_share posted: dead") {
    World w = life_world(4);
    GroupState& g = w.groups[0];
    g.members.last_post = {at(2, 5), never, at(0, 23), at(0, 1)};
    check_group_life(w, 0, end_of_day_2);
    CHECK_FALSE(g.alive);
    CHECK(g.ended == end_of_day_2);
    for (std::size_t i = 0; i < 4; ++i) CHECK(g.members.state[i] == MemberState::left);
  }
  SECTION("a young group is not judged silent") {
    World w = life_world(4, /*founded=*/at(1, 0));
    check_group_life(w, 0, end_of_day_2);  // age 48 h: 47 h would be too young
    CHECK_FALSE(w.groups[0].alive);
    World young = life_world(4, at(1, 1));
    check_group_life(young, 0, end_of_day_2);  // age 47 h, nobody ever posted
    CHECK(young.groups[0].alive);
  }
  SECTION("ad accounts' posts do not keep a group alive") {
    std::vector<PersonSpec> people = people_like(4, axis(2, 0));
    people[2].spammer = people[3].spammer = true;
    World w = make_world(2, people);
    life_rules(w.rules);
    w.rules.set(param::groups::min_size, 1);
    add_group(w, axis(2, 0), {{0, owner}, {1}, {2, ad_account}, {3, ad_account}});
    GroupState& g = w.groups[0];
    g.members.last_post = {never, never, at(2, 20), at(2, 20)};
    check_group_life(w, 0, end_of_day_2);
    CHECK_FALSE(g.alive);
  }
}

TEST_CASE("a dissolved group releases its members without counting leaves",
          "[mechanism][group_life]") {
  World w = life_world(4);
  GroupState& g = w.groups[0];
  g.members.state[3] = MemberState::muted;
  dissolve(w, g, 99);
  CHECK_FALSE(g.alive);
  CHECK(g.ended == 99);
  for (std::size_t i = 0; i < 4; ++i) CHECK(g.members.state[i] == MemberState::left);
  CHECK(g.today.leaves == 0);
  CHECK(g.today.leaver_value == 0);
  tidy_group(w, 0, 99);
  release_memberships(w, 99);
  CHECK(g.members.slots() == 0);
  for (PersonId p = 0; p < 4; ++p) CHECK(w.groups_joined[p] == 0);

  check_group_life(w, 0, 119);  // a dead group stays dead and keeps its end
  CHECK(g.ended == 99);
}
