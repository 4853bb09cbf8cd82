// Posting (models/community/mechanisms/posting.hpp): each active member posts in an hour with
// probability 1 - exp(-λ), λ = activity/24 · diurnal · liveliness · 2·satisfaction ·
// (1 - chill·strictness); ad accounts at spam_per_day; topics between interest and
// conversation; the owner's promotions; quality = value, novelty by tenure.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "models/community/mechanisms/posting.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

// Parameters that make λ = activity/24 · 2·satisfaction exactly (no liveliness, no chill).
void plain_posting(sim::ParamValues& p) {
  p.set(param::members::liveliness_strength, 0);
  p.set(param::members::liveliness_half, 0.3);
  p.set(param::members::chill, 0);
  p.set(param::groups::strictness, 0);
  p.set(param::members::chat_share, 0.4);
  p.set(param::members::topic_pull, 0.4);
  p.set(param::members::topic_noise, 0.3);
  p.set(param::members::spam_per_day, 3);
  p.set(param::groups::owner_drift, 0);
  p.set(param::reading::novelty_days, 60);
  p.set(param::reading::novelty_floor, 0.25);
}

// n members of one group, all with the given activity and satisfaction.
World posting_world(std::size_t n, float activity, float satisfaction, int K = 2) {
  World w = make_world(K, people_like(n, axis(K, 0), activity));
  plain_posting(w.rules);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < n; ++p) members.push_back({p, 0, satisfaction});
  add_group(w, axis(K, 0), members);
  return w;
}

struct Counts {
  std::vector<std::uint32_t> by_slot;
  std::uint64_t total = 0;
  std::uint64_t ticks = 0;
};

// Runs posting for `ticks` hours (inbox cleared each hour) and counts posts per slot.
Counts run_posting(World& w, Tick first, Tick ticks) {
  GroupState& g = w.groups[0];
  Counts c;
  c.by_slot.assign(g.members.slots(), 0);
  for (Tick t = first; t < first + ticks; ++t) {
    g.inbox.clear();
    post_messages(w, 0, t);
    for (const Message& m : g.inbox) ++c.by_slot[m.poster_slot];
    c.total += g.inbox.size();
  }
  c.ticks = ticks;
  return c;
}

}  // namespace

TEST_CASE("liveliness is 1-s at silence, 1 at liveliness_half, tends to 1+s",
          "[mechanism][posting]") {
  sim::ParamValues r;
  r.set(param::members::liveliness_strength, 0.6);
  r.set(param::members::liveliness_half, 0.3);
  CHECK(liveliness(r, 0.0) == Approx(0.4));
  CHECK(liveliness(r, 0.3) == Approx(1.0));
  CHECK(liveliness(r, 0.9) == Approx(1.0 - 0.6 + 1.2 * 0.9 / 1.2));
  CHECK(liveliness(r, 1e9) == Approx(1.6).epsilon(1e-6));
  r.set(param::members::liveliness_strength, 0);
  CHECK(liveliness(r, 0.0) == Approx(1.0));
  CHECK(liveliness(r, 5.0) == Approx(1.0));
}

TEST_CASE("novelty starts at 1 and decays exponentially to the floor", "[mechanism][posting]") {
  sim::ParamValues r;
  r.set(param::reading::novelty_days, 60);
  r.set(param::reading::novelty_floor, 0.25);
  CHECK(novelty(r, 0) == Approx(1.0));
  CHECK(novelty(r, 60) == Approx(0.25 + 0.75 * std::exp(-1.0)));
  CHECK(novelty(r, 120) == Approx(0.25 + 0.75 * std::exp(-2.0)));
  CHECK(novelty(r, 1e6) == Approx(0.25));
}

TEST_CASE("the hourly posting rate is 1 - exp(-lambda)", "[mechanism][posting]") {
  // activity 12, satisfaction 0.5: λ = 12/24 · 2·0.5 = 0.5; satisfaction 0.25: λ = 0.25.
  for (float sat : {0.5f, 0.25f}) {
    World w = posting_world(20, 12.0f, sat);
    const Counts c = run_posting(w, 0, 600);
    const double trials = 20.0 * 600;
    const double expected = 1.0 - std::exp(-12.0 / 24 * 2 * sat);
    const double got = c.total / trials;
    INFO("satisfaction " << sat << ": rate " << got << " expected " << expected);
    CHECK(std::abs(got - expected) < 5 * binomial_se(expected, trials));
  }
}

