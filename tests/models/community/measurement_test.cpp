// Daily metrics (models/community/measurement.hpp) on hand-built groups, against hand computation.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/measurement.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

struct Frame {
  sim::DayFrame f;
  double daily(const std::string& name, std::size_t g) const {
    return f.at(metric_index(daily_metric_specs(), name), g);
  }
  double platform(const std::string& name) const {
    return f.platform[metric_index(platform_metric_specs(), name)];
  }
};

// Group 0: four real members (posts 0,0,0,10), an ad account and one who left, with a day's
// counts set by hand. Group 1: ten members with posts 1..10. Group 2: dead and empty.
World metrics_world() {
  std::vector<PersonSpec> people = {
      {axis(2, 0), 1.0f, 1.0f}, {unit({0.6f, 0.8f}), 1.0f, 2.0f},       {axis(2, 1), 1.0f, 3.0f},
      {axis(2, 0), 1.0f, 4.0f}, {axis(2, 0), 1.0f, 10.0f, 60.0f, true}, {axis(2, 0), 1.0f, 7.0f},
  };
  for (int i = 0; i < 10; ++i) people.push_back({axis(2, 0), 1.0f, 1.0f});
  World w = make_world(2, people);

  GroupState& a = add_group(w, axis(2, 0),
                            {{0, owner | moderator | founding_expert, 0.8f},
                             {1, 0, 0.4f, MemberState::muted},
                             {2, 0, 0.6f},
                             {3, founding_expert, 0.2f},
                             {4, ad_account, 0.9f},
                             {5, founding_expert, 0.1f, MemberState::left}});
  a.members.posts = {0, 0, 0, 10, 50, 7};
  a.members.last_post = {never, never, never, at(9, 23), at(9, 23), at(9, 1)};
  a.founding_experts = 3;
  a.conversation = 2.0f * unit({0.6f, 0.8f});
  DayCounts& c = a.today;
  c.messages[static_cast<int>(MessageKind::content)] = 6;
  c.messages[static_cast<int>(MessageKind::chat)] = 2;
  c.messages[static_cast<int>(MessageKind::ad)] = 1;
  c.messages[static_cast<int>(MessageKind::programme)] = 1;
  c.posts_removed = 3;
  c.joins_friend = 2;
  c.joins_open = 1;
  c.joiner_value = 6;
  c.leaves = 1;
  c.removals = 2;
  c.leaver_value = 9;
  c.leaver_alignment = 1.5;
  c.top_decile_departures = 1;
  c.other_departures = 2;
  c.value_gained = 5;
  a.top_decile_base = 2;
  a.other_base = 8;
  c.aligned_departures = 1;
  a.aligned_base = 4;

  std::vector<MemberSpec> b_members;
  for (PersonId p = 6; p < 16; ++p) b_members.push_back({p, 0, 0.5f});
  GroupState& b = add_group(w, axis(2, 0), b_members);
  for (std::size_t i = 0; i < 10; ++i) {
    b.members.posts[i] = static_cast<std::uint32_t>(i + 1);
    b.members.last_post[i] = at(1, 0);  // more than a week before the end of day 9
  }
  b.members.last_post[9] = at(3, 0);  // exactly 7 days before the end of day 9: active

  GroupState& dead = add_group(w, axis(2, 0), {});
  dead.alive = false;
  return w;
}

Frame measure(World& w, sim::Day day) {
  Frame fr;
  fr.f.reset(daily_metric_specs().size(), platform_metric_specs().size(), w.groups.size());
  measure_day(w, day, fr.f);
  return fr;
}

}  // namespace

TEST_CASE("daily metrics of a hand-built group equal hand computations", "[mechanism][metrics]") {
  World w = metrics_world();
  const Frame fr = measure(w, 9);  // the end of day 9 is tick 240
  const std::size_t A = 0;
  CHECK(fr.daily("size", A) == 5);  // present, ad account included
  CHECK(fr.daily("joins_friend", A) == 2);
  CHECK(fr.daily("joins_open", A) == 1);
  CHECK(fr.daily("leaves", A) == 1);
  CHECK(fr.daily("removals", A) == 2);
  CHECK(fr.daily("posts_removed", A) == 3);
  CHECK(fr.daily("active_share", A) == Approx(0.25));
  CHECK(fr.daily("muted_share", A) == Approx(0.25));
  CHECK(fr.daily("talker_share", A) == Approx(0.25));  // 10 posts in 10 days
  CHECK(fr.daily("follower_share", A) == 0);
  CHECK(fr.daily("lurker_share", A) == 0);
  CHECK(fr.daily("inactive_share", A) == Approx(0.75));
  CHECK(fr.daily("messages", A) == 10);
  CHECK(fr.daily("content_messages", A) == 6);
  CHECK(fr.daily("chat_messages", A) == 2);
  CHECK(fr.daily("ad_messages", A) == 1);
  CHECK(fr.daily("programme_messages", A) == 1);
  CHECK(fr.daily("ad_share", A) == Approx(0.1));
  CHECK(fr.daily("focus", A) == Approx(0.6));
  CHECK(fr.daily("mean_alignment", A) == Approx((1 + 0.6 + 0 + 1) / 4.0));
  CHECK(fr.daily("leaver_alignment", A) == Approx(0.5));
  CHECK(fr.daily("mean_value", A) == Approx(2.5));
  CHECK(fr.daily("top_decile_value", A) == Approx(4.0));
  CHECK(fr.daily("joiner_value", A) == Approx(2.0));
  CHECK(fr.daily("leaver_value", A) == Approx(3.0));
  CHECK(fr.daily("leave_rate_top_decile", A) == Approx(0.5));
  CHECK(fr.daily("leave_rate_others", A) == Approx(0.25));
  CHECK(fr.daily("leave_rate_aligned", A) == Approx(0.25));
  CHECK(fr.daily("expert_retention", A) == Approx(2.0 / 3));
  CHECK(fr.daily("satisfaction", A) == Approx(0.5));
  CHECK(fr.daily("gini_posts", A) == Approx(0.75));  // [0, 0, 0, 10]
  CHECK(fr.daily("top10_post_share", A) == Approx(1.0));
  CHECK(fr.daily("value_gained", A) == Approx(5.0));
  CHECK(fr.daily("value_per_message", A) == Approx(5.0 / 9));  // ads not counted
  CHECK(fr.daily("alive", A) == 1);
}

