// Muting and leaving (models/community/mechanisms/departures.hpp): mute below mute_below,
// unmute above unmute_above; leave with probability leave_hazard·(leave_below - s)/leave_below
// (+ lurker_hazard when muted); the owner with those hazards times owner_commitment; under the
// task policy non-posters are removed after task_days; an ad account gives up with
// probability spam_give_up·spam_reach_half/(spam_reach_half + reach today).
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/departures.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

void departure_rules(sim::ParamValues& p) {
  p.set(param::satisfaction::mute_below, 0.35);
  p.set(param::satisfaction::unmute_above, 0.5);
  p.set(param::satisfaction::leave_below, 0.25);
  p.set(param::satisfaction::leave_hazard, 0);
  p.set(param::satisfaction::lurker_hazard, 0);
  p.set(param::groups::entry, EntryPolicy::open);
  p.set(param::groups::task_days, 7);
  p.set(param::satisfaction::owner_commitment, 0.3);
  p.set(param::members::spam_give_up, 0);
  p.set(param::members::spam_reach_half, 2);
}

World departures_world(std::size_t n, float s) {
  World w = make_world(2, people_like(n, axis(2, 0)));
  departure_rules(w.rules);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < n; ++p) members.push_back({p, 0, s});
  add_group(w, axis(2, 0), members);
  return w;
}

std::size_t count_state(const Memberships& m, MemberState s) {
  std::size_t n = 0;
  for (auto x : m.state) n += x == s;
  return n;
}

}  // namespace

TEST_CASE("leave_probability follows the hazard formula", "[mechanism][departures]") {
  sim::ParamValues r;
  r.set(param::satisfaction::leave_below, 0.25);
  r.set(param::satisfaction::leave_hazard, 0.2);
  r.set(param::satisfaction::lurker_hazard, 0.01);
  CHECK(leave_probability(r, 0.5, false) == 0.0);
  CHECK(leave_probability(r, 0.25, false) == 0.0);
  CHECK(leave_probability(r, 0.5, true) == Approx(0.01));
  CHECK(leave_probability(r, 0.0, false) == Approx(0.2));
  CHECK(leave_probability(r, 0.125, false) == Approx(0.1));
  CHECK(leave_probability(r, 0.125, true) == Approx(0.11));
  r.set(param::satisfaction::leave_hazard, 1.0);
  r.set(param::satisfaction::lurker_hazard, 0.5);
  CHECK(leave_probability(r, 0.0, true) == 1.0);  // capped
}

TEST_CASE("members mute below mute_below and unmute above unmute_above",
          "[mechanism][departures]") {
  World w = departures_world(5, 0.5f);
  auto& m = w.groups[0].members;
  m.satisfaction = {0.30f, 0.40f, 0.40f, 0.60f, 0.45f};
  m.state = {MemberState::active, MemberState::active, MemberState::muted, MemberState::muted,
             MemberState::muted};
  mute_and_leave(w, 0, 23);
  CHECK(m.state[0] == MemberState::muted);   // below 0.35
  CHECK(m.state[1] == MemberState::active);  // between: stays as it was
  CHECK(m.state[2] == MemberState::muted);   // between: stays muted (hysteresis)
  CHECK(m.state[3] == MemberState::active);  // above 0.5
  CHECK(m.state[4] == MemberState::muted);
  CHECK(w.groups[0].today.leaves == 0);
}

TEST_CASE("members leave with leave_probability", "[mechanism][departures]") {
  const std::size_t n = 4000;
  SECTION("unhappy, not muted: leave_hazard·(leave_below - s)/leave_below") {
    World w = departures_world(n, 0.1f);
    w.rules.set(param::satisfaction::mute_below, 0);
    w.rules.set(param::satisfaction::leave_hazard, 0.5);
    mute_and_leave(w, 0, 23);
    const double p = 0.5 * 0.15 / 0.25;
    const std::size_t left = count_state(w.groups[0].members, MemberState::left);
    CHECK(std::abs(double(left) / n - p) < 5 * binomial_se(p, n));
    CHECK(w.groups[0].today.leaves == left);
    CHECK(w.groups[0].today.removals == 0);
  }
  SECTION("muted lurkers: lurker_hazard") {
    World w = departures_world(n, 0.3f);  // mutes (0.3 < 0.35), above leave_below
    w.rules.set(param::satisfaction::lurker_hazard, 0.2);
    w.rules.set(param::satisfaction::leave_hazard, 0.5);
    mute_and_leave(w, 0, 23);
    const std::size_t left = count_state(w.groups[0].members, MemberState::left);
    CHECK(std::abs(double(left) / n - 0.2) < 5 * binomial_se(0.2, n));
    CHECK(count_state(w.groups[0].members, MemberState::muted) == n - left);
  }
  SECTION("both") {
    World w = departures_world(n, 0.1f);
    w.rules.set(param::satisfaction::lurker_hazard, 0.2);
    w.rules.set(param::satisfaction::leave_hazard, 0.5);
    mute_and_leave(w, 0, 23);
    const std::size_t left = count_state(w.groups[0].members, MemberState::left);
    CHECK(std::abs(double(left) / n - 0.5) < 5 * binomial_se(0.5, n));
  }
  SECTION("content members never leave") {
    World w = departures_world(n, 0.6f);
    w.rules.set(param::satisfaction::leave_hazard, 1.0);
    mute_and_leave(w, 0, 23);
    CHECK(count_state(w.groups[0].members, MemberState::left) == 0);
  }
}

