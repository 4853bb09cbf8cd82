// Rewards (models/community/mechanisms/rewards.hpp, claim C26): every period_days after
// founding, the top_n members by posts in the period (at least one post; ties to the earlier
// member; never an ad account) get s <- s + recognition·(1 - s); the period then restarts.
#include <catch2/catch.hpp>

#include "models/community/measurement.hpp"
#include "models/community/mechanisms/rewards.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

// Five members (slot = person), one of them an ad account (slot 4), all at satisfaction 0.5,
// with the given posts so far.
World rewards_world(int top_n, std::vector<std::uint32_t> posts) {
  std::vector<PersonSpec> people = people_like(5, axis(2, 0));
  people[4].spammer = true;
  World w = make_world(2, people);
  w.rules.set(param::rewards::top_n, top_n);
  w.rules.set(param::rewards::period_days, 10);
  w.rules.set(param::rewards::recognition, 0.4);
  add_group(w, axis(2, 0), {{0}, {1}, {2}, {3}, {4, ad_account}});
  for (std::size_t i = 0; i < posts.size(); ++i) w.groups[0].members.posts[i] = posts[i];
  return w;
}

const Tick end_of_day_9 = at(9, 23);  // the 10th day since founding on day 0

}  // namespace

TEST_CASE("the period's top posters are recognised, at the period's end only",
          "[mechanism][rewards]") {
  World w = rewards_world(2, {3, 7, 0, 3, 50});
  auto& m = w.groups[0].members;
  grant_rewards(w, 0, at(8, 23));  // day 9: not yet
  for (std::size_t i = 0; i < 5; ++i) CHECK(m.satisfaction[i] == 0.5f);
  grant_rewards(w, 0, end_of_day_9);
  CHECK(m.satisfaction[1] == Approx(0.5 + 0.4 * 0.5));  // most posts
  CHECK(m.satisfaction[0] == Approx(0.7));              // tie with slot 3: the earlier wins
  CHECK(m.satisfaction[3] == 0.5f);
  CHECK(m.satisfaction[2] == 0.5f);  // no post
  CHECK(m.satisfaction[4] == 0.5f);  // ad account, however many posts
}

TEST_CASE("a new period counts only the posts made in it", "[mechanism][rewards]") {
  World w = rewards_world(1, {9, 1, 0, 0, 0});
  auto& m = w.groups[0].members;
  grant_rewards(w, 0, end_of_day_9);
  CHECK(m.satisfaction[0] == Approx(0.7));
  m.satisfaction[0] = m.satisfaction[1] = 0.5f;
  m.posts[0] += 1;  // 10 in all, 1 in the second period
  m.posts[1] += 4;  // 5 in all, 4 in the second period
  grant_rewards(w, 0, at(19, 23));
  CHECK(m.satisfaction[1] == Approx(0.7));
  CHECK(m.satisfaction[0] == 0.5f);
}

TEST_CASE("rewards are off by default and counted as a daily metric", "[mechanism][rewards]") {
  World w = rewards_world(0, {5, 5, 5, 5, 0});
  grant_rewards(w, 0, end_of_day_9);
  for (std::size_t i = 0; i < 4; ++i) CHECK(w.groups[0].members.satisfaction[i] == 0.5f);

  World on = rewards_world(3, {5, 4, 0, 1, 0});
  grant_rewards(on, 0, end_of_day_9);
  const auto& specs = daily_metric_specs();
  sim::DayFrame f;
  f.reset(specs.size(), platform_metric_specs().size(), 1);
  measure_day(on, 9, f);
  CHECK(f.at(metric_index(specs, "rewarded"), 0) == 3);
  measure_day(on, 10, f);  // measuring closed the day: nobody rewarded on day 10
  CHECK(f.at(metric_index(specs, "rewarded"), 0) == 0);
}
