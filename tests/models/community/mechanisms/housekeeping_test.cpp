// Housekeeping (models/community/mechanisms/housekeeping.hpp): drop ended memberships,
// remembering who left or was removed (sorted) and releasing them; moderators are recounted;
// violations fade; the members are indexed by person (GroupState::slot) and each member's
// friends inside listed (GroupState::friends, friends_inside); members aligned with the focus
// and the top value decile are marked.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

TEST_CASE("tidy_group erases ended memberships and remembers who left, sorted",
          "[mechanism][housekeeping]") {
  World w = make_world(2, people_like(12, axis(2, 0)));
  w.rules.set(param::moderation::violation_memory_days, 30);
  add_group(w, axis(2, 0),
            {{0, owner | moderator, 0.9f},
             {11, 0, 0.8f, MemberState::left},
             {5, 0, 0.7f, MemberState::active},
             {7, 0, 0.6f, MemberState::removed},
             {3, 0, 0.5f, MemberState::moved},
             {8, 0, 0.4f, MemberState::muted},
             {2, 0, 0.3f, MemberState::left}});
  GroupState& g = w.groups[0];
  g.former = {1, 9};
  g.members.posts = {10, 11, 12, 13, 14, 15, 16};
  tidy_group(w, 0, 23);
  const auto& m = g.members;
  REQUIRE(m.slots() == 3);
  CHECK(m.person == std::vector<PersonId>{0, 5, 8});
  CHECK(m.state ==
        std::vector<MemberState>{MemberState::active, MemberState::active, MemberState::muted});
  CHECK(m.satisfaction[1] == 0.7f);  // every array moved together
  CHECK(m.satisfaction[2] == 0.4f);
  CHECK(m.posts == std::vector<std::uint32_t>{10, 12, 15});
  CHECK(m.flags[0] & owner);
  CHECK(g.former == std::vector<PersonId>{1, 2, 7, 9, 11});  // moved (3) is not former
  std::vector<PersonId> released = g.released;
  std::sort(released.begin(), released.end());
  CHECK(released == std::vector<PersonId>{2, 7, 11});

  // A second pass with nothing ended changes nothing.
  tidy_group(w, 0, 47);
  CHECK(m.slots() == 3);
  CHECK(g.former.size() == 5);
  CHECK(g.released.empty());
}

TEST_CASE("release_memberships gives released people back their place",
          "[mechanism][housekeeping]") {
  World w = make_world(2, people_like(4, axis(2, 0)));
  add_group(w, axis(2, 0),
            {{0, owner}, {1, 0, 0.5f, MemberState::left}, {2, 0, 0.5f, MemberState::removed}});
  add_group(w, axis(2, 0), {{1, owner}, {3, 0, 0.5f, MemberState::moved}});
  w.groups_joined[3] = 1;  // the move took 3 elsewhere without a release
  REQUIRE(w.groups_joined[1] == 2);
  tidy_group(w, 0, 23);
  tidy_group(w, 1, 23);
  release_memberships(w, 23);
  CHECK(w.groups_joined[0] == 1);
  CHECK(w.groups_joined[1] == 1);
  CHECK(w.groups_joined[2] == 0);
  CHECK(w.groups_joined[3] == 1);
  CHECK(w.groups[0].released.empty());
  release_memberships(w, 47);  // idempotent once released
  CHECK(w.groups_joined[1] == 1);
}

TEST_CASE("violations fade with violation_memory_days", "[mechanism][housekeeping]") {
  World w = make_world(2, people_like(2, axis(2, 0)));
  w.rules.set(param::moderation::violation_memory_days, 10);
  add_group(w, axis(2, 0), {{0, owner}, {1}});
  GroupState& g = w.groups[0];
  g.members.violations = {0.0f, 3.0f};
  tidy_group(w, 0, 23);
  CHECK(g.members.violations[1] == Approx(3.0 * std::exp(-0.1)));
  tidy_group(w, 0, 47);
  CHECK(g.members.violations[1] == Approx(3.0 * std::exp(-0.2)));
  CHECK(g.members.violations[0] == 0);
}

TEST_CASE("friends inside are recounted from the graph", "[mechanism][housekeeping]") {
  // 0-1, 0-2, 0-3, 1-2, 2-4 (4 is outside the group), 3 has left.
  World w = make_world(2, people_like(5, axis(2, 0)), {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {2, 4}});
  add_group(w, axis(2, 0), {{0, owner}, {1}, {2}, {3, 0, 0.5f, MemberState::left}});
  GroupState& g = w.groups[0];
  g.members.friends_inside = {9, 9, 9, 9};
  tidy_group(w, 0, 23);
  CHECK(g.members.friends_inside == std::vector<std::uint16_t>{2, 2, 2});
}

