// Recruitment (models/community/mechanisms/recruitment.hpp): friends invited by members above
// invite_above apply with probability friend_rate·(1 - exp(-k/friends_half))·A·appeal;
// Poisson(open_channel_per_day) strangers arrive through the open channel (none under
// invite_only) and apply with probability A·appeal, where A = ((1 + θ·t_vis)/2)^
// topic_selectivity is how the group's visible topic t_vis ∝ (1 - conversation_visibility)·
// focus + conversation_visibility·c/|c| attracts a person of interest θ, and appeal =
// min(1, 2q/(q+v))^value_seeking; an ad account that finds the group stays with probability
// a/(a + ad_audience_half), a = real members who have not muted it; the entry policy filters
// (fee, screening). Present and former members and people at max_groups never apply.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

#include "models/community/mechanisms/recruitment.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

void recruitment_rules(sim::ParamValues& p) {
  p.set(param::groups::entry, EntryPolicy::open);
  p.set(param::groups::open_channel_per_day, 0);
  p.set(param::groups::open_ad_share, 0);
  p.set(param::groups::size_cap, 1000);
  p.set(param::groups::fee, 0);
  p.set(param::groups::screen_alignment, 0.5);
  p.set(param::groups::screen_value, 0);
  p.set(param::groups::screen_capacity, 1000);
  p.set(param::members::max_groups, 8);
  p.set(param::moderation::ad_detection, 1.0);
  p.set(param::recruitment::invite_above, 0.6);
  p.set(param::recruitment::friend_rate, 0.5);
  p.set(param::recruitment::friends_half, 1.5);
  p.set(param::recruitment::fee_willingness, 2.0);
  p.set(param::recruitment::value_seeking, 0);      // appeal = 1 unless a test says otherwise
  p.set(param::recruitment::topic_selectivity, 1);  // A = (1 + cos)/2
  p.set(param::recruitment::conversation_visibility, 0.7);
  p.set(param::recruitment::ad_audience_half, 0.001);  // ads stay wherever anyone listens
}

// Applications per person over `days` daily recruitment rounds (applicants cleared each day).
struct Tally {
  std::map<PersonId, int> friend_invites, open_arrivals;
  std::uint64_t total = 0, paid = 0;
  int max_per_day = 0;
};

Tally run_recruitment(World& w, int days, std::size_t group = 0) {
  Tally out;
  GroupState& g = w.groups[group];
  for (int d = 0; d < days; ++d) {
    recruit(w, group, at(static_cast<sim::Day>(d), 23));
    out.max_per_day = std::max(out.max_per_day, static_cast<int>(g.applicants.size()));
    for (const Applicant& a : g.applicants) {
      (a.channel == JoinChannel::friend_invite ? out.friend_invites
                                               : out.open_arrivals)[a.person]++;
      ++out.total;
      out.paid += a.paid;
    }
  }
  return out;
}

double rate(const std::map<PersonId, int>& m, PersonId p, int days) {
  auto it = m.find(p);
  return (it == m.end() ? 0 : it->second) / double(days);
}

// Members 0..3 (0 owner and founder, 1 founder, 2-3 ordinary), satisfaction 0.9; outsiders
// 4.. with the given interests and values, befriending the listed members.
struct Outsider {
  Eigen::VectorXf interest;
  float value;
  std::vector<PersonId> friends_inside;
  bool spammer = false;
};

World friends_world(const std::vector<Outsider>& outsiders) {
  std::vector<PersonSpec> people = people_like(4, axis(2, 0));
  std::vector<sim::Edge> edges;
  for (const Outsider& o : outsiders) {
    const auto id = static_cast<PersonId>(people.size());
    people.push_back({o.interest, 1.0f, o.value, 60.0f, o.spammer});
    for (PersonId f : o.friends_inside) edges.push_back({id, f});
  }
  World w = make_world(2, people, edges);
  recruitment_rules(w.rules);
  add_group(
      w, axis(2, 0),
      {{0, owner | moderator | founder, 0.9f}, {1, founder, 0.9f}, {2, 0, 0.9f}, {3, 0, 0.9f}});
  return w;
}

}  // namespace

