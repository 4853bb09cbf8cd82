// Admission (models/community/mechanisms/admission.hpp): each group's applicants are let in,
// one application per person (a friend invitation wins), while the group is under size_cap
// and the person under max_groups; groups are served in order.
#include <catch2/catch.hpp>

#include "models/community/mechanisms/admission.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

World admission_world(std::size_t people, int size_cap = 100, int max_groups = 3) {
  std::vector<PersonSpec> spec = people_like(people, axis(2, 0));
  for (std::size_t p = 0; p < people; ++p) spec[p].value = 1.0f + static_cast<float>(p);
  spec[people - 1].spammer = true;  // the last person is an ad account
  World w = make_world(2, spec);
  w.rules.set(param::groups::size_cap, size_cap);
  w.rules.set(param::members::max_groups, max_groups);
  w.rules.set(param::members::satisfaction_initial, 0.65);
  add_group(w, axis(2, 0), {{0, owner | moderator | founder, 0.9f}, {1, founder, 0.9f}});
  return w;
}

const Memberships& members(const World& w, std::size_t g = 0) {
  return w.groups[g].members;
}

std::size_t slot_of(const Memberships& m, PersonId p) {
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (m.person[i] == p) return i;
  return never;
}

}  // namespace

TEST_CASE("admission adds applicants with their flags, counts and groups_joined",
          "[mechanism][admission]") {
  World w = admission_world(8);
  GroupState& g = w.groups[0];
  const PersonId ad = 7;
  g.applicants = {{4, JoinChannel::open_channel, true},
                  {2, JoinChannel::friend_invite, false},
                  {ad, JoinChannel::open_channel, false}};
  const Tick t = at(5, 23);
  admit_applicants(w, t);
  const auto& m = members(w);
  REQUIRE(m.slots() == 5);
  // In person order after the founders.
  CHECK(m.person[2] == 2);
  CHECK(m.person[3] == 4);
  CHECK(m.person[4] == ad);
  CHECK(m.flags[2] == 0);
  CHECK(m.flags[3] == paid_fee);
  CHECK(m.flags[4] == ad_account);
  for (std::size_t i = 2; i < 5; ++i) {
    CHECK(m.state[i] == MemberState::active);
    CHECK(m.joined[i] == t);
    CHECK(m.satisfaction[i] == Approx(0.65f));
    CHECK(m.posts[i] == 0);
    CHECK(m.last_post[i] == never);
  }
  CHECK(w.groups_joined[2] == 1);
  CHECK(w.groups_joined[4] == 1);
  CHECK(w.groups_joined[ad] == 1);
  CHECK(g.today.joins_friend == 1);
  CHECK(g.today.joins_open == 1);  // the ad account is not counted as a join
  CHECK(g.today.joiner_value == Approx(3.0 + 5.0));
  CHECK(g.applicants.empty());
}

TEST_CASE("one application per person, and a friend invitation wins", "[mechanism][admission]") {
  World w = admission_world(8);
  GroupState& g = w.groups[0];
  // Recruitment lists friend invitations before open-channel arrivals.
  g.applicants = {{5, JoinChannel::friend_invite, false},
                  {3, JoinChannel::open_channel, false},
                  {5, JoinChannel::open_channel, false},
                  {3, JoinChannel::open_channel, false}};
  admit_applicants(w, 23);
  CHECK(members(w).slots() == 4);
  CHECK(w.groups_joined[5] == 1);
  CHECK(w.groups_joined[3] == 1);
  CHECK(g.today.joins_friend == 1);
  CHECK(g.today.joins_open == 1);
  CHECK(g.today.joiner_value == Approx(6.0 + 4.0));
}

TEST_CASE("admission stops at size_cap", "[mechanism][admission]") {
  World w = admission_world(10, /*size_cap=*/4);
  GroupState& g = w.groups[0];
  g.members.state[1] = MemberState::left;  // only present members count: 1 present
  g.applicants = {{6, JoinChannel::open_channel, false},
                  {2, JoinChannel::open_channel, false},
                  {8, JoinChannel::open_channel, false},
                  {4, JoinChannel::open_channel, false}};
  admit_applicants(w, 23);
  CHECK(g.present_count() == 4);
  CHECK(slot_of(g.members, 2) != never);
  CHECK(slot_of(g.members, 4) != never);
  CHECK(slot_of(g.members, 6) != never);
  CHECK(slot_of(g.members, 8) == never);  // the cap was reached: lowest ids first
  CHECK(w.groups_joined[8] == 0);
  CHECK(g.today.joins_open == 3);
  CHECK(g.applicants.empty());
}

TEST_CASE("admission respects max_groups, shared across groups in group order",
          "[mechanism][admission]") {
  World w = admission_world(8, 100, /*max_groups=*/2);
  add_group(w, axis(2, 0), {{2, owner | moderator | founder}});
  add_group(w, axis(2, 0), {{3, owner | moderator | founder}});
  const PersonId ad = 7;
  w.groups_joined[5] = 1;   // one more group: room for exactly one
  w.groups_joined[6] = 2;   // full
  w.groups_joined[ad] = 5;  // ad accounts are not limited
  for (std::size_t gi = 0; gi < 3; ++gi)
    w.groups[gi].applicants = {{5, JoinChannel::friend_invite, false},
                               {6, JoinChannel::friend_invite, false},
                               {ad, JoinChannel::open_channel, false}};
  admit_applicants(w, 23);
  CHECK(slot_of(members(w, 0), 5) != never);
  CHECK(slot_of(members(w, 1), 5) == never);
  CHECK(slot_of(members(w, 2), 5) == never);
  for (std::size_t gi = 0; gi < 3; ++gi) {
    CHECK(slot_of(members(w, gi), 6) == never);
    CHECK(slot_of(members(w, gi), ad) != never);
  }
  CHECK(w.groups_joined[5] == 2);
  CHECK(w.groups_joined[6] == 2);
  CHECK(w.groups_joined[ad] == 8);
  CHECK(w.groups[0].today.joins_friend == 1);
  CHECK(w.groups[1].today.joins_friend == 0);
}

TEST_CASE("a dead group admits nobody", "[mechanism][admission]") {
  World w = admission_world(8);
  GroupState& g = w.groups[0];
  g.alive = false;
  g.applicants = {{4, JoinChannel::open_channel, false}};
  admit_applicants(w, 23);
  CHECK(g.members.slots() == 2);
  CHECK(w.groups_joined[4] == 0);
}
