// The member cache (models/community/member_cache.hpp): posting and reading read members'
// traits, attention shares and posting bounds from copies made once per day; the copies must
// be rebuilt whenever what they copy may have changed (a new day, a join, a change of traits
// or of groups joined, a compaction) and left alone otherwise.
#include <catch2/catch.hpp>

#include "models/community/member_cache.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

World two_member_world() {
  std::vector<PersonSpec> people = people_like(4, axis(3, 0), 0.5f, 1.0f, 60.0f);
  people[1] = {axis(3, 1), 2.0f, 3.0f, 30.0f, false};
  World w = make_world(3, people);
  add_group(w, axis(3, 0), {{0, owner, 0.8f}, {1, 0, 0.5f}});
  return w;
}

}  // namespace

TEST_CASE("the member cache copies each member's traits and the running sum of posting bounds",
          "[mechanism][member_cache]") {
  World w = two_member_world();
  GroupState& g = w.groups[0];
  refresh_member_cache(w, g, at(0, 9));
  const MemberCache& c = g.cache;
  REQUIRE(c.value.size() == 2);
  CHECK(c.value[1] == 3.0f);
  CHECK(c.activity[1] == 2.0f);
  CHECK(c.attention[1] == 30.0f);  // one group each: all of their attention
  CHECK(c.interest(1, 1) == Approx(1.0f));
  CHECK(c.interest(1, 0) == Approx(0.0f));
  // Bound of each active member: activity x activity share x 2 x satisfaction, summed in slot
  // order (posting draws a member by searching this sum).
  const double b0 = 0.5 * c.activity_share[0] * 2 * 0.8, b1 = 2.0 * c.activity_share[1] * 2 * 0.5;
  CHECK(c.post_rate_sum[0] == Approx(b0));
  CHECK(c.post_rate_sum[1] == Approx(b0 + b1));
}

TEST_CASE("the member cache is rebuilt when what it copies may have changed, and only then",
          "[mechanism][member_cache]") {
  World w = two_member_world();
  GroupState& g = w.groups[0];
  refresh_member_cache(w, g, at(0, 9));

  // Within the day and with nothing changed, a refresh keeps the copies (a trait changed
  // without saying so is not seen: the cache's contract is that changes are announced).
  w.people.value[1] = 5.0f;
  refresh_member_cache(w, g, at(0, 10));
  CHECK(g.cache.value[1] == 3.0f);

  SECTION("a change of traits announced by traits_changed") {
    traits_changed(w);
    refresh_member_cache(w, g, at(0, 11));
    CHECK(g.cache.value[1] == 5.0f);
  }
  SECTION("a new day") {
    refresh_member_cache(w, g, at(1, 0));
    CHECK(g.cache.value[1] == 5.0f);
  }
  SECTION("a join (one more slot)") {
    join_group(w, g, 2, at(0, 11), 0.5f, 0, JoinChannel::open_channel, never);
    refresh_member_cache(w, g, at(0, 11));
    REQUIRE(g.cache.value.size() == 3);
    CHECK(g.cache.value[1] == 5.0f);
  }
  SECTION("a compaction (invalidate_member_cache)") {
    invalidate_member_cache(g);
    refresh_member_cache(w, g, at(0, 11));
    CHECK(g.cache.value[1] == 5.0f);
  }
  SECTION("a member who muted the group posts nothing: no bound of their own") {
    g.members.state[0] = MemberState::muted;
    invalidate_member_cache(g);
    refresh_member_cache(w, g, at(0, 11));
    CHECK(g.cache.post_rate_sum[0] == 0.0);
    CHECK(g.cache.post_rate_sum[1] > 0.0);
  }
}