TEST_CASE("members are indexed by person, and friends inside listed by slot, after compaction",
          "[mechanism][housekeeping]") {
  // 0-1, 0-2, 0-3, 1-2, 2-4 (4 is outside the group), 3 has left; slots out of person order.
  World w = make_world(2, people_like(6, axis(2, 0)), {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {2, 4}});
  add_group(
      w, axis(2, 0),
      {{5, owner}, {3, 0, 0.5f, MemberState::left}, {2}, {0}, {1, 0, 0.5f, MemberState::muted}});
  GroupState& g = w.groups[0];
  g.slot_of.clear();  // yesterday's index is stale
  g.friend_start.clear();
  g.friend_slots.clear();
  tidy_group(w, 0, 23);
  REQUIRE(g.members.person == std::vector<PersonId>{5, 2, 0, 1});
  CHECK(g.slot(5) == 0);
  CHECK(g.slot(2) == 1);
  CHECK(g.slot(0) == 2);
  CHECK(g.slot(1) == 3);      // muted: still a member
  CHECK(g.slot(3) == never);  // left
  CHECK(g.slot(4) == never);  // never a member
  CHECK(g.friends(1, 2));     // 2-0
  CHECK(g.friends(2, 1));
  CHECK(g.friends(1, 3));  // 2-1
  CHECK(g.friends(2, 3));  // 0-1
  CHECK_FALSE(g.friends(0, 1));
  CHECK_FALSE(g.friends(0, 2));
  CHECK_FALSE(g.friends(1, 1));
  CHECK(g.members.friends_inside == std::vector<std::uint16_t>{0, 2, 2, 2});
  // The index the test fixture builds is the same.
  const auto slot_of = g.slot_of;
  const auto start = g.friend_start, slots = g.friend_slots;
  index_members(w, g);
  CHECK(g.slot_of == slot_of);
  CHECK(g.friend_start == start);
  CHECK(g.friend_slots == slots);

  // A member who leaves during the day is no longer found, before the next compaction.
  g.members.state[2] = MemberState::left;
  CHECK(g.slot(0) == never);
}

TEST_CASE("the top value decile is marked among real members", "[mechanism][housekeeping]") {
  std::vector<PersonSpec> people = people_like(22, axis(2, 0));
  for (std::size_t p = 0; p < 20; ++p) people[p].value = static_cast<float>(p + 1);
  people[20].spammer = people[21].spammer = true;
  people[20].value = people[21].value = 100.0f;  // ad accounts are never in the decile
  World w = make_world(2, people);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < 22; ++p)
    members.push_back({p, p >= 20 ? std::uint8_t(ad_account) : std::uint8_t(0)});
  members[3].flags |= top_decile;  // stale flag from yesterday
  add_group(w, axis(2, 0), members);
  GroupState& g = w.groups[0];
  tidy_group(w, 0, 23);
  for (PersonId p = 0; p < 22; ++p) {
    INFO("person " << p);
    CHECK(((g.members.flags[p] & top_decile) != 0) == (p == 18 || p == 19));
  }
  CHECK(g.top_decile_base == 2);
  CHECK(g.other_base == 18);

  // Fewer than ten members: the single highest.
  World small = make_world(2, people_like(3, axis(2, 0)));
  small.people.value = {2.0f, 5.0f, 1.0f};
  add_group(small, axis(2, 0), {{0}, {1}, {2}});
  tidy_group(small, 0, 23);
  CHECK((small.groups[0].members.flags[1] & top_decile));
  CHECK_FALSE((small.groups[0].members.flags[0] & top_decile));
  CHECK(small.groups[0].top_decile_base == 1);
  CHECK(small.groups[0].other_base == 2);
}

TEST_CASE("members aligned with the focus are marked (aligned_above), ad accounts never",
          "[mechanism][housekeeping]") {
  std::vector<PersonSpec> people = {{axis(2, 0)},
                                    {unit({0.6f, 0.8f})},
                                    {unit({0.4f, std::sqrt(0.84f)})},
                                    {axis(2, 1)},
                                    {axis(2, 0), 1.0f, 1.0f, 60.0f, true}};
  World w = make_world(2, people);
  w.rules.set(param::metrics::aligned_above, 0.5);
  add_group(w, axis(2, 0), {{0}, {1, aligned}, {2, aligned}, {3}, {4, ad_account}});
  GroupState& g = w.groups[0];
  tidy_group(w, 0, 23);
  const auto& f = g.members.flags;
  CHECK((f[0] & aligned) != 0);  // cosine 1
  CHECK((f[1] & aligned) != 0);  // 0.6
  CHECK((f[2] & aligned) == 0);  // 0.4: a stale mark is cleared
  CHECK((f[3] & aligned) == 0);  // 0
  CHECK((f[4] & aligned) == 0);  // ad account
  CHECK(g.aligned_base == 2);

  w.rules.set(param::metrics::aligned_above, 0.3);
  tidy_group(w, 0, 47);
  CHECK((g.members.flags[2] & aligned) != 0);
  CHECK(g.aligned_base == 3);
}

TEST_CASE("moderators are recounted from the present members' flags", "[mechanism][housekeeping]") {
  World w = make_world(2, people_like(5, axis(2, 0)));
  add_group(w, axis(2, 0),
            {{0, owner | moderator},
             {1, moderator},
             {2, moderator, 0.5f, MemberState::left},
             {3, moderator, 0.5f, MemberState::muted},
             {4}},
            /*moderators=*/7);
  tidy_group(w, 0, 23);
  CHECK(w.groups[0].moderators == 3);
}
