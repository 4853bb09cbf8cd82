// Posting (models/community/mechanisms/posting.hpp): each active member posts in an hour with
// probability 1 - exp(-λ), λ = activity/24 · diurnal · liveliness · 2·satisfaction ·
// (1 - wariness_silence·wariness); ad accounts at spam_per_day; a new post is a promotion by
// the owner, idle chat with probability chat_share + (1 - chat_share)·chat_contagion·(chat
// share of the last 24 hours) on a random topic, or content (a question with probability
// question_share·2/(1 + value)) between interest and conversation; quality = value, novelty
// by tenure. Then the posts decided in the previous hour: replies (topic between the
// replier's interest and the target's, reply_pull; a reply to chat is chat with probability
// chat_contagion, to a complaint a dispute with probability dispute_contagion; at least as
// new as the target) and complaints (disputes on a random topic).
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "models/community/mechanisms/ads_policy.hpp"
#include "models/community/mechanisms/posting.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

// Parameters that make λ = activity/24 · 2·satisfaction exactly (no liveliness, no wariness)
// and the kind of a post depend on chat_share alone.
void plain_posting(sim::ParamValues& p) {
  p.set(param::members::liveliness_strength, 0);
  p.set(param::members::liveliness_half, 0.3);
  p.set(param::members::wariness_silence, 0.5);
  p.set(param::groups::strictness, 0);
  p.set(param::members::chat_share, 0.4);
  p.set(param::members::chat_contagion, 0);
  p.set(param::members::question_share, 0.3);
  p.set(param::members::topic_pull, 0.4);
  p.set(param::members::topic_noise, 0.3);
  p.set(param::members::reply_pull, 0.7);
  p.set(param::members::dispute_contagion, 0.7);
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

// A post decided in the previous hour (a reply to `reply_to`, or a complaint when it is
// `never`), with its target's topic.
void add_pending(World& w, GroupState& g, PersonId person, MessageKind kind, std::uint32_t reply_to,
                 float novelty, const Eigen::VectorXf& topic) {
  g.pending.push_back({person, kind, reply_to, false, novelty});
  const auto k = static_cast<Eigen::Index>(g.pending.size() - 1);
  if (g.pending_topics.cols() <= k)
    g.pending_topics.conservativeResize(w.people.topics, 2 * (k + 1));
  g.pending_topics.col(k) = topic;
}

Eigen::VectorXf blend(const Eigen::VectorXf& a, const Eigen::VectorXf& b, double pull) {
  Eigen::VectorXf x = static_cast<float>(1 - pull) * a + static_cast<float>(pull) * b;
  return x / x.norm();
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

TEST_CASE("question_probability is question_share·2/(1 + value), at most 1",
          "[mechanism][posting]") {
  sim::ParamValues r;
  r.set(param::members::question_share, 0.3);
  CHECK(question_probability(r, 1.0) == Approx(0.3));
  CHECK(question_probability(r, 0.5) == Approx(0.3 * 2 / 1.5));
  CHECK(question_probability(r, 3.0) == Approx(0.15));
  CHECK(question_probability(r, 0.0) == Approx(0.6));
  r.set(param::members::question_share, 0.8);
  CHECK(question_probability(r, 0.0) == 1.0);
  r.set(param::members::question_share, 0);
  CHECK(question_probability(r, 0.2) == 0.0);
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

TEST_CASE(
    "wariness holds posting back by 1 - wariness_silence·wariness, strictness itself does not",
    "[mechanism][posting]") {
  const double trials = 20.0 * 600;
  World free = posting_world(20, 12.0f, 0.5f);
  World wary = posting_world(20, 12.0f, 0.5f);
  wary.rules.set(param::members::wariness_silence, 0.5);
  for (auto& x : wary.groups[0].members.wariness) x = 0.6f;  // factor 1 - 0.5·0.6 = 0.7
  // Strict rules with nobody wary: no chill (the flat chill is gone).
  World strict = posting_world(20, 12.0f, 0.5f);
  strict.rules.set(param::groups::strictness, 1.0);
  const double p_free = run_posting(free, 0, 600).total / trials;
  const double p_wary = run_posting(wary, 0, 600).total / trials;
  const double p_strict = run_posting(strict, 0, 600).total / trials;
  const double e_free = 1.0 - std::exp(-0.5), e_wary = 1.0 - std::exp(-0.5 * 0.7);
  CHECK(std::abs(p_free - e_free) < 5 * binomial_se(e_free, trials));
  CHECK(std::abs(p_wary - e_wary) < 5 * binomial_se(e_wary, trials));
  CHECK(std::abs(p_strict - e_free) < 5 * binomial_se(e_free, trials));
  // Implied λ ratio is the silence factor.
  CHECK(std::log(1 - p_wary) / std::log(1 - p_free) == Approx(0.7).margin(0.05));

  SECTION("wariness is per member") {
    World w = posting_world(2, 48.0f, 1.0f);
    w.rules.set(param::members::wariness_silence, 1.0);
    w.groups[0].members.wariness[1] = 1.0f;  // fully wary: silent
    const Counts c = run_posting(w, 0, 100);
    CHECK(c.by_slot[0] > 90);
    CHECK(c.by_slot[1] == 0);
    w.rules.set(param::members::wariness_silence, 0.0);  // wariness that silences nobody
    CHECK(run_posting(w, 100, 100).by_slot[1] > 90);
  }
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

TEST_CASE("ad accounts post ads at spam_per_day regardless of satisfaction and wariness",
          "[mechanism][posting]") {
  std::vector<PersonSpec> people = people_like(30, axis(3, 0), 50.0f);
  for (auto& p : people) p.spammer = true;
  people.push_back({axis(3, 0), 50.0f});  // one ordinary member, silenced by wariness below
  World w = make_world(3, people);
  plain_posting(w.rules);
  w.rules.set(param::members::spam_per_day, 6);  // λ = 0.25 an hour
  w.rules.set(param::members::wariness_silence, 1.0);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < 30; ++p) members.push_back({p, ad_account, 0.0f});
  members.push_back({30, 0, 1.0f});
  add_group(w, axis(3, 0), members);
  GroupState& g = w.groups[0];
  for (auto& x : g.members.wariness) x = 1.0f;
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
      CHECK_FALSE(m.question);
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
  g.next_message_id = 41;
  post_messages(w, 0, t);
  REQUIRE(g.inbox.size() == 2);  // λ ≈ 42: both post
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(g.members.last_post[i] == t);
    CHECK(g.members.posts[i] == 1);
  }
  const double tenure0 = (t - 0) / 24.0, tenure1 = (t - at(60, 0)) / 24.0;
  for (const Message& m : g.inbox) {
    CHECK_FALSE(m.removed);
    CHECK(m.reply_to == never);  // a new post answers nothing
    const std::size_t i = m.poster_slot;
    CHECK(m.quality == Approx(i == 0 ? 2.5f : 0.7f));
    CHECK(m.novelty == Approx(novelty(w.rules, i == 0 ? tenure0 : tenure1)));
  }
  // Messages are numbered in the group's running order.
  CHECK(g.inbox[0].id == 41);
  CHECK(g.inbox[1].id == 42);
  CHECK(g.next_message_id == 43);
  post_messages(w, 0, t + 1);
  CHECK(g.members.posts[0] == 2);
  CHECK(g.members.last_post[0] == t + 1);
}

TEST_CASE("content topics are unit vectors between interest and conversation",
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
      std::size_t content = 0;
      for (Tick t = 0; t < 5; ++t) {
        g.inbox.clear();
        post_messages(w, 0, 7 + t);
        REQUIRE(g.inbox.size() == 8);
        const Eigen::VectorXf expected = blend(axis(3, 0), axis(3, 1), pull);
        for (std::size_t j = 0; j < g.inbox.size(); ++j) {
          if (g.inbox[j].kind != MessageKind::content) continue;
          ++content;
          CHECK((g.topics.col(static_cast<Eigen::Index>(j)) - expected).norm() < 1e-5f);
        }
      }
      CHECK(content > 5);
    }
  }
}