TEST_CASE("attraction is ((1 + cosine)/2)^topic_selectivity", "[mechanism][recruitment]") {
  sim::ParamValues r;
  r.set(param::recruitment::topic_selectivity, 8);
  CHECK(attraction(r, 1.0) == Approx(1.0));
  CHECK(attraction(r, 0.0) == Approx(1.0 / 256));
  CHECK(attraction(r, 0.5) == Approx(std::pow(0.75, 8)));
  CHECK(attraction(r, -1.0) == 0.0);
  r.set(param::recruitment::topic_selectivity, 1);
  CHECK(attraction(r, 0.2) == Approx(0.6));
  r.set(param::recruitment::topic_selectivity, 0);  // anyone joins whatever the topic
  for (double c : {-1.0, -0.3, 0.0, 0.9}) CHECK(attraction(r, c) == Approx(1.0));
}

TEST_CASE("friend_join_probability is concave in inviting friends, saturating at friend_rate·A",
          "[mechanism][recruitment]") {
  sim::ParamValues r;
  r.set(param::recruitment::friend_rate, 0.2);
  r.set(param::recruitment::friends_half, 1.5);
  CHECK(friend_join_probability(r, 0, 1.0) == 0.0);
  CHECK(friend_join_probability(r, 1, 0.75) == Approx(0.2 * (1 - std::exp(-1 / 1.5)) * 0.75));
  CHECK(friend_join_probability(r, 3, 1.0) == Approx(0.2 * (1 - std::exp(-2.0))));
  CHECK(friend_join_probability(r, 2, 0.0) == 0.0);
  for (double a : {0.25, 0.5, 1.0}) {
    double prev_gain = 1e9;
    for (int k = 0; k < 10; ++k) {
      const double gain = friend_join_probability(r, k + 1, a) - friend_join_probability(r, k, a);
      CHECK(gain > 0);
      CHECK(gain < prev_gain);  // concave
      prev_gain = gain;
    }
    CHECK(friend_join_probability(r, 1000, a) == Approx(0.2 * a));
  }
}

TEST_CASE("invited friends apply with friend_join_probability", "[mechanism][recruitment]") {
  World w = friends_world({
      {axis(2, 0), 1.0f, {0}},              // 4: k = 1, fit 1
      {axis(2, 0), 1.0f, {0, 1, 2}},        // 5: k = 3, fit 1
      {axis(2, 1), 1.0f, {0}},              // 6: k = 1, fit 0
      {unit({-1.0f, 0.0f}), 1.0f, {0, 1}},  // 7: fit -1: never
      {axis(2, 0), 1.0f, {}},               // 8: no friend inside: never
  });
  const int days = 3000;
  const Tally t = run_recruitment(w, days);
  CHECK(t.open_arrivals.empty());
  const auto& r = w.rules;  // topic_selectivity 1: A = (1 + fit)/2
  const double p4 = friend_join_probability(r, 1, 1.0), p5 = friend_join_probability(r, 3, 1.0),
               p6 = friend_join_probability(r, 1, 0.5);
  REQUIRE(attraction(r, 0.0) == Approx(0.5));
  CHECK(std::abs(rate(t.friend_invites, 4, days) - p4) < 5 * binomial_se(p4, days));
  CHECK(std::abs(rate(t.friend_invites, 5, days) - p5) < 5 * binomial_se(p5, days));
  CHECK(std::abs(rate(t.friend_invites, 6, days) - p6) < 5 * binomial_se(p6, days));
  CHECK(rate(t.friend_invites, 5, days) > rate(t.friend_invites, 4, days));
  CHECK(rate(t.friend_invites, 7, days) == 0);
  CHECK(rate(t.friend_invites, 8, days) == 0);
  for (PersonId p = 0; p < 4; ++p) CHECK(t.friend_invites.count(p) == 0);  // members are in
  CHECK(t.paid == 0);
}

TEST_CASE("only members above invite_above invite", "[mechanism][recruitment]") {
  World w = friends_world({{axis(2, 0), 1.0f, {0, 1}}, {axis(2, 0), 1.0f, {2}}});
  w.rules.set(param::recruitment::friend_rate, 1.0);
  auto& m = w.groups[0].members;
  m.satisfaction[0] = 0.59f;
  m.satisfaction[1] = 0.61f;  // person 4 has one inviting friend (1)
  m.satisfaction[2] = 0.3f;   // person 5 has none
  const int days = 2000;
  const Tally t = run_recruitment(w, days);
  const double p1 = friend_join_probability(w.rules, 1, 1.0);
  CHECK(std::abs(rate(t.friend_invites, 4, days) - p1) < 5 * binomial_se(p1, days));
  CHECK(rate(t.friend_invites, 5, days) == 0);
}

