// Splitting (models/community/mechanisms/splitting.hpp): a group past split_at members, out
// of its quiet period (split_every_days), is divided by interest (k-means from the focus and
// the least aligned members) and ties into round(N/split_target) clusters (two with no
// target); members nearer another centre than the focus move to a new group with that centre,
// owned by the highest-value mover, unless their cluster is below split_min_size. Moving is
// neither a departure nor a join.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/mechanisms/splitting.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

// Splitting by interest alone, whenever a group is past split_at, down to two-member groups.
void split_rules(World& w, int split_at) {
  w.rules.set(param::groups::split_at, split_at);
  w.rules.set(param::groups::split_every_days, 1);
  w.rules.set(param::groups::split_min_size, 2);
  w.rules.set(param::groups::split_ties, 0.0);
}

// Focus on e0. Owner 0 leans towards e1 (but owners stay); 1-3 near e0; 4-7 near e1.
World split_world(int split_at) {
  std::vector<PersonSpec> people = {
      {unit({0.2f, 1.0f}), 1.0f, 9.0f},  {unit({1.0f, 0.1f}), 1.0f, 1.0f},
      {unit({1.0f, -0.1f}), 1.0f, 2.0f}, {unit({1.0f, 0.2f}), 1.0f, 3.0f},
      {unit({0.1f, 1.0f}), 1.0f, 4.0f},  {unit({-0.1f, 1.0f}), 1.0f, 1.5f},
      {unit({0.2f, 1.0f}), 1.0f, 5.0f},  {unit({0.0f, 1.0f}), 1.0f, 0.5f},
  };
  World w = make_world(2, people);
  split_rules(w, split_at);
  w.rules.set(param::groups::moderators, 2);
  std::vector<MemberSpec> members = {
      {0, owner | moderator | founder, 0.9f},
      {1, moderator | founder, 0.8f},
      {2, 0, 0.7f},
      {3, 0, 0.6f},
      {4, moderator | founder | paid_fee | top_decile | founding_expert, 0.55f},
      {5, 0, 0.3f, MemberState::muted},
      {6, 0, 0.65f},
      {7, 0, 0.45f},
  };
  members[7].joined = at(3, 4);
  add_group(w, axis(2, 0), members);
  GroupState& g = w.groups[0];
  g.members.posts[6] = 17;
  g.members.last_post[6] = at(4, 2);
  return w;
}

std::size_t present(const GroupState& g) {
  return g.present_count();
}

}  // namespace

TEST_CASE("a group past split_at splits in two by interest", "[mechanism][splitting]") {
  World w = split_world(6);
  const auto joined_before = w.groups_joined;
  const Tick t = at(5, 23);
  split_large_groups(w, t);
  REQUIRE(w.groups.size() == 2);
  const GroupState& parent = w.groups[0];
  const GroupState& child = w.groups[1];

  // Who moved: the members nearer e1 than the focus, never the owner.
  for (std::size_t i = 0; i < 8; ++i) {
    INFO("slot " << i);
    CHECK((parent.members.state[i] == MemberState::moved) == (i >= 4));
  }
  CHECK(parent.members.flags[0] & owner);
  CHECK(present(parent) == 4);
  CHECK(present(child) == 4);  // membership conserved: 8 = 4 + 4
  CHECK(child.members.person == std::vector<PersonId>{4, 5, 6, 7});

  // The child: next id, founded now, alive, focus the second centre (towards e1).
  CHECK(child.id == 1);
  CHECK(child.founded == t);
  CHECK(child.alive);
  CHECK(child.focus.norm() == Approx(1.0f));
  CHECK(child.focus.dot(axis(2, 1)) > 0.95f);
  CHECK((child.conversation - child.focus).norm() < 1e-6f);
  CHECK(child.moderators == 1);  // its owner

  // Exactly one owner, the highest-value mover (person 6), who also moderates.
  int owners = 0;
  for (std::size_t i = 0; i < child.members.slots(); ++i)
    owners += (child.members.flags[i] & owner) != 0;
  CHECK(owners == 1);
  CHECK(child.members.flags[2] == (owner | moderator));
  // Moved members keep paid_fee and founder, lose roles and decile marks.
  CHECK(child.members.flags[0] == (paid_fee | founder));
  // Tenure, posts, state and satisfaction travel with them.
  CHECK(child.members.state[1] == MemberState::muted);
  CHECK(child.members.satisfaction[1] == 0.3f);
  CHECK(child.members.posts[2] == 17);
  CHECK(child.members.last_post[2] == at(4, 2));
  CHECK(child.members.joined[3] == at(3, 4));

  // Not a departure, not a join.
  for (const GroupState* g : {&parent, &child}) {
    CHECK(g->today.leaves == 0);
    CHECK(g->today.removals == 0);
    CHECK(g->today.joins_friend + g->today.joins_open == 0);
  }
  CHECK(w.groups_joined == joined_before);

  // Housekeeping drops the moved slots without remembering them as former members.
  tidy_group(w, 0, t);
  release_memberships(w, t);
  CHECK(w.groups[0].members.slots() == 4);
  CHECK(w.groups[0].former.empty());
  CHECK(w.groups_joined == joined_before);
}