TEST_CASE("idle chat is about nothing in particular: a random unit topic", "[mechanism][posting]") {
  // Interest and conversation both on the first axis, no noise: content posts lie exactly
  // on it; chat topics are uniform on the sphere (mean 0, each coordinate of variance 1/K).
  const int K = 3;
  World w = posting_world(20, 500.0f, 1.0f, K);
  w.rules.set(param::members::chat_share, 0.5);
  w.rules.set(param::members::topic_noise, 0);
  GroupState& g = w.groups[0];
  g.conversation = axis(K, 0);
  double sum_on_focus = 0, sum_sq = 0;
  std::uint64_t chat = 0;
  for (Tick t = 0; t < 200; ++t) {
    g.inbox.clear();
    post_messages(w, 0, t);
    for (std::size_t j = 0; j < g.inbox.size(); ++j) {
      const auto topic = g.topics.col(static_cast<Eigen::Index>(j));
      REQUIRE(topic.norm() == Approx(1.0f).margin(1e-5));
      if (g.inbox[j].kind == MessageKind::content) {
        REQUIRE((topic - axis(K, 0)).norm() < 1e-5f);
        continue;
      }
      REQUIRE(g.inbox[j].kind == MessageKind::chat);
      CHECK_FALSE(g.inbox[j].question);  // chat asks nothing
      ++chat;
      sum_on_focus += topic[0];
      sum_sq += topic[0] * topic[0];
    }
  }
  REQUIRE(chat > 1000);
  const double n = double(chat);
  CHECK(std::abs(sum_on_focus / n) < 5 * std::sqrt(1.0 / K / n));
  CHECK(sum_sq / n == Approx(1.0 / K).margin(0.05));
}