TEST_CASE("posting follows the diurnal profile and stops at zero satisfaction",
          "[mechanism][posting]") {
  World w = posting_world(10, 48.0f, 0.5f);
  for (int h = 0; h < 24; ++h) w.diurnal[h] = h == 20 ? 24.0 : 0.0;
  GroupState& g = w.groups[0];
  std::uint64_t at20 = 0, elsewhere = 0;
  for (Tick t = 0; t < 24 * 20; ++t) {
    g.inbox.clear();
    post_messages(w, 0, t);
    (sim::hour_of_day(t) == 20 ? at20 : elsewhere) += g.inbox.size();
  }
  CHECK(elsewhere == 0);
  CHECK(at20 > 150);  // λ = 48 at 20:00: everybody posts (10 members × 20 days)

  World z = posting_world(10, 48.0f, 0.0f);
  CHECK(run_posting(z, 0, 200).total == 0);
}

TEST_CASE("strictness chills posting by the factor 1 - chill*strictness", "[mechanism][posting]") {
  const double trials = 20.0 * 600;
  World free = posting_world(20, 12.0f, 0.5f);
  World strict = posting_world(20, 12.0f, 0.5f);
  strict.rules.set(param::members::chill, 0.6);
  strict.rules.set(param::groups::strictness, 0.5);
  const double p_free = run_posting(free, 0, 600).total / trials;
  const double p_strict = run_posting(strict, 0, 600).total / trials;
  const double e_free = 1.0 - std::exp(-0.5), e_strict = 1.0 - std::exp(-0.5 * 0.7);
  CHECK(std::abs(p_free - e_free) < 5 * binomial_se(e_free, trials));
  CHECK(std::abs(p_strict - e_strict) < 5 * binomial_se(e_strict, trials));
  // Implied λ ratio is the chill factor.
  CHECK(std::log(1 - p_strict) / std::log(1 - p_free) == Approx(0.7).margin(0.05));

  World frozen = posting_world(10, 48.0f, 1.0f);
  frozen.rules.set(param::members::chill, 1.0);
  frozen.rules.set(param::groups::strictness, 1.0);
  CHECK(run_posting(frozen, 0, 100).total == 0);
}

TEST_CASE("liveliness multiplies the posting rate", "[mechanism][posting]") {
  World w = posting_world(10, 48.0f, 1.0f);
  w.rules.set(param::members::liveliness_strength, 1.0);
  w.rules.set(param::members::liveliness_half, 0.5);
  GroupState& g = w.groups[0];
  g.messages_last_day = 0;  // a silent group with full liveliness strength: nobody starts
  CHECK(run_posting(w, 0, 100).total == 0);
  // 5 messages per member in the last day: liveliness = 2·5/5.5; λ = 2·(10/11) per hour.
  g.messages_last_day = 50;
  const double trials = 10.0 * 400;
  const double expected = 1.0 - std::exp(-48.0 / 24 * 2 * (2.0 * 5 / 5.5));
  const double got = run_posting(w, 0, 400).total / trials;
  CHECK(std::abs(got - expected) < 5 * binomial_se(expected, trials));
}

TEST_CASE("only active members post: muted, departed and moved members never do",
          "[mechanism][posting]") {
  World w = make_world(2, people_like(5, axis(2, 0), 200.0f));
  plain_posting(w.rules);
  add_group(w, axis(2, 0),
            {{0, 0, 1.0f, MemberState::active},
             {1, 0, 1.0f, MemberState::muted},
             {2, 0, 1.0f, MemberState::left},
             {3, 0, 1.0f, MemberState::removed},
             {4, 0, 1.0f, MemberState::moved}});
  const Counts c = run_posting(w, 0, 100);
  CHECK(c.by_slot[0] > 90);  // λ = 200/24·2 per hour
  CHECK(c.by_slot[1] == 0);
  CHECK(c.by_slot[2] == 0);
  CHECK(c.by_slot[3] == 0);
  CHECK(c.by_slot[4] == 0);

  w.groups[0].alive = false;
  CHECK(run_posting(w, 100, 50).total == 0);
}