TEST_CASE("no split at or below split_at, or when splitting is off", "[mechanism][splitting]") {
  const Tick t = at(1, 23);
  World at_limit = split_world(8);
  split_large_groups(at_limit, t);
  CHECK(at_limit.groups.size() == 1);
  World off = split_world(0);
  split_large_groups(off, t);
  CHECK(off.groups.size() == 1);
  World dead = split_world(2);
  dead.groups[0].alive = false;
  split_large_groups(dead, t);
  CHECK(dead.groups.size() == 1);
  // Only present members count towards the size.
  World thinned = split_world(6);
  thinned.groups[0].members.state[2] = MemberState::left;
  thinned.groups[0].members.state[3] = MemberState::removed;
  split_large_groups(thinned, t);
  CHECK(thinned.groups.size() == 1);
}

TEST_CASE("an ad account never owns a split-off group", "[mechanism][splitting]") {
  // Only ad accounts lean away from the focus: they move, but nobody owns the new group.
  std::vector<PersonSpec> people = people_like(6, axis(2, 0));
  people[4] = {axis(2, 1), 1.0f, 50.0f, 60.0f, true};
  people[5] = {unit({0.1f, 1.0f}), 1.0f, 60.0f, 60.0f, true};
  World w = make_world(2, people);
  split_rules(w, 4);
  add_group(w, axis(2, 0),
            {{0, owner | moderator}, {1}, {2}, {3}, {4, ad_account}, {5, ad_account}});
  split_large_groups(w, at(1, 23));
  REQUIRE(w.groups.size() == 2);
  const GroupState& child = w.groups[1];
  CHECK(child.members.person == std::vector<PersonId>{4, 5});
  for (auto f : child.members.flags) CHECK(f == ad_account);
  CHECK(child.moderators == 0);
}

TEST_CASE("a split that would move nobody founds no group", "[mechanism][splitting]") {
  // Everybody shares the focus (population.interest_spread = 0): nobody is nearer another
  // centre, so there is nothing to split off.
  World w = make_world(2, people_like(6, axis(2, 0)));
  split_rules(w, 3);
  add_group(w, axis(2, 0), {{0, owner}, {1}, {2}, {3}, {4}, {5}});
  split_large_groups(w, at(1, 23));
  CHECK(w.groups.size() == 1);
  CHECK(present(w.groups[0]) == 6);
}

