// Satisfaction (models/community/mechanisms/satisfaction.hpp): net = benefit - cost +
// recognition_value·min(heard, answer_capacity) - question_overload·max(0, demand -
// answer_capacity) - wariness_cost·wariness + belonging·m/(m + liveliness_half)·(fit -
// belonging_fit); target = logistic((net - opportunity_cost)/scale) + tie_bonus·f/(f+2) +
// fee_bonus·paid, clipped to [0,1]; satisfaction moves 1/memory_days of the way to the
// target; the day's sums are reset and wariness fades by exp(-1/wariness_days). No flat cost
// of the rules: removals are felt by whom they touch (moderation.hpp).
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/reading.hpp"
#include "models/community/mechanisms/satisfaction.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

void satisfaction_rules(sim::ParamValues& p) {
  p.set(param::satisfaction::memory_days, 4);  // rate 1/4
  p.set(param::satisfaction::opportunity_cost, 1.5);
  p.set(param::satisfaction::scale, 2.0);
  p.set(param::satisfaction::tie_bonus, 0.2);
  p.set(param::satisfaction::fee_bonus, 0.1);
  p.set(param::satisfaction::belonging, 0);
  p.set(param::satisfaction::belonging_fit, 0.5);
  p.set(param::satisfaction::recognition_value, 0.5);
  p.set(param::satisfaction::question_overload, 0.1);
  p.set(param::satisfaction::wariness_cost, 3.0);
  p.set(param::members::answer_capacity, 10);
  p.set(param::members::wariness_days, 30);
  p.set(param::members::liveliness_half, 0.3);
  p.set(param::groups::strictness, 0);
}

World satisfaction_world(std::size_t n, float s0) {
  World w = make_world(2, people_like(n, axis(2, 0)));
  satisfaction_rules(w.rules);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < n; ++p) members.push_back({p, 0, s0});
  add_group(w, axis(2, 0), members);
  return w;
}

}  // namespace

TEST_CASE("satisfaction_target is a logistic of net value plus tie and fee bonuses",
          "[mechanism][satisfaction]") {
  sim::ParamValues r;
  r.set(param::satisfaction::opportunity_cost, 1.5);
  r.set(param::satisfaction::scale, 2.0);
  r.set(param::satisfaction::tie_bonus, 0.2);
  r.set(param::satisfaction::fee_bonus, 0.1);
  CHECK(satisfaction_target(r, 1.5, 0, false) == Approx(0.5));
  CHECK(satisfaction_target(r, 1.5 + 2.0 * std::log(3.0), 0, false) == Approx(0.75));
  CHECK(satisfaction_target(r, -0.5, 0, false) == Approx(logistic(-1.0)));
  CHECK(satisfaction_target(r, 1.5, 2, false) == Approx(0.5 + 0.2 * 2 / 4.0));
  CHECK(satisfaction_target(r, 1.5, 6, false) == Approx(0.5 + 0.2 * 6 / 8.0));
  CHECK(satisfaction_target(r, 1.5, 0, true) == Approx(0.6));
  CHECK(satisfaction_target(r, 1.5, 2, true) == Approx(0.7));
  // Clipped to [0, 1].
  CHECK(satisfaction_target(r, 100.0, 10, true) == 1.0);
  r.set(param::satisfaction::tie_bonus, 0);
  r.set(param::satisfaction::fee_bonus, 0);
  CHECK(satisfaction_target(r, -1e6, 0, false) == Approx(0.0).margin(1e-12));
  CHECK(satisfaction_target(r, -1e6, 0, false) >= 0.0);
}

TEST_CASE("satisfaction moves 1/memory_days of the way towards the target",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(2, 0.2f);
  auto& m = w.groups[0].members;
  m.benefit_today[0] = 2.0f;  // net = 2.0 - 0.5 = 1.5 = opportunity cost: target 0.5
  m.cost_today[0] = 0.5f;
  m.benefit_today[1] = 1.5f + 2.0f * static_cast<float>(std::log(3.0));  // target 0.75
  m.satisfaction[1] = 0.9f;
  update_satisfaction(w, 0, 23);
  CHECK(m.satisfaction[0] == Approx(0.2 + 0.25 * (0.5 - 0.2)));
  CHECK(m.satisfaction[1] == Approx(0.9 + 0.25 * (0.75 - 0.9)));
  // The day's sums are reset.
  CHECK(m.benefit_today[0] == 0);
  CHECK(m.cost_today[0] == 0);
  CHECK(m.benefit_today[1] == 0);

  // A second day at the same target closes another quarter of the gap.
  m.benefit_today[0] = 2.0f;
  m.cost_today[0] = 0.5f;
  update_satisfaction(w, 0, 47);
  CHECK(m.satisfaction[0] == Approx(0.5 - 0.75 * 0.75 * 0.3));
}