TEST_CASE("posting classes, Gini and top-10% share of posts 1..10", "[mechanism][metrics]") {
  World w = metrics_world();
  const Frame fr = measure(w, 9);
  const std::size_t B = 1;
  CHECK(fr.daily("size", B) == 10);
  // Rates over 10 days: 0.1 (lurker), 0.2 .. 0.9 (followers), 1.0 (talker).
  CHECK(fr.daily("lurker_share", B) == Approx(0.1));
  CHECK(fr.daily("follower_share", B) == Approx(0.8));
  CHECK(fr.daily("talker_share", B) == Approx(0.1));
  CHECK(fr.daily("inactive_share", B) == 0);
  CHECK(fr.daily("active_share", B) == Approx(0.1));
  CHECK(fr.daily("gini_posts", B) == Approx(9.0 / 30));  // (n-1)/(3n) for 1..n
  CHECK(fr.daily("top10_post_share", B) == Approx(10.0 / 55));
  CHECK(fr.daily("top_decile_value", B) == Approx(1.0));
  // No messages, no departures: ratios are undefined, counts zero.
  CHECK(fr.daily("messages", B) == 0);
  CHECK(std::isnan(fr.daily("ad_share", B)));
  CHECK(std::isnan(fr.daily("value_per_message", B)));
  CHECK(std::isnan(fr.daily("leaver_value", B)));
  CHECK(std::isnan(fr.daily("joiner_value", B)));
  CHECK(std::isnan(fr.daily("leave_rate_top_decile", B)));
  CHECK(std::isnan(fr.daily("leave_rate_aligned", B)));
  CHECK(std::isnan(fr.daily("expert_retention", B)));
  CHECK(fr.daily("focus", B) == Approx(1.0));
}

TEST_CASE("a dead empty group measures as size 0, not alive, undefined shares",
          "[mechanism][metrics]") {
  World w = metrics_world();
  const Frame fr = measure(w, 9);
  const std::size_t D = 2;
  CHECK(fr.daily("size", D) == 0);
  CHECK(fr.daily("alive", D) == 0);
  CHECK(std::isnan(fr.daily("active_share", D)));
  CHECK(std::isnan(fr.daily("gini_posts", D)));
  CHECK(std::isnan(fr.daily("top_decile_value", D)));
  CHECK(std::isnan(fr.daily("focus", D)));
}

TEST_CASE("platform metrics aggregate the groups", "[mechanism][metrics]") {
  World w = metrics_world();
  const Frame fr = measure(w, 9);
  CHECK(fr.platform("members") == 15);
  CHECK(fr.platform("people_in_groups") == 16);  // the leaver is released only at housekeeping
  CHECK(fr.platform("groups") == 3);
  CHECK(fr.platform("groups_alive") == 2);
  CHECK(fr.platform("messages") == 10);
  CHECK(fr.platform("ad_share") == Approx(0.1));
  CHECK(fr.platform("joins") == 3);
  CHECK(fr.platform("leaves") == 1);
  CHECK(fr.platform("removals") == 2);
  CHECK(fr.platform("satisfaction") == Approx((2.0 + 5.0) / 14));
  CHECK(fr.platform("value_gained") == Approx(5.0));
}

TEST_CASE("measuring closes the day: the day's counts are reset", "[mechanism][metrics]") {
  World w = metrics_world();
  measure(w, 9);
  const DayCounts& c = w.groups[0].today;
  for (auto n : c.messages) CHECK(n == 0);
  CHECK(c.posts_removed == 0);
  CHECK(c.joins_friend + c.joins_open == 0);
  CHECK(c.leaves + c.removals == 0);
  CHECK(c.joiner_value == 0);
  CHECK(c.leaver_value == 0);
  CHECK(c.leaver_alignment == 0);
  CHECK(c.top_decile_departures + c.other_departures == 0);
  CHECK(c.aligned_departures == 0);
  CHECK(c.member_removals == 0);
  CHECK(c.value_gained == 0);
  // Membership state is not touched.
  CHECK(w.groups[0].members.slots() == 6);
  CHECK(w.groups[0].members.posts[3] == 10);
  const Frame again = measure(w, 10);
  CHECK(again.daily("messages", 0) == 0);
  CHECK(again.daily("leaves", 0) == 0);
}
