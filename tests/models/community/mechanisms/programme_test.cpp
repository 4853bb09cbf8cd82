// Programme (models/community/mechanisms/programme.hpp): floor(per_day) scheduled on-focus
// posts a day in fixed slots (21:00 first), or one every round(1/per_day) days at 21:00 when
// per_day < 1, while a moderator is present; each opens the hour's inbox, new (novelty 1), of
// quality groups.programme_quality, by nobody (moderation reviews it, members answer it).
#include <catch2/catch.hpp>
#include <set>

#include "models/community/mechanisms/programme.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

std::set<int> slots_on_day(double per_day, sim::Day d) {
  std::set<int> hours;
  for (int h = 0; h < 24; ++h)
    if (programme_slot(per_day, at(d, h))) hours.insert(h);
  return hours;
}

}  // namespace

TEST_CASE("programme_slot fills the evening first, then the waking day", "[mechanism][programme]") {
  CHECK(slots_on_day(0.0, 0).empty());
  CHECK(slots_on_day(-1.0, 0).empty());
  CHECK(slots_on_day(1.0, 3) == std::set<int>{21});
  CHECK(slots_on_day(1.9, 3) == std::set<int>{21});
  CHECK(slots_on_day(2.0, 3) == std::set<int>{21, 12});
  CHECK(slots_on_day(3.0, 3) == std::set<int>{21, 12, 19});
  CHECK(slots_on_day(5.0, 3) == std::set<int>{21, 12, 19, 9, 15});
  for (int n = 1; n <= 24; ++n) CHECK(slots_on_day(n, 7).size() == static_cast<std::size_t>(n));
  CHECK(slots_on_day(30.0, 7).size() == 24);
}

TEST_CASE("fewer than one programme post a day: every round(1/per_day) days at 21:00",
          "[mechanism][programme]") {
  for (sim::Day d = 0; d < 12; ++d) {
    INFO("day " << d);
    CHECK(slots_on_day(0.5, d) == (d % 2 == 0 ? std::set<int>{21} : std::set<int>{}));
    CHECK(slots_on_day(1.0 / 3, d) == (d % 3 == 0 ? std::set<int>{21} : std::set<int>{}));
    CHECK(slots_on_day(0.3, d) ==
          (d % 3 == 0 ? std::set<int>{21} : std::set<int>{}));  // round(3.33)
  }
}

TEST_CASE("run_programme opens the inbox with an on-focus post of programme quality",
          "[mechanism][programme]") {
  World w = make_world(3, people_like(2, axis(3, 0)));
  w.rules.set(param::groups::programme_per_day, 1);
  w.rules.set(param::groups::programme_quality, 2.5);
  add_group(w, unit({0.6f, 0.0f, 0.8f}), {{0, owner}, {1}});
  GroupState& g = w.groups[0];
  g.next_message_id = 12;

  push_message(g, 1, MessageKind::chat, axis(3, 1));  // last hour's leftovers
  run_programme(w, 0, at(2, 20));
  CHECK(g.inbox.empty());

  run_programme(w, 0, at(2, 21));
  REQUIRE(g.inbox.size() == 1);
  const Message& m = g.inbox[0];
  CHECK(m.kind == MessageKind::programme);
  CHECK(m.poster_slot == never);
  CHECK(m.quality == Approx(2.5f));
  CHECK(m.novelty == 1.0f);
  CHECK_FALSE(m.removed);
  CHECK_FALSE(m.question);
  CHECK(m.reply_to == never);
  CHECK(m.id == 13);  // numbered with the group's messages
  CHECK(g.next_message_id == 14);
  CHECK((g.topics.col(0) - g.focus).norm() < 1e-6f);

  run_programme(w, 0, at(2, 22));
  CHECK(g.inbox.empty());

  g.alive = false;
  run_programme(w, 0, at(3, 21));
  CHECK(g.inbox.empty());

  w.groups[0].alive = true;
  w.rules.set(param::groups::programme_per_day, 0);
  run_programme(w, 0, at(4, 21));
  CHECK(g.inbox.empty());
}

TEST_CASE("a programme post needs a present moderator", "[mechanism][programme]") {
  World w = make_world(2, people_like(3, axis(2, 0)));
  w.rules.set(param::groups::programme_per_day, 1);
  w.rules.set(param::groups::programme_quality, 0.3);
  SECTION("no moderator: no programme") {
    add_group(w, axis(2, 0), {{0, owner}, {1}, {2}}, /*moderators=*/0);
    for (sim::Day d = 0; d < 5; ++d) {
      run_programme(w, 0, at(d, 21));
      CHECK(w.groups[0].inbox.empty());
    }
  }
  SECTION("the moderator leaves: the programme stops the same day") {
    add_group(w, axis(2, 0), {{0, owner}, {1, moderator}, {2}}, /*moderators=*/1);
    GroupState& g = w.groups[0];
    run_programme(w, 0, at(1, 21));
    REQUIRE(g.inbox.size() == 1);
    CHECK(g.inbox[0].quality == Approx(0.3f));
    end_membership(w, g, 1, MemberState::left, 0);
    REQUIRE(g.moderators == 0);
    run_programme(w, 0, at(2, 21));
    CHECK(g.inbox.empty());
  }
}