TEST_CASE("friends inside and a paid fee raise satisfaction", "[mechanism][satisfaction]") {
  World w = satisfaction_world(3, 0.5f);
  auto& m = w.groups[0].members;
  for (std::size_t i = 0; i < 3; ++i) m.benefit_today[i] = 1.5f;  // logistic part 0.5
  m.friends_inside[1] = 2;
  m.flags[2] |= paid_fee;
  update_satisfaction(w, 0, 23);
  CHECK(m.satisfaction[0] == Approx(0.5));
  CHECK(m.satisfaction[1] == Approx(0.5 + 0.25 * 0.1));  // target 0.6
  CHECK(m.satisfaction[2] == Approx(0.5 + 0.25 * 0.1));  // target 0.6
}

TEST_CASE("strict rules and others' removals cost nothing by themselves (no flat rule cost)",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(4, 0.5f);
  w.rules.set(param::groups::strictness, 1.0);
  GroupState& g = w.groups[0];
  g.today.removals = 3;  // strangers removed today: not felt unless one is their friend
  g.today.member_removals = 3;
  g.today.posts_removed = 10;
  for (std::size_t i = 0; i < 4; ++i) g.members.benefit_today[i] = 1.5f;  // target 0.5
  update_satisfaction(w, 0, 23);
  for (std::size_t i = 0; i < 4; ++i) CHECK(g.members.satisfaction[i] == Approx(0.5));
}

TEST_CASE("being heard is worth recognition_value per reply, up to answer_capacity",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(4, 0.5f);
  auto& m = w.groups[0].members;
  const float heard[4] = {0.0f, 3.0f, 10.0f, 25.0f};
  for (std::size_t i = 0; i < 4; ++i) {
    m.benefit_today[i] = 1.5f;  // logistic part 0.5 before recognition
    m.heard_today[i] = heard[i];
  }
  update_satisfaction(w, 0, 23);
  auto expected = [](double net) { return 0.5 + 0.25 * (logistic(net / 2.0) - 0.5); };
  CHECK(m.satisfaction[0] == Approx(0.5));
  CHECK(m.satisfaction[1] == Approx(expected(0.5 * 3)));
  CHECK(m.satisfaction[2] == Approx(expected(0.5 * 10)));
  CHECK(m.satisfaction[3] == Approx(expected(0.5 * 10)));            // capped at capacity
  for (std::size_t i = 0; i < 4; ++i) CHECK(m.heard_today[i] == 0);  // reset for tomorrow
}

TEST_CASE("questions one could answer cost question_overload each beyond answer_capacity",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(4, 0.5f);
  auto& m = w.groups[0].members;
  const float demand[4] = {0.0f, 6.0f, 10.0f, 24.0f};
  for (std::size_t i = 0; i < 4; ++i) {
    m.benefit_today[i] = 1.5f;
    m.demand_today[i] = demand[i];
  }
  update_satisfaction(w, 0, 23);
  CHECK(m.satisfaction[0] == Approx(0.5));
  CHECK(m.satisfaction[1] == Approx(0.5));  // within capacity: gladly read
  CHECK(m.satisfaction[2] == Approx(0.5));
  CHECK(m.satisfaction[3] == Approx(0.5 + 0.25 * (logistic(-0.1 * 14 / 2.0) - 0.5)));
  for (std::size_t i = 0; i < 4; ++i) CHECK(m.demand_today[i] == 0);

  // An expert flooded by questions, heard by some: both terms, each against capacity 10.
  m.benefit_today[0] = 1.5f;
  m.demand_today[0] = 40.0f;
  m.heard_today[0] = 4.0f;
  m.satisfaction[0] = 0.5f;
  update_satisfaction(w, 0, 47);
  CHECK(m.satisfaction[0] == Approx(0.5 + 0.25 * (logistic((0.5 * 4 - 0.1 * 30) / 2.0) - 0.5)));
}