TEST_CASE("a group splits at most once in split_every_days", "[mechanism][splitting]") {
  World w = split_world(4);
  w.rules.set(param::groups::split_every_days, 10);
  split_large_groups(w, at(9, 23));  // founded at 0: its quiet period runs to day 10
  CHECK(w.groups.size() == 1);
  split_large_groups(w, at(10, 0));
  REQUIRE(w.groups.size() == 2);
  CHECK(w.groups[0].last_split == at(10, 0));
  CHECK(w.groups[1].founded == at(10, 0));  // the offshoot's quiet period starts now too
  // Both are past split_at 2 now, but quiet until day 20.
  w.rules.set(param::groups::split_at, 2);
  split_large_groups(w, at(19, 23));
  CHECK(w.groups.size() == 2);
}

TEST_CASE("a sub-group below split_min_size stays in the parent", "[mechanism][splitting]") {
  World w = split_world(6);  // 4 stay, 4 would move
  w.rules.set(param::groups::split_min_size, 5);
  split_large_groups(w, at(5, 23));
  CHECK(w.groups.size() == 1);
  CHECK(present(w.groups[0]) == 8);
  CHECK(w.groups[0].last_split == never);  // the split waits: tried again tomorrow
  w.rules.set(param::groups::split_min_size, 4);
  split_large_groups(w, at(6, 23));
  CHECK(w.groups.size() == 2);
}

TEST_CASE("split_target divides a group into round(N/target) sub-groups",
          "[mechanism][splitting]") {
  // Twelve members on three axes, four each; the owner sits on the focus axis.
  std::vector<PersonSpec> people;
  for (int a = 0; a < 3; ++a)
    for (int i = 0; i < 4; ++i)
      people.push_back(
          {unit({a == 0 ? 1.0f : 0.05f * i, a == 1 ? 1.0f : 0.0f, a == 2 ? 1.0f : 0.0f}), 1.0f,
           1.0f + i});
  World w = make_world(3, people);
  split_rules(w, 10);
  w.rules.set(param::groups::split_target, 4);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < 12; ++p)
    members.push_back({p, p == 0 ? std::uint8_t(owner | moderator) : std::uint8_t(0)});
  add_group(w, axis(3, 0), members);
  split_large_groups(w, at(1, 23));
  REQUIRE(w.groups.size() == 3);
  CHECK(present(w.groups[0]) == 4);
  CHECK(w.groups[1].members.slots() == 4);
  CHECK(w.groups[2].members.slots() == 4);
  // Each offshoot gathers one interest: its focus is that axis.
  CHECK(std::max(w.groups[1].focus.dot(axis(3, 1)), w.groups[1].focus.dot(axis(3, 2))) > 0.95f);
  CHECK(w.groups[1].focus.dot(w.groups[2].focus) < 0.1f);
}

TEST_CASE("split_ties keeps friends together", "[mechanism][splitting]") {
  // Member 3 leans slightly to the focus but all their friends inside lean away.
  std::vector<PersonSpec> people = {
      {axis(2, 0), 1.0f, 5.0f},          {unit({1.0f, 0.1f}), 1.0f, 1.0f},
      {unit({1.0f, -0.1f}), 1.0f, 1.0f}, {unit({1.0f, 0.9f}), 1.0f, 1.0f},
      {unit({0.1f, 1.0f}), 1.0f, 2.0f},  {unit({-0.1f, 1.0f}), 1.0f, 1.0f},
      {axis(2, 1), 1.0f, 1.0f},
  };
  // Their friends are friends among themselves too, so they stay where their interest is.
  const std::vector<sim::Edge> edges = {{3, 4}, {3, 5}, {3, 6}, {4, 5}, {4, 6}, {5, 6}};
  for (double ties : {0.0, 1.0}) {
    World w = make_world(2, people, edges);
    split_rules(w, 5);
    w.rules.set(param::groups::split_ties, ties);
    add_group(w, axis(2, 0), {{0, owner}, {1}, {2}, {3}, {4}, {5}, {6}});
    split_large_groups(w, at(1, 23));
    REQUIRE(w.groups.size() == 2);
    INFO("split_ties " << ties);
    CHECK((w.groups[0].members.state[3] == MemberState::moved) == (ties > 0));
  }
}