TEST_CASE("chat_share sets the share of chat among members' posts in a group without chat",
          "[mechanism][posting]") {
  World w = posting_world(20, 500.0f, 1.0f);
  w.rules.set(param::members::chat_contagion, 0.8);  // no recent chat: nothing to catch
  GroupState& g = w.groups[0];
  g.messages_last_day = 100;
  g.chat_last_day = 0;
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

TEST_CASE("idle chat begets chat: chat_share + (1 - chat_share)·chat_contagion·recent chat share",
          "[mechanism][posting]") {
  struct Case {
    double share, contagion;
    std::uint32_t messages, chat;
  };
  for (const Case& c : {Case{0.2, 0.5, 100, 60}, Case{0.1, 1.0, 40, 40}, Case{0.3, 0.8, 50, 10},
                        Case{0.2, 0.0, 100, 90}, Case{0.2, 0.9, 0, 0}}) {
    World w = posting_world(20, 500.0f, 1.0f);
    w.rules.set(param::members::chat_share, c.share);
    w.rules.set(param::members::chat_contagion, c.contagion);
    GroupState& g = w.groups[0];
    g.messages_last_day = c.messages;
    g.chat_last_day = c.chat;
    const double seen = c.messages ? double(c.chat) / c.messages : 0.0;
    const double expected = c.share + (1 - c.share) * c.contagion * seen;
    std::uint64_t chat = 0, all = 0;
    for (Tick t = 0; t < 150; ++t) {
      g.inbox.clear();
      post_messages(w, 0, at(3, 0) + t);
      for (const Message& m : g.inbox) {
        chat += m.kind == MessageKind::chat;
        ++all;
      }
    }
    REQUIRE(all > 2500);
    INFO("share " << c.share << " contagion " << c.contagion << " seen " << seen << ": chat "
                  << double(chat) / all << " expected " << expected);
    CHECK(std::abs(double(chat) / all - expected) < 5 * binomial_se(expected, double(all)) + 1e-12);
  }
}

TEST_CASE("content posts are questions with probability question_share·2/(1 + value)",
          "[mechanism][posting]") {
  // Novices (value 0.5) ask more than experts (value 3) (C14); chat never asks.
  std::vector<PersonSpec> people;
  for (int i = 0; i < 20; ++i) people.push_back({axis(2, 0), 500.0f, i < 10 ? 0.5f : 3.0f});
  World w = make_world(2, people);
  plain_posting(w.rules);
  w.rules.set(param::members::chat_share, 0.3);
  w.rules.set(param::members::question_share, 0.3);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < 20; ++p) members.push_back({p, 0, 1.0f});
  add_group(w, axis(2, 0), members);
  GroupState& g = w.groups[0];
  std::uint64_t content[2] = {}, questions[2] = {};
  for (Tick t = 0; t < 300; ++t) {
    g.inbox.clear();
    post_messages(w, 0, t);
    for (const Message& m : g.inbox) {
      if (m.kind == MessageKind::chat) {
        REQUIRE_FALSE(m.question);
        continue;
      }
      const int expert = m.poster_slot >= 10;
      ++content[expert];
      questions[expert] += m.question;
    }
  }
  for (int expert : {0, 1}) {
    const double expected = question_probability(w.rules, expert ? 3.0 : 0.5);
    INFO((expert ? "experts" : "novices")
         << ": " << questions[expert] << " of " << content[expert] << ", expected " << expected);
    REQUIRE(content[expert] > 1500);
    CHECK(std::abs(double(questions[expert]) / content[expert] - expected) <
          5 * binomial_se(expected, double(content[expert])));
  }
}