TEST_CASE("ad accounts post ads at spam_per_day regardless of satisfaction and strictness",
          "[mechanism][posting]") {
  std::vector<PersonSpec> people = people_like(30, axis(3, 0), 50.0f);
  for (auto& p : people) p.spammer = true;
  people.push_back({axis(3, 0), 50.0f});  // one ordinary member, chilled silent below
  World w = make_world(3, people);
  plain_posting(w.rules);
  w.rules.set(param::members::spam_per_day, 6);  // λ = 0.25 an hour
  w.rules.set(param::members::chill, 1.0);
  w.rules.set(param::groups::strictness, 1.0);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < 30; ++p) members.push_back({p, ad_account, 0.0f});
  members.push_back({30, 0, 1.0f});
  add_group(w, axis(3, 0), members);
  GroupState& g = w.groups[0];
  std::uint64_t ads = 0, other = 0;
  for (Tick t = 0; t < 400; ++t) {
    g.inbox.clear();
    post_messages(w, 0, t);
    for (std::size_t j = 0; j < g.inbox.size(); ++j) {
      const Message& m = g.inbox[j];
      if (m.poster_slot == 30) {
        ++other;
        continue;
      }
      CHECK(m.kind == MessageKind::ad);
      REQUIRE(g.topics.col(static_cast<Eigen::Index>(j)).norm() == Approx(1.0f).margin(1e-5));
      ++ads;
    }
  }
  CHECK(other == 0);
  const double trials = 30.0 * 400, expected = 1.0 - std::exp(-0.25);
  CHECK(std::abs(ads / trials - expected) < 5 * binomial_se(expected, trials));
}

TEST_CASE("a post records last_post, the post count, quality = value and novelty by tenure",
          "[mechanism][posting]") {
  std::vector<PersonSpec> people = {{axis(2, 0), 500.0f, 2.5f}, {axis(2, 0), 500.0f, 0.7f}};
  World w = make_world(2, people);
  plain_posting(w.rules);
  MemberSpec old_hand{0, 0, 1.0f};
  MemberSpec newcomer{1, 0, 1.0f};
  newcomer.joined = at(60, 0);
  add_group(w, axis(2, 0), {old_hand, newcomer});
  GroupState& g = w.groups[0];
  const Tick t = at(120, 5);
  post_messages(w, 0, t);
  REQUIRE(g.inbox.size() == 2);  // λ ≈ 42: both post
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(g.members.last_post[i] == t);
    CHECK(g.members.posts[i] == 1);
  }
  const double tenure0 = (t - 0) / 24.0, tenure1 = (t - at(60, 0)) / 24.0;
  for (const Message& m : g.inbox) {
    CHECK_FALSE(m.removed);
    const std::size_t i = m.poster_slot;
    CHECK(m.quality == Approx(i == 0 ? 2.5f : 0.7f));
    CHECK(m.novelty == Approx(novelty(w.rules, i == 0 ? tenure0 : tenure1)));
  }
  post_messages(w, 0, t + 1);
  CHECK(g.members.posts[0] == 2);
  CHECK(g.members.last_post[0] == t + 1);
}

