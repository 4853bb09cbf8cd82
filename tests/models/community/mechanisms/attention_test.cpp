// Attention competition (models/community/mechanisms/attention.hpp): a member's share of their
// activity in group g is (1 − c) + c · s_g^f / Σ_k s_k^f over the groups they are in, the sums
// taken at the end of the day; a membership begun since then counts its own s^f.
#include <catch2/catch.hpp>

#include "models/community/mechanisms/attention.hpp"
#include "models/community/support/world_fixture.hpp"
#include "models/registry.hpp"
#include "sim/params/consistency.hpp"

using namespace community;
using namespace community::testing;

TEST_CASE("activity is shared between one's groups by satisfaction", "[mechanism][attention]") {
  World w = make_world(2, people_like(3, axis(2, 0)));
  add_group(w, axis(2, 0), {{0, owner, 0.6f}, {1, 0, 0.5f}});
  add_group(w, axis(2, 0), {{0, owner, 0.2f}});
  // Off (the default): every group gets one's whole activity.
  sum_satisfaction(w, 23);
  CHECK(activity_share(w, w.groups[0], 0) == 1.0);
  w.rules.set(param::members::activity_split, 1.0);
  w.rules.set(param::members::activity_focus, 1.0);
  sum_satisfaction(w, 23);
  CHECK(activity_share(w, w.groups[0], 0) == Approx(0.75));  // 0.6 / (0.6 + 0.2)
  CHECK(activity_share(w, w.groups[1], 0) == Approx(0.25));
  CHECK(activity_share(w, w.groups[0], 1) == Approx(1.0));  // in one group only
  w.rules.set(param::members::activity_focus, 2.0);         // sharper: 0.36 / 0.40
  sum_satisfaction(w, 23);
  CHECK(activity_share(w, w.groups[0], 0) == Approx(0.9));
  w.rules.set(param::members::activity_split, 0.5);  // half shared: 0.5 + 0.5·0.1
  CHECK(activity_share(w, w.groups[1], 0) == Approx(0.55));
  // A membership begun after the last sum adds its own s^f to it.
  w.rules.set(param::members::activity_split, 1.0);
  add_group(w, axis(2, 0), {{0, owner, 0.6f, MemberState::active, 30}});
  CHECK(activity_share(w, w.groups[2], 0) == Approx(0.36 / 0.76));
}

TEST_CASE("activity_focus without sharing is reported as having no effect",
          "[mechanism][attention]") {
  sim::Parameters p(models::all_params());
  p.set("members.activity_focus", 4.0, sim::SourcePlace{"s.toml", 3, 1});
  auto warnings = sim::require_consistent(p, "s.toml");
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("members.activity_focus") &&
                              Catch::Contains("s.toml:3:1") &&
                              Catch::Contains("activity_split is 0"));
  p.set("members.activity_split", 1.0, sim::SourcePlace{"s.toml", 4, 1});
  CHECK(sim::require_consistent(p, "s.toml").empty());
}