TEST_CASE("invite_only: only core members invite and the open channel is closed",
          "[mechanism][recruitment]") {
  // 4: friend of ordinary members only; 5: friend of a founder; others reachable openly.
  std::vector<Outsider> outsiders = {{axis(2, 0), 1.0f, {2, 3}}, {axis(2, 0), 1.0f, {1}}};
  for (int i = 0; i < 40; ++i) outsiders.push_back({axis(2, 0), 1.0f, {}});
  World w = friends_world(outsiders);
  w.rules.set(param::groups::open_channel_per_day, 20);
  w.rules.set(param::recruitment::friend_rate, 1.0);
  const int days = 400;

  w.rules.set(param::groups::entry, EntryPolicy::invite_only);
  const Tally closed = run_recruitment(w, days);
  CHECK(closed.open_arrivals.empty());
  CHECK(rate(closed.friend_invites, 4, days) == 0);
  CHECK(rate(closed.friend_invites, 5, days) > 0.4);  // P(1) ≈ 0.49

  w.rules.set(param::groups::entry, EntryPolicy::open);
  const Tally open = run_recruitment(w, days);
  CHECK(rate(open.friend_invites, 4, days) > 0.5);  // k = 2: P ≈ 0.74
  std::uint64_t open_total = 0;
  for (const auto& [p, n] : open.open_arrivals) open_total += n;
  // Poisson(20) arrivals a day, 42 of 46 people not excluded.
  const double mean = 20.0 * days * 42 / 46;
  CHECK(std::abs(double(open_total) - mean) < 5 * std::sqrt(mean));
}

TEST_CASE("former members, present members, people at max_groups and spammers are not invited",
          "[mechanism][recruitment]") {
  World w = friends_world({
      {axis(2, 0), 1.0f, {0, 1, 2, 3}},        // 4: a former member
      {axis(2, 0), 1.0f, {0, 1, 2, 3}},        // 5: at max_groups
      {axis(2, 0), 1.0f, {0, 1, 2, 3}, true},  // 6: an ad account
      {axis(2, 0), 1.0f, {0, 1, 2, 3}},        // 7: eligible
  });
  w.rules.set(param::recruitment::friend_rate, 1.0);
  w.rules.set(param::recruitment::friends_half, 0.01);  // k ≥ 1: certain
  GroupState& g = w.groups[0];
  g.former = {4};
  w.groups_joined[5] = static_cast<std::uint16_t>(w.rules[param::members::max_groups]);
  const Tally t = run_recruitment(w, 200);
  CHECK(t.friend_invites.count(4) == 0);
  CHECK(t.friend_invites.count(5) == 0);
  CHECK(t.friend_invites.count(6) == 0);
  CHECK(rate(t.friend_invites, 7, 200) == 1.0);
  CHECK(t.total == 200);
}

TEST_CASE("appeal: people above the group's mean value join less readily",
          "[mechanism][recruitment]") {
  World w = friends_world({
      {axis(2, 0), 3.0f, {0}},  // 4: v = 3, q = 1: appeal = (2/4)^vs
      {axis(2, 0), 0.5f, {0}},  // 5: novice: appeal 1
  });
  w.rules.set(param::recruitment::friend_rate, 1.0);
  w.rules.set(param::recruitment::friends_half, 0.01);
  const int days = 3000;
  for (double vs : {1.0, 2.0}) {
    w.rules.set(param::recruitment::value_seeking, vs);
    const Tally t = run_recruitment(w, days);
    const double expected = std::pow(0.5, vs);
    INFO("value_seeking " << vs);
    CHECK(std::abs(rate(t.friend_invites, 4, days) - expected) < 5 * binomial_se(expected, days));
    CHECK(rate(t.friend_invites, 5, days) == 1.0);
  }
}