TEST_CASE("departures are counted with value, alignment and top decile",
          "[mechanism][departures]") {
  std::vector<PersonSpec> people = {
      {axis(2, 0), 1.0f, 3.0f}, {unit({0.6f, 0.8f}), 1.0f, 0.5f}, {axis(2, 0), 1.0f, 1.0f}};
  World w = make_world(2, people);
  departure_rules(w.rules);
  w.rules.set(param::satisfaction::leave_hazard, 1.0);  // s = 0: certain
  add_group(w, axis(2, 0), {{0, top_decile, 0.0f}, {1, 0, 0.0f}, {2, 0, 0.9f}});
  GroupState& g = w.groups[0];
  mute_and_leave(w, 0, 23);
  CHECK(g.members.state[0] == MemberState::left);
  CHECK(g.members.state[1] == MemberState::left);
  CHECK(g.members.present(2));
  CHECK(g.today.leaves == 2);
  CHECK(g.today.leaver_value == Approx(3.5));
  CHECK(g.today.leaver_alignment == Approx(1.6));
  CHECK(g.today.top_decile_departures == 1);
  CHECK(g.today.other_departures == 1);
}

TEST_CASE("the owner leaves with a member's hazards times owner_commitment",
          "[mechanism][departures]") {
  const int trials = 4000;
  struct Case {
    float satisfaction;
    double commitment, member_p;
  };
  // s = 0.1 (not muted: mute_below 0 here): 0.5·0.15/0.25 = 0.3; s = 0.3, muted: lurker 0.2.
  for (const Case& c :
       {Case{0.1f, 0.3, 0.3}, Case{0.1f, 1.0, 0.3}, Case{0.1f, 0.0, 0.3}, Case{0.3f, 0.5, 0.2}}) {
    World w = departures_world(2, c.satisfaction);
    w.rules.set(param::satisfaction::leave_hazard, 0.5);
    w.rules.set(param::satisfaction::lurker_hazard, 0.2);
    w.rules.set(param::satisfaction::mute_below, c.satisfaction < 0.2f ? 0.0 : 0.35);
    w.rules.set(param::satisfaction::owner_commitment, c.commitment);
    auto& m = w.groups[0].members;
    m.flags[0] = owner | moderator;
    int owner_left = 0, member_left = 0;
    for (int t = 0; t < trials; ++t) {
      m.state[0] = m.state[1] = MemberState::active;
      m.satisfaction[0] = m.satisfaction[1] = c.satisfaction;
      mute_and_leave(w, 0, at(static_cast<sim::Day>(t), 23));
      owner_left += m.state[0] == MemberState::left;
      member_left += m.state[1] == MemberState::left;
    }
    const double p_owner = c.member_p * c.commitment;
    INFO("s " << c.satisfaction << " commitment " << c.commitment << ": owner left " << owner_left
              << ", member " << member_left);
    CHECK(std::abs(owner_left / double(trials) - p_owner) <
          5 * binomial_se(p_owner, trials) + 1e-12);
    CHECK(std::abs(member_left / double(trials) - c.member_p) <
          5 * binomial_se(c.member_p, trials));
    CHECK(w.groups[0].today.leaves == static_cast<std::uint32_t>(owner_left + member_left));
  }
}

