// Splitting (models/community/mechanisms/splitting.hpp): a group past split_at members is
// divided by interest (two-means from the focus and the least aligned member); members
// nearer the second centre than the focus move to a new group with that focus, owned by the
// highest-value mover. Moving is neither a departure nor a join.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/mechanisms/splitting.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

// Focus on e0. Owner 0 leans towards e1 (but owners stay); 1-3 near e0; 4-7 near e1.
World split_world(int split_at) {
  std::vector<PersonSpec> people = {
      {unit({0.2f, 1.0f}), 1.0f, 9.0f},  {unit({1.0f, 0.1f}), 1.0f, 1.0f},
      {unit({1.0f, -0.1f}), 1.0f, 2.0f}, {unit({1.0f, 0.2f}), 1.0f, 3.0f},
      {unit({0.1f, 1.0f}), 1.0f, 4.0f},  {unit({-0.1f, 1.0f}), 1.0f, 1.5f},
      {unit({0.2f, 1.0f}), 1.0f, 5.0f},  {unit({0.0f, 1.0f}), 1.0f, 0.5f},
  };
  World w = make_world(2, people);
  w.rules.set(param::groups::split_at, split_at);
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
  World at_limit = split_world(8);
  split_large_groups(at_limit, 23);
  CHECK(at_limit.groups.size() == 1);
  World off = split_world(0);
  split_large_groups(off, 23);
  CHECK(off.groups.size() == 1);
  World dead = split_world(2);
  dead.groups[0].alive = false;
  split_large_groups(dead, 23);
  CHECK(dead.groups.size() == 1);
  // Only present members count towards the size.
  World thinned = split_world(6);
  thinned.groups[0].members.state[2] = MemberState::left;
  thinned.groups[0].members.state[3] = MemberState::removed;
  split_large_groups(thinned, 23);
  CHECK(thinned.groups.size() == 1);
}

TEST_CASE("an ad account never owns a split-off group", "[mechanism][splitting]") {
  // Only ad accounts lean away from the focus: they move, but nobody owns the new group.
  std::vector<PersonSpec> people = people_like(6, axis(2, 0));
  people[4] = {axis(2, 1), 1.0f, 50.0f, 60.0f, true};
  people[5] = {unit({0.1f, 1.0f}), 1.0f, 60.0f, 60.0f, true};
  World w = make_world(2, people);
  w.rules.set(param::groups::split_at, 4);
  add_group(w, axis(2, 0),
            {{0, owner | moderator}, {1}, {2}, {3}, {4, ad_account}, {5, ad_account}});
  split_large_groups(w, 23);
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
  w.rules.set(param::groups::split_at, 3);
  add_group(w, axis(2, 0), {{0, owner}, {1}, {2}, {3}, {4}, {5}});
  split_large_groups(w, 23);
  CHECK(w.groups.size() == 1);
  CHECK(present(w.groups[0]) == 6);
}