TEST_CASE("the open channel brings Poisson strangers, a share of them ad accounts",
          "[mechanism][recruitment]") {
  // 4 members, 200 people, the last 10 of them ad accounts.
  std::vector<Outsider> outsiders;
  for (int i = 0; i < 196; ++i) outsiders.push_back({axis(2, 0), 1.0f, {}, i >= 186});
  World w = friends_world(outsiders);
  w.rules.set(param::groups::open_channel_per_day, 10);
  w.rules.set(param::groups::open_ad_share, 0.3);
  w.rules.set(param::recruitment::ad_audience_half, 4);  // 4 listening members: half stay
  w.groups[0].former = {20, 21, 22, 23, 195};            // four people and an ad account who left
  const int days = 1000;
  const Tally t = run_recruitment(w, days);
  CHECK(t.friend_invites.empty());
  std::uint64_t ads = 0;
  for (const auto& [p, n] : t.open_arrivals) {
    REQUIRE(p >= 4);  // never a member
    REQUIRE_FALSE(std::binary_search(w.groups[0].former.begin(), w.groups[0].former.end(), p));
    if (w.is_spammer[p]) ads += n;
  }
  // An arrival is an ad account (one of 10, one of them a former member: turned away; the
  // others stay with probability 4/(4 + 4)) with probability 0.3, else a stranger drawn from
  // the 190 other people, of whom members and former members (8) are turned away.
  const double a = 0.3;
  const double per_arrival = a * 9 / 10 * 0.5 + (1 - a) * (190.0 - 8) / 190;
  const double mean = 10.0 * days * per_arrival;
  CHECK(std::abs(double(t.total) - mean) < 5 * std::sqrt(mean));
  const double ad_share = a * 9 / 10 * 0.5 / per_arrival;
  CHECK(std::abs(double(ads) / t.total - ad_share) < 5 * binomial_se(ad_share, double(t.total)));
}

TEST_CASE("fee policy: ad accounts never pass and a higher fee admits fewer",
          "[mechanism][recruitment]") {
  std::vector<Outsider> outsiders;
  for (int i = 0; i < 96; ++i) outsiders.push_back({axis(2, 0), 1.0f, {}});
  const int days = 400;
  // willing = fee_willingness · fit · q · Exp(1) = 2·E: passes with probability exp(-fee/2).
  for (double fee : {0.5, 3.0}) {
    World w = friends_world(outsiders);
    w.rules.set(param::groups::entry, EntryPolicy::fee);
    w.rules.set(param::groups::fee, fee);
    w.rules.set(param::groups::open_channel_per_day, 50);
    const Tally t = run_recruitment(w, days);
    const double mean = 50.0 * days * 96 / 100 * std::exp(-fee / 2);
    INFO("fee " << fee << ": " << t.total << " applicants, expected " << mean);
    CHECK(std::abs(double(t.total) - mean) < 5 * std::sqrt(mean));
    CHECK(t.paid == t.total);
  }
  SECTION("no fee: everyone passes, nobody pays") {
    World w = friends_world(outsiders);
    w.rules.set(param::groups::entry, EntryPolicy::fee);
    w.rules.set(param::groups::fee, 0);
    w.rules.set(param::groups::open_channel_per_day, 50);
    const Tally t = run_recruitment(w, days);
    const double mean = 50.0 * days * 96 / 100;
    CHECK(std::abs(double(t.total) - mean) < 5 * std::sqrt(mean));
    CHECK(t.paid == 0);
  }
  SECTION("ad accounts never pay") {
    std::vector<Outsider> ads = outsiders;
    for (auto& o : ads) o.spammer = true;
    World w = friends_world(ads);
    w.rules.set(param::groups::open_channel_per_day, 50);
    w.rules.set(param::groups::open_ad_share, 1.0);
    w.rules.set(param::groups::entry, EntryPolicy::open);
    CHECK(run_recruitment(w, 20).total > 500);  // they do arrive
    w.rules.set(param::groups::entry, EntryPolicy::fee);
    w.rules.set(param::groups::fee, 0.01);
    CHECK(run_recruitment(w, 200).total == 0);
  }
}