TEST_CASE("ad accounts give up by reach: spam_give_up·half/(half + reach), nothing else",
          "[mechanism][departures]") {
  const std::size_t n = 4000;
  for (float reach : {0.0f, 2.0f, 6.0f}) {
    std::vector<PersonSpec> people = people_like(n, axis(2, 1));
    for (auto& p : people) p.spammer = true;
    World w = make_world(2, people);
    departure_rules(w.rules);
    w.rules.set(param::members::spam_give_up, 0.4);
    w.rules.set(param::members::spam_reach_half, 2);
    w.rules.set(param::satisfaction::leave_hazard, 1.0);  // not for ad accounts
    w.rules.set(param::satisfaction::lurker_hazard, 1.0);
    std::vector<MemberSpec> members;
    for (PersonId p = 0; p < n; ++p) members.push_back({p, ad_account, 0.0f});
    add_group(w, axis(2, 0), members);
    GroupState& g = w.groups[0];
    for (auto& r : g.members.reach_today) r = reach;
    mute_and_leave(w, 0, 23);
    const double p = 0.4 * 2 / (2 + reach);
    const std::size_t left = count_state(g.members, MemberState::left);
    INFO("reach " << reach << ": " << left << " of " << n << " gave up");
    CHECK(std::abs(double(left) / n - p) < 5 * binomial_se(p, n));
    CHECK(count_state(g.members, MemberState::muted) == 0);  // ad accounts never mute
    CHECK(count_state(g.members, MemberState::active) == n - left);
    for (float r : g.members.reach_today) CHECK(r == 0.0f);  // reset for tomorrow
    CHECK(g.today.leaves == 0);  // not counted among members' departures
    CHECK(g.today.leaver_value == 0);
  }
  // spam_give_up = 0: ad accounts stay wherever they are, read or not.
  std::vector<PersonSpec> people = people_like(3, axis(2, 0));
  people[2].spammer = true;
  World w = make_world(2, people);
  departure_rules(w.rules);
  w.rules.set(param::satisfaction::leave_hazard, 1.0);
  w.rules.set(param::satisfaction::lurker_hazard, 1.0);
  w.rules.set(param::satisfaction::owner_commitment, 0.0);
  add_group(w, axis(2, 0),
            {{0, owner | moderator, 0.0f}, {1, moderator, 0.0f}, {2, ad_account, 0.0f}});
  GroupState& g = w.groups[0];
  for (Tick t = 23; t < 24 * 10; t += 24) mute_and_leave(w, 0, t);
  CHECK(g.members.present(0));
  CHECK(g.members.state[0] == MemberState::muted);  // committed owner: may mute, but stays
  CHECK(g.members.state[1] == MemberState::left);
  CHECK(g.members.state[2] == MemberState::active);
  CHECK(g.today.leaves == 1);
}

TEST_CASE("the task policy removes members who have not posted within task_days",
          "[mechanism][departures]") {
  World w = make_world(2, people_like(6, axis(2, 0)));
  departure_rules(w.rules);
  w.rules.set(param::groups::entry, EntryPolicy::task);
  w.rules.set(param::groups::task_days, 2);
  MemberSpec late{4, 0, 0.9f};
  late.joined = at(1, 10);
  MemberSpec exact{5, 0, 0.9f};
  exact.joined = at(0, 23);
  add_group(w, axis(2, 0),
            {{0, owner | moderator, 0.9f},
             {1, moderator, 0.9f},
             {2, 0, 0.9f},
             {3, 0, 0.9f},
             late,
             exact});
  GroupState& g = w.groups[0];
  g.members.posts[3] = 1;
  g.members.last_post[3] = at(0, 5);
  mute_and_leave(w, 0, at(2, 23));                    // 71 hours after tick 0
  CHECK(g.members.present(0));                        // owner
  CHECK(g.members.present(1));                        // moderator
  CHECK(g.members.state[2] == MemberState::removed);  // 71 h ≥ 48 h, no post
  CHECK(g.members.present(3));                        // posted
  CHECK(g.members.present(4));                        // joined 37 h ago
  CHECK(g.members.state[5] == MemberState::removed);  // joined exactly 48 h ago
  CHECK(g.today.removals == 2);
  CHECK(g.today.leaves == 0);

  // Under another policy non-posters stay.
  World open = make_world(2, people_like(2, axis(2, 0)));
  departure_rules(open.rules);
  open.rules.set(param::groups::task_days, 2);
  add_group(open, axis(2, 0), {{0, owner, 0.9f}, {1, 0, 0.9f}});
  mute_and_leave(open, 0, at(30, 23));
  CHECK(open.groups[0].members.present(1));
}

TEST_CASE("a dead group has no departures", "[mechanism][departures]") {
  World w = departures_world(10, 0.0f);
  w.rules.set(param::satisfaction::leave_hazard, 1.0);
  w.groups[0].alive = false;
  mute_and_leave(w, 0, 23);
  CHECK(count_state(w.groups[0].members, MemberState::active) == 10);
  CHECK(w.groups[0].today.leaves == 0);
}

TEST_CASE("task_makeup: a member who missed the task has one make-up week before removal (C21)",
          "[mechanism][departures]") {
  World w = make_world(2, people_like(4, axis(2, 0)));
  departure_rules(w.rules);
  w.rules.set(param::groups::entry, EntryPolicy::task);
  w.rules.set(param::groups::task_days, 2);
  w.rules.set(param::groups::task_makeup, true);
  add_group(w, axis(2, 0), {{0, owner, 0.9f}, {1, 0, 0.9f}, {2, 0, 0.9f}, {3, 0, 0.9f}});
  GroupState& g = w.groups[0];
  mute_and_leave(w, 0, at(2, 23));  // all three missed the task: each gets the make-up week
  CHECK(g.members.present(1));
  CHECK(g.members.present(2));
  CHECK(g.members.present(3));
  g.members.posts[2] = 1;  // member 2 does the make-up
  g.members.last_post[2] = at(5, 9);
  mute_and_leave(w, 0, at(9, 22));  // 167 hours into the make-up week: not yet
  CHECK(g.members.present(1));
  mute_and_leave(w, 0, at(9, 23));  // the week is over
  CHECK(g.members.state[1] == MemberState::removed);
  CHECK(g.members.present(2));
  CHECK(g.members.state[3] == MemberState::removed);
  CHECK(g.today.removals == 2);
}