TEST_CASE("wariness costs wariness_cost·wariness a day and fades by exp(-1/wariness_days)",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(3, 0.5f);
  auto& m = w.groups[0].members;
  m.wariness = {0.0f, 0.4f, 1.0f};
  for (std::size_t i = 0; i < 3; ++i) m.benefit_today[i] = 1.5f;
  update_satisfaction(w, 0, 23);
  CHECK(m.satisfaction[0] == Approx(0.5));
  CHECK(m.satisfaction[1] == Approx(0.5 + 0.25 * (logistic(-3.0 * 0.4 / 2.0) - 0.5)));
  CHECK(m.satisfaction[2] == Approx(0.5 + 0.25 * (logistic(-3.0 / 2.0) - 0.5)));
  const double fade = std::exp(-1.0 / 30);
  CHECK(m.wariness[0] == 0);
  CHECK(m.wariness[1] == Approx(0.4 * fade));
  CHECK(m.wariness[2] == Approx(fade));
  // Felt every day while it lasts: the second day costs the faded wariness.
  m.satisfaction[2] = 0.5f;
  m.benefit_today[2] = 1.5f;
  update_satisfaction(w, 0, 47);
  CHECK(m.satisfaction[2] == Approx(0.5 + 0.25 * (logistic(-3.0 * fade / 2.0) - 0.5)));
  CHECK(m.wariness[2] == Approx(fade * fade));

  w.rules.set(param::members::wariness_days, 5);
  update_satisfaction(w, 0, 71);
  CHECK(m.wariness[2] == Approx(fade * fade * std::exp(-0.2)));
}

TEST_CASE("belonging: a lively conversation on one's interest raises satisfaction",
          "[mechanism][satisfaction]") {
  // Member 0 shares the conversation's topic (fit 1), member 1 is orthogonal (fit 0),
  // member 2 is at 60 degrees (fit 0.5: neutral).
  std::vector<PersonSpec> people = {{axis(2, 0)}, {axis(2, 1)}, {unit({0.5f, std::sqrt(0.75f)})}};
  World w = make_world(2, people);
  satisfaction_rules(w.rules);
  w.rules.set(param::satisfaction::belonging, 2.0);
  w.rules.set(param::members::liveliness_half, 0.5);
  add_group(w, axis(2, 1), {{0, 0, 0.5f}, {1, 0, 0.5f}, {2, 0, 0.5f}});
  GroupState& g = w.groups[0];
  g.conversation = 3.0f * axis(2, 0);  // its direction counts, not its length
  auto day = [&](std::uint32_t messages) {
    g.messages_last_day = messages;
    for (std::size_t i = 0; i < 3; ++i) {
      g.members.satisfaction[i] = 0.5f;
      g.members.benefit_today[i] = 1.5f;  // logistic part 0.5 without belonging
    }
    update_satisfaction(w, 0, 23);
  };
  day(0);  // a silent group gives no sense of belonging
  for (std::size_t i = 0; i < 3; ++i) CHECK(g.members.satisfaction[i] == Approx(0.5));

  day(3 * 1);  // 1 message per member: lively = 1/1.5
  const double lively = 1.0 / 1.5;
  CHECK(g.members.satisfaction[0] ==
        Approx(0.5 + 0.25 * (logistic(2.0 * lively * 0.5 / 2.0) - 0.5)));
  CHECK(g.members.satisfaction[1] ==
        Approx(0.5 + 0.25 * (logistic(-2.0 * lively * 0.5 / 2.0) - 0.5)));
  CHECK(g.members.satisfaction[2] == Approx(0.5).margin(1e-6));

  // belonging_fit moves the neutral fit: at 0 the orthogonal member is neutral.
  w.rules.set(param::satisfaction::belonging_fit, 0.0);
  day(3 * 1);
  CHECK(g.members.satisfaction[1] == Approx(0.5).margin(1e-6));
  CHECK(g.members.satisfaction[0] ==
        Approx(0.5 + 0.25 * (logistic(2.0 * lively * 1.0 / 2.0) - 0.5)));
}

TEST_CASE("ad accounts, departed members and dead groups are left alone",
          "[mechanism][satisfaction]") {
  World w = satisfaction_world(3, 0.5f);
  auto& m = w.groups[0].members;
  m.flags[0] |= ad_account;
  m.state[1] = MemberState::left;
  for (std::size_t i = 0; i < 3; ++i) m.benefit_today[i] = 50.0f;
  update_satisfaction(w, 0, 23);
  CHECK(m.satisfaction[0] == 0.5f);
  CHECK(m.satisfaction[1] == 0.5f);
  CHECK(m.satisfaction[2] > 0.6f);  // target ≈ 1

  World dead = satisfaction_world(1, 0.5f);
  dead.groups[0].alive = false;
  dead.groups[0].members.benefit_today[0] = 50.0f;
  update_satisfaction(dead, 0, 23);
  CHECK(dead.groups[0].members.satisfaction[0] == 0.5f);
}