TEST_CASE(
    "screening admits only fit >= screen_alignment and value >= screen_value, within capacity",
    "[mechanism][recruitment]") {
  // Outsiders on a grid of fit (cosine with the focus) and value.
  std::vector<Outsider> outsiders;
  std::set<PersonId> qualified;
  for (int i = 0; i < 96; ++i) {
    const float angle = static_cast<float>(i % 12) * 0.25f;         // 0 .. 2.75 rad
    const float value = 0.5f + static_cast<float>(i / 12) * 0.25f;  // 0.5 .. 2.25
    outsiders.push_back({unit({std::cos(angle), std::sin(angle)}), value, {}});
    if (std::cos(angle) >= 0.5f && value >= 1.0f) qualified.insert(static_cast<PersonId>(4 + i));
  }
  World w = friends_world(outsiders);
  w.rules.set(param::recruitment::topic_selectivity, 0);  // everyone who arrives applies
  w.rules.set(param::groups::entry, EntryPolicy::screening);
  w.rules.set(param::groups::screen_alignment, 0.5);
  w.rules.set(param::groups::screen_value, 1.0);
  w.rules.set(param::groups::open_channel_per_day, 30);
  GroupState& g = w.groups[0];
  g.moderators = 2;

  SECTION("ample capacity: exactly the qualified pass, at the expected rate") {
    w.rules.set(param::groups::screen_capacity, 100);
    const int days = 300;
    const Tally t = run_recruitment(w, days);
    for (const auto& [p, n] : t.open_arrivals) REQUIRE(qualified.count(p) == 1);
    const double mean = 30.0 * days * qualified.size() / 100;
    CHECK(std::abs(double(t.total) - mean) < 5 * std::sqrt(mean));
    CHECK(t.paid == 0);
  }
  SECTION("capacity moderators x screen_capacity bounds the day's screenings") {
    w.rules.set(param::groups::screen_capacity, 2);
    const Tally t = run_recruitment(w, 100);
    CHECK(t.max_per_day <= 4);
    CHECK(t.total > 0);
    recruit(w, 0, at(500, 23));
    CHECK(g.screened_today == 4);  // 30 arrivals a day: capacity is used up
  }
  SECTION("ad accounts pass only if not recognised") {
    std::vector<Outsider> ads = outsiders;
    for (auto& o : ads) o.spammer = true;
    World s = friends_world(ads);
    s.rules.set(param::groups::entry, EntryPolicy::screening);
    s.rules.set(param::groups::screen_capacity, 1000);
    s.rules.set(param::groups::open_channel_per_day, 30);
    s.rules.set(param::groups::open_ad_share, 1.0);
    s.rules.set(param::moderation::ad_detection, 1.0);
    CHECK(run_recruitment(s, 100).total == 0);
    s.rules.set(param::moderation::ad_detection, 0.0);
    CHECK(run_recruitment(s, 100).total > 2000);  // all 30 a day, whatever their fit
  }
}

TEST_CASE("a group at its size cap or dead recruits nobody", "[mechanism][recruitment]") {
  std::vector<Outsider> outsiders;
  for (int i = 0; i < 20; ++i) outsiders.push_back({axis(2, 0), 1.0f, {0, 1}});
  World w = friends_world(outsiders);
  w.rules.set(param::groups::open_channel_per_day, 20);
  w.rules.set(param::recruitment::friend_rate, 1.0);
  CHECK(run_recruitment(w, 5).total > 0);
  w.rules.set(param::groups::size_cap, 4);
  CHECK(run_recruitment(w, 50).total == 0);
  w.rules.set(param::groups::size_cap, 1000);
  w.groups[0].alive = false;
  CHECK(run_recruitment(w, 50).total == 0);
}

namespace {

// A group of 4 members (focus e0) in K = 3 and 3 × 100 outsiders with interests e0, e1, e2
// (persons 4-103, 104-203, 204-303), each a friend of member 0 when `invited`.
World drift_world(bool invited) {
  const int K = 3;
  std::vector<PersonSpec> people = people_like(4, axis(K, 0));
  std::vector<sim::Edge> edges;
  for (int type = 0; type < 3; ++type)
    for (int i = 0; i < 100; ++i) {
      if (invited) edges.push_back({0, static_cast<PersonId>(people.size())});
      people.push_back({axis(K, type)});
    }
  World w = make_world(K, people, edges);
  recruitment_rules(w.rules);
  add_group(w, axis(K, 0),
            {{0, owner | moderator | founder, 0.9f}, {1, 0, 0.9f}, {2, 0, 0.9f}, {3, 0, 0.9f}});
  return w;
}

int type_of(PersonId p) {
  return static_cast<int>((p - 4) / 100);
}

}  // namespace