TEST_CASE("with owner_drift = 1 the owner's posts are content in the promotion direction",
          "[mechanism][posting]") {
  World w = make_world(3, people_like(3, axis(3, 0), 500.0f));
  plain_posting(w.rules);
  w.rules.set(param::members::topic_noise, 0);
  w.rules.set(param::members::topic_pull, 0);
  w.rules.set(param::members::chat_share, 0.5);
  w.rules.set(param::members::question_share, 0.5);
  add_group(w, axis(3, 0), {{0, owner | moderator, 1.0f}, {1, moderator, 1.0f}, {2, 0, 1.0f}});
  GroupState& g = w.groups[0];
  g.promotion = unit({0.0f, 0.6f, 0.8f});

  for (double drift : {1.0, 0.0}) {
    w.rules.set(param::groups::owner_drift, drift);
    std::uint64_t owner_posts = 0, owner_chat = 0;
    for (Tick t = 0; t < 40; ++t) {
      g.inbox.clear();
      post_messages(w, 0, t);
      for (std::size_t j = 0; j < g.inbox.size(); ++j) {
        const auto topic = g.topics.col(static_cast<Eigen::Index>(j));
        const bool by_owner = g.inbox[j].poster_slot == 0;
        owner_posts += by_owner;
        if (by_owner && drift == 1.0) {
          CHECK(g.inbox[j].kind == MessageKind::content);
          CHECK_FALSE(g.inbox[j].question);  // a promotion asks nothing
          CHECK((topic - g.promotion).norm() < 1e-5f);
        } else if (g.inbox[j].kind == MessageKind::content) {
          CHECK((topic - axis(3, 0)).norm() < 1e-5f);  // interest, no pull, no noise
        } else {
          owner_chat += by_owner;
        }
      }
    }
    CHECK(owner_posts > 35);
    if (drift == 0.0) CHECK(owner_chat > 5);  // without drift the owner chats like anyone
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

TEST_CASE("a pending reply is posted in the next hour: the target's topic pulled by reply_pull",
          "[mechanism][posting]") {
  // Satisfaction 0: nobody starts a post; only the pending replies are made.
  std::vector<PersonSpec> people = {{axis(3, 0), 1.0f, 2.0f}, {axis(3, 1), 1.0f, 0.5f}};
  World w = make_world(3, people);
  plain_posting(w.rules);
  w.rules.set(param::members::topic_noise, 0);
  add_group(w, axis(3, 0), {{0, 0, 0.0f}, {1, 0, 0.0f}});
  GroupState& g = w.groups[0];
  g.next_message_id = 100;
  const Eigen::VectorXf target = axis(3, 2);
  for (double pull : {0.7, 0.0, 1.0}) {
    w.rules.set(param::members::reply_pull, pull);
    g.inbox.clear();
    add_pending(w, g, 1, MessageKind::content, 17, 0.0f, target);
    add_pending(w, g, 0, MessageKind::programme, 23, 0.0f, target);
    post_messages(w, 0, at(2, 5));
    REQUIRE(g.inbox.size() == 2);
    CHECK(g.pending.empty());
    for (std::size_t j = 0; j < 2; ++j) {
      const Message& m = g.inbox[j];
      INFO("reply_pull " << pull << ", reply " << j);
      CHECK(m.kind == MessageKind::content);  // a reply to content or a prompt is content
      CHECK_FALSE(m.question);
      CHECK(m.reply_to == (j == 0 ? 17u : 23u));
      const PersonId p = j == 0 ? 1 : 0;
      CHECK(m.poster_slot == p);
      CHECK(m.quality == Approx(w.people.value[p]));
      CHECK(g.members.last_post[p] == at(2, 5));
      const Eigen::VectorXf expected = blend(w.people.interest.col(p), target, pull);
      CHECK((g.topics.col(static_cast<Eigen::Index>(j)) - expected).norm() < 1e-5f);
    }
  }
  CHECK(g.members.posts[0] == 3);
  CHECK(g.members.posts[1] == 3);
  CHECK(g.next_message_id == 106);
  CHECK(g.today.complaints == 0);
}

TEST_CASE("a reply is as new as the newer of its poster's voice and its target",
          "[mechanism][posting]") {
  World w = make_world(2, people_like(2, axis(2, 0), 1.0f));
  plain_posting(w.rules);
  MemberSpec old_hand{0, 0, 0.0f};
  MemberSpec newcomer{1, 0, 0.0f};
  newcomer.joined = at(299, 0);
  add_group(w, axis(2, 0), {old_hand, newcomer});
  GroupState& g = w.groups[0];
  const Tick t = at(300, 0);
  const double old_voice = novelty(w.rules, 300.0), new_voice = novelty(w.rules, 1.0);
  REQUIRE(old_voice < 0.26);
  add_pending(w, g, 0, MessageKind::programme, 1, 1.0f, axis(2, 0));  // a fresh prompt
  add_pending(w, g, 0, MessageKind::content, 2, 0.5f, axis(2, 0));
  add_pending(w, g, 0, MessageKind::content, 3, 0.1f, axis(2, 0));  // staler than the voice
  add_pending(w, g, 1, MessageKind::content, 4, 0.3f, axis(2, 0));  // a new voice
  post_messages(w, 0, t);
  REQUIRE(g.inbox.size() == 4);
  CHECK(g.inbox[0].novelty == Approx(1.0));
  CHECK(g.inbox[1].novelty == Approx(0.5));
  CHECK(g.inbox[2].novelty == Approx(old_voice));
  CHECK(g.inbox[3].novelty == Approx(new_voice));
}

TEST_CASE("a reply to chat is chat with probability chat_contagion, on a random topic",
          "[mechanism][posting]") {
  const std::size_t n = 40;
  for (double contagion : {0.8, 0.3}) {
    World w = posting_world(n, 1.0f, 0.0f, 3);
    w.rules.set(param::members::chat_contagion, contagion);
    w.rules.set(param::members::topic_noise, 0);
    GroupState& g = w.groups[0];
    std::uint64_t chat = 0, all = 0;
    double chat_on_axis = 0;
    const Eigen::VectorXf target = axis(3, 1);
    for (Tick t = 0; t < 100; ++t) {
      g.inbox.clear();
      for (PersonId p = 0; p < n; ++p) add_pending(w, g, p, MessageKind::chat, 5, 0.0f, target);
      post_messages(w, 0, t);
      REQUIRE(g.inbox.size() == n);
      for (std::size_t j = 0; j < n; ++j) {
        const auto topic = g.topics.col(static_cast<Eigen::Index>(j));
        ++all;
        REQUIRE(g.inbox[j].reply_to == 5);
        if (g.inbox[j].kind == MessageKind::chat) {
          ++chat;
          chat_on_axis += topic.dot(target);
        } else {
          REQUIRE(g.inbox[j].kind == MessageKind::content);  // else the conversation goes on
          REQUIRE((topic - blend(axis(3, 0), target, 0.7)).norm() < 1e-5f);
        }
      }
    }
    INFO("chat_contagion " << contagion);
    CHECK(std::abs(double(chat) / all - contagion) < 5 * binomial_se(contagion, double(all)));
    CHECK(std::abs(chat_on_axis / chat) < 5 * std::sqrt(1.0 / 3 / chat));
  }
}

TEST_CASE("a reply to a complaint takes sides with probability dispute_contagion, else is chat",
          "[mechanism][posting]") {
  const std::size_t n = 40;
  for (double contagion : {0.7, 0.2}) {
    World w = posting_world(n, 1.0f, 0.0f, 3);
    w.rules.set(param::members::dispute_contagion, contagion);
    w.rules.set(param::members::chat_contagion, 1.0);
    GroupState& g = w.groups[0];
    std::uint64_t disputes = 0, all = 0;
    for (Tick t = 0; t < 100; ++t) {
      g.inbox.clear();
      for (PersonId p = 0; p < n; ++p)
        add_pending(w, g, p, MessageKind::dispute, 9, 0.0f, axis(3, 1));
      post_messages(w, 0, t);
      REQUIRE(g.inbox.size() == n);
      for (const Message& m : g.inbox) {
        REQUIRE((m.kind == MessageKind::dispute || m.kind == MessageKind::chat));
        REQUIRE(m.reply_to == 9);
        disputes += m.kind == MessageKind::dispute;
        ++all;
      }
    }
    INFO("dispute_contagion " << contagion);
    CHECK(std::abs(double(disputes) / all - contagion) < 5 * binomial_se(contagion, double(all)));
    CHECK(g.today.complaints == 0);  // replies taking sides are not complaints
  }
}

TEST_CASE("a complaint about a removal is a dispute on a random topic, counted",
          "[mechanism][posting]") {
  const int K = 3;
  const std::size_t n = 30;
  World w = posting_world(n, 1.0f, 0.0f, K);
  w.rules.set(param::members::topic_noise, 0);
  GroupState& g = w.groups[0];
  double on_focus = 0;
  std::uint64_t all = 0;
  for (Tick t = 0; t < 60; ++t) {
    g.inbox.clear();
    for (PersonId p = 0; p < n; ++p) {
      add_pending(w, g, p, MessageKind::dispute, never, 0.0f, axis(K, 0));
    }
    post_messages(w, 0, t);
    REQUIRE(g.inbox.size() == n);
    for (std::size_t j = 0; j < n; ++j) {
      const Message& m = g.inbox[j];
      REQUIRE(m.kind == MessageKind::dispute);
      REQUIRE(m.reply_to == never);
      const auto topic = g.topics.col(static_cast<Eigen::Index>(j));
      REQUIRE(topic.norm() == Approx(1.0f).margin(1e-5));
      on_focus += topic.dot(g.focus);
      ++all;
    }
  }
  CHECK(g.today.complaints == all);
  // About the removal, not the group's purpose: uncorrelated with the focus.
  CHECK(std::abs(on_focus / all) < 5 * std::sqrt(1.0 / K / all));
}

TEST_CASE("pending replies of members who are gone or muted are dropped, a dead group drops all",
          "[mechanism][posting]") {
  World w = make_world(2, people_like(5, axis(2, 0), 1.0f));
  plain_posting(w.rules);
  add_group(w, axis(2, 0),
            {{0, 0, 0.0f, MemberState::active},
             {1, 0, 0.0f, MemberState::muted},
             {2, 0, 0.0f, MemberState::left},
             {3, 0, 0.0f, MemberState::removed}});
  GroupState& g = w.groups[0];
  for (PersonId p : {0u, 1u, 2u, 3u, 4u})  // 4 is no member at all
    add_pending(w, g, p, MessageKind::content, 3, 0.0f, axis(2, 0));
  post_messages(w, 0, 5);
  REQUIRE(g.inbox.size() == 1);
  CHECK(g.inbox[0].poster_slot == 0);
  CHECK(g.pending.empty());
  CHECK(g.members.posts == std::vector<std::uint32_t>{1, 0, 0, 0});

  // A complaint from someone who left in protest, or was removed, is never made.
  g.inbox.clear();
  add_pending(w, g, 2, MessageKind::dispute, never, 0.0f, axis(2, 0));
  add_pending(w, g, 3, MessageKind::dispute, never, 0.0f, axis(2, 0));
  post_messages(w, 0, 6);
  CHECK(g.inbox.empty());
  CHECK(g.today.complaints == 0);

  g.alive = false;
  add_pending(w, g, 0, MessageKind::content, 3, 0.0f, axis(2, 0));
  post_messages(w, 0, 7);
  CHECK(g.inbox.empty());
  CHECK(g.pending.empty());
}

TEST_CASE("a queued self-introduction is posted in the next hour on the newcomer's interest",
          "[mechanism][posting]") {
  World w = posting_world(3, 0.0f, 1.0f, 3);  // nobody posts on their own
  w.people.interest.col(2) = axis(3, 2);
  GroupState& g = w.groups[0];
  PendingPost intro{2, MessageKind::content, never, false, 1.0f};
  intro.introduction = true;
  g.pending.push_back(intro);
  post_messages(w, 0, at(1, 5));
  REQUIRE(g.inbox.size() == 1);
  const Message& m = g.inbox[0];
  CHECK(m.introduction);
  CHECK(m.kind == MessageKind::content);
  CHECK(m.reply_to == never);
  CHECK_FALSE(m.question);
  CHECK(m.poster_slot == 2);
  CHECK(g.topics.col(0).dot(axis(3, 2)) > 0.7f);  // their interest, blurred by topic_noise
  CHECK(g.members.posts[2] == 1);                 // they have spoken
  CHECK(g.pending.empty());
}

TEST_CASE("ad accounts keep to the ads policy: a price by audience, a window on its weekday",
          "[mechanism][posting]") {
  // 30 ad accounts at λ = 0.25 an hour, and `listeners` ordinary members who never post.
  auto ads_posted = [](AdsPolicy policy, std::size_t listeners, sim::Day day) {
    std::vector<PersonSpec> people = people_like(30 + listeners, axis(2, 0), 0.0f);
    for (std::size_t i = 0; i < 30; ++i) people[i].spammer = true;
    World w = make_world(2, people);
    plain_posting(w.rules);
    w.rules.set(param::members::spam_per_day, 6);
    w.rules.set(param::groups::ads, policy);
    w.rules.set(param::groups::ad_price, 20.0);
    std::vector<MemberSpec> members;
    for (PersonId p = 0; p < 30 + listeners; ++p)
      members.push_back({p, p < 30 ? std::uint8_t(ad_account) : std::uint8_t(0), 1.0f});
    add_group(w, axis(2, 0), members);
    std::uint64_t ads = 0;
    for (int h = 0; h < 24; ++h) {
      w.groups[0].inbox.clear();
      post_messages(w, 0, at(day, h));
      ads += w.groups[0].inbox.size();
    }
    return ads / (30.0 * 24);
  };
  const double full = 1 - std::exp(-0.25);
  const double trials = 30.0 * 24;
  CHECK(std::abs(ads_posted(AdsPolicy::tolerated, 0, 3) - full) < 5 * binomial_se(full, trials));
  CHECK(ads_posted(AdsPolicy::paid, 0, 3) == 0);  // nobody listens: not worth a price
  const double paid = 1 - std::exp(-0.25 * 20.0 / (20.0 + 20.0));  // audience 20, price 20
  CHECK(std::abs(ads_posted(AdsPolicy::paid, 20, 3) - paid) < 5 * binomial_se(paid, trials));
  CHECK(ads_posted(AdsPolicy::window, 0, 3) == 0);
  CHECK(std::abs(ads_posted(AdsPolicy::window, 0, ad_window_weekday + 7) - full) <
        5 * binomial_se(full, trials));
}
