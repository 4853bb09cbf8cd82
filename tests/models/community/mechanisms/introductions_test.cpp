// Self-introductions (models/community/mechanisms/introductions.hpp, C29): under
// groups.introductions a newcomer who came by invitation, the open channel or an influx queues
// an introduction for the next hour; founders, members moved by a split and ad accounts do not.
#include <catch2/catch.hpp>

#include "models/community/mechanisms/introductions.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

TEST_CASE("newcomers queue a self-introduction, founders, moved members and ad accounts do not",
          "[mechanism][introductions]") {
  for (bool asked : {false, true}) {
    std::vector<PersonSpec> people = people_like(8, axis(2, 0));
    people[7].spammer = true;
    World w = make_world(2, people);
    w.rules.set(param::groups::introductions, asked);
    add_group(w, axis(2, 0), {{0, owner | moderator}});
    GroupState& g = w.groups[0];
    join_group(w, g, 1, 5, 0.7f, 0, JoinChannel::friend_invite, 0);
    join_group(w, g, 2, 5, 0.7f, 0, JoinChannel::open_channel);
    join_group(w, g, 3, 5, 0.7f, 0, JoinChannel::influx);
    join_group(w, g, 4, 5, 0.7f, founder, JoinChannel::founder);
    join_group(w, g, 5, 5, 0.7f, 0, JoinChannel::split);
    join_group(w, g, 7, 5, 0.7f, ad_account, JoinChannel::open_channel);
    INFO("groups.introductions = " << asked);
    if (!asked) {
      CHECK(g.pending.empty());
      continue;
    }
    REQUIRE(g.pending.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(g.pending[k].person == static_cast<PersonId>(k + 1));
      CHECK(g.pending[k].introduction);
      CHECK(g.pending[k].reply_to == never);
    }
  }
}