TEST_CASE("strangers select themselves by the visible topic: purpose and recent conversation",
          "[mechanism][recruitment]") {
  // The conversation drifted to e1. t_vis ∝ (1 - vis)·e0 + vis·e1; a stranger of interest θ
  // applies with probability ((1 + θ·t_vis)/2)^topic_selectivity.
  const int days = 400;
  const double per_day = 30;
  for (double vis : {0.7, 0.0, 1.0}) {
    for (double selectivity : {4.0, 0.0}) {
      World w = drift_world(false);
      w.rules.set(param::groups::open_channel_per_day, per_day);
      w.rules.set(param::recruitment::conversation_visibility, vis);
      w.rules.set(param::recruitment::topic_selectivity, selectivity);
      w.groups[0].conversation = 3.0f * axis(3, 1);  // its direction counts
      const Tally t = run_recruitment(w, days);
      double by_type[3] = {};
      for (const auto& [p, n] : t.open_arrivals) by_type[type_of(p)] += n;
      const double norm = std::sqrt((1 - vis) * (1 - vis) + vis * vis);
      const double cosine[3] = {(1 - vis) / norm, vis / norm, 0.0};
      for (int type = 0; type < 3; ++type) {
        // Arrivals are drawn from all 304 people; the 4 members are turned away.
        const double mean =
            per_day * days * 100.0 / 304 * std::pow((1 + cosine[type]) / 2, selectivity);
        INFO("visibility " << vis << " selectivity " << selectivity << " interest e" << type << ": "
                           << by_type[type] << " applied, expected " << mean);
        CHECK(std::abs(by_type[type] - mean) < 5 * std::sqrt(mean));
      }
    }
  }
}

TEST_CASE("invited friends select themselves by the visible topic too",
          "[mechanism][recruitment]") {
  const int days = 300;
  World w = drift_world(true);
  w.rules.set(param::recruitment::friend_rate, 1.0);
  w.rules.set(param::recruitment::friends_half, 0.01);  // one inviting friend: certain
  w.rules.set(param::recruitment::conversation_visibility, 0.5);
  w.rules.set(param::recruitment::topic_selectivity, 2);
  w.groups[0].conversation = axis(3, 1);
  const Tally t = run_recruitment(w, days);
  double by_type[3] = {};
  for (const auto& [p, n] : t.friend_invites) by_type[type_of(p)] += n;
  const double c = 0.5 / std::sqrt(0.5);  // cos(45°) for e0 and e1, 0 for e2
  const double p[3] = {std::pow((1 + c) / 2, 2), std::pow((1 + c) / 2, 2), 0.25};
  for (int type = 0; type < 3; ++type) {
    const double trials = 100.0 * days;
    INFO("interest e" << type << ": " << by_type[type] / trials << " expected " << p[type]);
    CHECK(std::abs(by_type[type] / trials - p[type]) < 5 * binomial_se(p[type], trials));
  }
}

TEST_CASE("ad accounts go where an audience listens: a/(a + ad_audience_half)",
          "[mechanism][recruitment]") {
  // Members: 6 real (some muted) and 2 ad accounts; 50 ad accounts in all, interests off the
  // group's topic (ads do not select by topic).
  std::vector<PersonSpec> people = people_like(6, axis(2, 0));
  for (int i = 0; i < 50; ++i) people.push_back({axis(2, 1), 1.0f, 1.0f, 60.0f, true});
  const int days = 400;
  for (int muted : {0, 3, 6}) {
    World w = make_world(2, people);
    recruitment_rules(w.rules);
    w.rules.set(param::recruitment::topic_selectivity, 8);
    w.rules.set(param::recruitment::ad_audience_half, 3);
    w.rules.set(param::groups::open_channel_per_day, 20);
    w.rules.set(param::groups::open_ad_share, 1.0);
    std::vector<MemberSpec> members;
    for (PersonId p = 0; p < 6; ++p)
      members.push_back(
          {p, p == 0 ? std::uint8_t(owner | moderator) : std::uint8_t(0), 0.5f,
           p < static_cast<PersonId>(muted) ? MemberState::muted : MemberState::active});
    members.push_back({6, ad_account});
    members.push_back({7, ad_account});
    add_group(w, axis(2, 0), members);
    const Tally t = run_recruitment(w, days);
    for (const auto& [p, n] : t.open_arrivals) REQUIRE(w.is_spammer[p]);
    const double audience = 6 - muted;
    const double mean = 20.0 * days * 48 / 50 * audience / (audience + 3);
    INFO(muted << " muted: " << t.total << " ad accounts applied, expected " << mean);
    CHECK(std::abs(double(t.total) - mean) < 5 * std::sqrt(mean) + 1e-12);
  }
}