TEST_CASE("message topics are unit vectors between interest and conversation",
          "[mechanism][posting]") {
  World w = posting_world(8, 500.0f, 1.0f, 3);
  w.rules.set(param::members::chat_share, 0.5);
  GroupState& g = w.groups[0];
  g.conversation = 2.0f * axis(3, 1);  // not normalised: the pull uses its direction

  SECTION("with noise every topic is a unit vector") {
    w.rules.set(param::members::topic_noise, 0.8);
    for (Tick t = 0; t < 50; ++t) {
      g.inbox.clear();
      post_messages(w, 0, t);
      for (std::size_t j = 0; j < g.inbox.size(); ++j)
        REQUIRE(g.topics.col(static_cast<Eigen::Index>(j)).norm() == Approx(1.0f).margin(1e-5));
    }
  }
  SECTION("without noise the topic is the normalised blend (1-pull)·interest + pull·conversation") {
    w.rules.set(param::members::topic_noise, 0);
    for (double pull : {0.0, 0.5, 1.0}) {
      w.rules.set(param::members::topic_pull, pull);
      g.inbox.clear();
      post_messages(w, 0, 7);
      REQUIRE(g.inbox.size() == 8);
      Eigen::VectorXf expected = (1 - pull) * axis(3, 0) + pull * axis(3, 1);
      expected.normalize();
      for (std::size_t j = 0; j < g.inbox.size(); ++j)
        CHECK((g.topics.col(static_cast<Eigen::Index>(j)) - expected).norm() < 1e-5f);
    }
  }
}

TEST_CASE("chat_share sets the share of chat among members' posts", "[mechanism][posting]") {
  World w = posting_world(20, 500.0f, 1.0f);
  GroupState& g = w.groups[0];
  for (double share : {0.0, 1.0, 0.3}) {
    w.rules.set(param::members::chat_share, share);
    std::uint64_t chat = 0, all = 0;
    for (Tick t = 0; t < 200; ++t) {
      g.inbox.clear();
      post_messages(w, 0, t);
      for (const Message& m : g.inbox) {
        REQUIRE(m.kind != MessageKind::ad);
        chat += m.kind == MessageKind::chat;
        ++all;
      }
    }
    REQUIRE(all > 3500);
    INFO("chat_share " << share);
    CHECK(std::abs(double(chat) / all - share) < 5 * binomial_se(share, double(all)) + 1e-12);
  }
}

TEST_CASE("with owner_drift = 1 the owner's posts are content in the promotion direction",
          "[mechanism][posting]") {
  World w = make_world(3, people_like(3, axis(3, 0), 500.0f));
  plain_posting(w.rules);
  w.rules.set(param::members::topic_noise, 0);
  w.rules.set(param::members::topic_pull, 0);
  w.rules.set(param::members::chat_share, 0.5);
  add_group(w, axis(3, 0), {{0, owner | moderator, 1.0f}, {1, moderator, 1.0f}, {2, 0, 1.0f}});
  GroupState& g = w.groups[0];
  g.promotion = unit({0.0f, 0.6f, 0.8f});

  for (double drift : {1.0, 0.0}) {
    w.rules.set(param::groups::owner_drift, drift);
    std::uint64_t owner_posts = 0;
    for (Tick t = 0; t < 40; ++t) {
      g.inbox.clear();
      post_messages(w, 0, t);
      for (std::size_t j = 0; j < g.inbox.size(); ++j) {
        const auto topic = g.topics.col(static_cast<Eigen::Index>(j));
        const bool by_owner = g.inbox[j].poster_slot == 0;
        owner_posts += by_owner;
        if (by_owner && drift == 1.0) {
          CHECK(g.inbox[j].kind == MessageKind::content);
          CHECK((topic - g.promotion).norm() < 1e-5f);
        } else {
          CHECK((topic - axis(3, 0)).norm() < 1e-5f);  // interest, no pull, no noise
        }
      }
    }
    CHECK(owner_posts > 35);
  }
}

TEST_CASE("posts are appended after a programme post already in the inbox",
          "[mechanism][posting]") {
  World w = posting_world(3, 500.0f, 1.0f, 2);
  GroupState& g = w.groups[0];
  push_message(g, never, MessageKind::programme, unit({0.6f, 0.8f}), 2.0f);
  post_messages(w, 0, 3);
  REQUIRE(g.inbox.size() == 4);
  CHECK(g.inbox[0].kind == MessageKind::programme);
  CHECK(g.inbox[0].poster_slot == never);
  CHECK((g.topics.col(0) - unit({0.6f, 0.8f})).norm() < 1e-6f);
  for (std::size_t j = 1; j < 4; ++j) CHECK(g.inbox[j].poster_slot == j - 1);
}
