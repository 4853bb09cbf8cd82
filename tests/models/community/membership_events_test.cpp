// Ending memberships (models/community/membership_events.hpp): end_membership counts the day's
// leaves or removals with the leaver's value, alignment, decile and aligned mark (ad accounts
// only as removals) and the group's moderators; dissolve ends every membership without
// counting.
#include <catch2/catch.hpp>

#include "models/community/membership_events.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

TEST_CASE("end_membership counts a departure once, with value, alignment and decile",
          "[mechanism][membership_events]") {
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 2.0f},
                                    {unit({0.6f, 0.8f}), 1.0f, 5.0f},
                                    {axis(2, 1), 1.0f, 1.5f},
                                    {axis(2, 0), 1.0f, 9.0f, 60.0f, true}};
  World w = make_world(2, people);
  add_group(w, axis(2, 0),
            {{0, owner | moderator},
             {1, top_decile | aligned},
             {2, moderator, 0.5f, MemberState::muted},
             {3, ad_account}},
            /*moderators=*/2);
  GroupState& g = w.groups[0];
  CHECK(alignment(w, g, 1) == Approx(0.6f));

  end_membership(w, g, 1, MemberState::left, 0);
  end_membership(w, g, 2, MemberState::removed, 0);  // a muted member can be removed
  end_membership(w, g, 3, MemberState::removed, 0);  // an ad account: a removal only
  end_membership(w, g, 1, MemberState::removed, 0);  // already gone: nothing more
  CHECK(g.members.state[1] == MemberState::left);
  CHECK(g.members.state[2] == MemberState::removed);
  CHECK(g.members.state[3] == MemberState::removed);
  CHECK(g.today.leaves == 1);
  CHECK(g.today.removals == 2);
  CHECK(g.today.member_removals == 1);  // the ad account is not a member removal
  CHECK(g.today.aligned_departures == 1);
  CHECK(g.moderators == 1);  // the moderator who was removed no longer moderates
  CHECK(g.today.leaver_value == Approx(6.5));
  CHECK(g.today.leaver_alignment == Approx(0.6));
  CHECK(g.today.top_decile_departures == 1);
  CHECK(g.today.other_departures == 1);
  CHECK(g.present_count() == 1);
}

TEST_CASE("dissolve ends every present membership without counting departures",
          "[mechanism][membership_events]") {
  World w = make_world(2, people_like(3, axis(2, 0)));
  add_group(w, axis(2, 0),
            {{0, owner}, {1, 0, 0.5f, MemberState::muted}, {2, 0, 0.5f, MemberState::moved}});
  GroupState& g = w.groups[0];
  dissolve(w, g, 77);
  CHECK_FALSE(g.alive);
  CHECK(g.ended == 77);
  CHECK(g.members.state[0] == MemberState::left);
  CHECK(g.members.state[1] == MemberState::left);
  CHECK(g.members.state[2] == MemberState::moved);  // already elsewhere
  CHECK(g.today.leaves + g.today.removals == 0);
  CHECK(g.present_count() == 0);
}
