// Moderation (models/community/mechanisms/moderation.hpp): moderators × capacity reviews an
// hour, programme posts included; ads recognised with probability
// ad_detection·min(1, strictness/enforcement_full) and removed with their account; off-topic
// posts removed with probability strictness, legitimate ones with false_removal·strictness²;
// each removed post but chat is a violation, and a member (not the owner) is removed at
// violations_allowed = max(1, ceil(violations_to_remove·(1 - strictness))) violations.
// Removals as experienced, with u = max(0, cos(post, focus)): the poster pays
// removal_cost·u and grows wary by wariness_gain·u·(1 - wariness), each present friend
// friend_removal_cost·u and friend_wariness·u·(1 - wariness); friends of a member removed from
// the group pay friend_removal_cost and friend_wariness in full; the poster complains in the
// next hour with probability dispute_rate·u, or leaves in protest with probability
// protest_exit·u·(1 - satisfaction).
#include <catch2/catch.hpp>
#include <cmath>

#include "models/community/mechanisms/moderation.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

const Eigen::VectorXf on_focus = unit({1.0f, 0.0f});
const Eigen::VectorXf off_focus = unit({0.0f, 1.0f});  // cosine 0 with the focus

void moderation_rules(sim::ParamValues& p, double strictness) {
  p.set(param::groups::strictness, strictness);
  p.set(param::groups::ads, AdsPolicy::banned);
  p.set(param::moderation::capacity, 100);
  p.set(param::moderation::online, 1.0);
  p.set(param::moderation::ad_detection, 1.0);
  p.set(param::moderation::enforcement_full, 0.2);
  p.set(param::moderation::offtopic_below, 0.2);
  p.set(param::moderation::false_removal, 0.0);
  p.set(param::moderation::violations_to_remove, 1000);
  p.set(param::groups::offtopic_rule, true);
  p.set(param::moderation::dispute_rate, 0);
  p.set(param::members::protest_exit, 0);
  p.set(param::satisfaction::removal_cost, 2.0);
  p.set(param::satisfaction::friend_removal_cost, 1.0);
  p.set(param::members::wariness_gain, 0.3);
  p.set(param::members::friend_wariness, 0.1);
}

// A group of `n` ordinary members (person i in slot i), focus on the first axis.
World moderation_world(std::size_t n, double strictness, int moderators = 1) {
  World w = make_world(2, people_like(n, on_focus));
  moderation_rules(w.rules, strictness);
  std::vector<MemberSpec> members;
  for (PersonId p = 0; p < n; ++p) members.push_back({p});
  add_group(w, on_focus, members, moderators);
  return w;
}

// Share of `trials` single-post hours in which the post (topic given) was removed; the
// poster is reinstated with no violations every hour.
// With `hour` >= 0, trial d is moderated at that hour of day d (else at tick d).
double removal_share(World& w, const Eigen::VectorXf& topic, int trials, int hour = -1) {
  GroupState& g = w.groups[0];
  int removed = 0;
  for (int t = 0; t < trials; ++t) {
    g.inbox.clear();
    push_message(g, 0, MessageKind::content, topic);
    g.members.violations[0] = 0;
    g.members.state[0] = MemberState::active;
    moderate(w, 0, hour < 0 ? static_cast<Tick>(t) : at(static_cast<sim::Day>(t), hour));
    removed += g.inbox[0].removed;
  }
  return double(removed) / trials;
}

// Moderates hours from `t` on, a post by `slot` on `topic` each hour, until one is removed
// (the poster's violations reset each hour, so they stay a member); returns the hour.
Tick until_removed(World& w, std::uint32_t slot, const Eigen::VectorXf& topic, Tick t,
                   MessageKind kind = MessageKind::content) {
  GroupState& g = w.groups[0];
  for (;; ++t) {
    g.inbox.clear();
    g.members.violations[slot] = 0;
    push_message(g, slot, kind, topic);
    moderate(w, 0, t);
    if (g.inbox[0].removed) return t;
  }
}

}  // namespace

TEST_CASE("violations_allowed is max(1, ceil(violations_to_remove*(1 - strictness)))",
          "[mechanism][moderation]") {
  sim::ParamValues r;
  r.set(param::moderation::violations_to_remove, 5);
  CHECK(violations_allowed(r, 0.0) == 5);
  CHECK(violations_allowed(r, 0.6) == 2);  // 5·0.4 = 2 exactly (not rounded up to 3)
  CHECK(violations_allowed(r, 0.5) == 3);  // ceil(2.5)
  CHECK(violations_allowed(r, 0.9) == 1);
  CHECK(violations_allowed(r, 1.0) == 1);
  r.set(param::moderation::violations_to_remove, 1);
  CHECK(violations_allowed(r, 0.0) == 1);
}

TEST_CASE("without moderators nothing is removed", "[mechanism][moderation]") {
  std::vector<PersonSpec> people = people_like(3, on_focus);
  people.push_back({on_focus, 1.0f, 1.0f, 60.0f, true});
  World w = make_world(2, people);
  moderation_rules(w.rules, 1.0);
  w.rules.set(param::moderation::false_removal, 1.0);
  w.rules.set(param::moderation::violations_to_remove, 1);
  add_group(w, on_focus, {{0}, {1}, {2}, {3, ad_account}}, /*moderators=*/0);
  GroupState& g = w.groups[0];
  push_message(g, 0, MessageKind::content, off_focus);
  push_message(g, 1, MessageKind::chat, on_focus);
  push_message(g, 3, MessageKind::ad, off_focus);
  moderate(w, 0, 5);
  for (const Message& m : g.inbox) CHECK_FALSE(m.removed);
  for (std::size_t i = 0; i < 4; ++i) CHECK(g.members.state[i] == MemberState::active);
  CHECK(g.today.posts_removed == 0);
  CHECK(g.today.removals == 0);
}

TEST_CASE("recognised ads are removed with their accounts unless ads are allowed",
          "[mechanism][moderation]") {
  std::vector<PersonSpec> people = people_like(2, on_focus);
  people.push_back({on_focus, 1.0f, 5.0f, 60.0f, true});
  World w = make_world(2, people);
  moderation_rules(w.rules, 0.5);  // above enforcement_full: the no-ads rule fully enforced
  add_group(w, on_focus, {{0, owner | moderator}, {1}, {2, ad_account}});
  GroupState& g = w.groups[0];

  SECTION("ad_detection = 1: removed, counted as a removal but not in departure statistics") {
    push_message(g, 2, MessageKind::ad, on_focus);
    push_message(g, 1, MessageKind::content, on_focus);
    moderate(w, 0, 5);
    CHECK(g.inbox[0].removed);
    CHECK_FALSE(g.inbox[1].removed);
    CHECK(g.members.state[2] == MemberState::removed);
    CHECK(g.members.state[1] == MemberState::active);
    CHECK(g.today.posts_removed == 1);
    CHECK(g.today.removals == 1);
    CHECK(g.today.leaves == 0);
    CHECK(g.today.leaver_value == 0);
    CHECK(g.today.top_decile_departures + g.today.other_departures == 0);
  }
  SECTION("ads tolerated: left up") {
    w.rules.set(param::groups::ads, AdsPolicy::tolerated);
    push_message(g, 2, MessageKind::ad, on_focus);
    moderate(w, 0, 5);
    CHECK_FALSE(g.inbox[0].removed);
    CHECK(g.members.state[2] == MemberState::active);
    CHECK(g.today.removals == 0);
  }
  SECTION("strictness 0: nobody acts on ads") {
    w.rules.set(param::groups::strictness, 0);
    for (Tick t = 0; t < 50; ++t) {
      g.inbox.clear();
      push_message(g, 2, MessageKind::ad, on_focus);
      moderate(w, 0, t);
      REQUIRE_FALSE(g.inbox[0].removed);
    }
    CHECK(g.members.present(2));
  }
  SECTION("ad_detection = 0: never recognised") {
    w.rules.set(param::moderation::ad_detection, 0);
    for (Tick t = 0; t < 50; ++t) {
      g.inbox.clear();
      push_message(g, 2, MessageKind::ad, on_focus);
      moderate(w, 0, t);
      REQUIRE_FALSE(g.inbox[0].removed);
    }
    CHECK(g.members.present(2));
  }
}

TEST_CASE("enforcement of the no-ads rule is min(1, strictness/enforcement_full)",
          "[mechanism][moderation]") {
  sim::ParamValues r;
  r.set(param::moderation::enforcement_full, 0.2);
  CHECK(enforcement(r, 0.0) == 0.0);
  CHECK(enforcement(r, 0.05) == Approx(0.25));
  CHECK(enforcement(r, 0.2) == Approx(1.0));
  CHECK(enforcement(r, 0.9) == 1.0);
  r.set(param::moderation::enforcement_full, 0);
  CHECK(enforcement(r, 0.0) == 1.0);  // always fully enforced

  // Below enforcement_full an ad is removed with probability ad_detection · strictness/full.
  std::vector<PersonSpec> people = people_like(1, on_focus);
  people.push_back({on_focus, 1.0f, 1.0f, 60.0f, true});
  World w = make_world(2, people);
  moderation_rules(w.rules, 0.1);
  w.rules.set(param::moderation::ad_detection, 0.8);
  add_group(w, on_focus, {{0, owner | moderator}, {1, ad_account}});
  GroupState& g = w.groups[0];
  const int trials = 4000;
  int removed = 0;
  for (int t = 0; t < trials; ++t) {
    g.inbox.clear();
    g.members.state[1] = MemberState::active;
    push_message(g, 1, MessageKind::ad, on_focus);
    moderate(w, 0, static_cast<Tick>(t));
    removed += g.inbox[0].removed;
    REQUIRE(g.inbox[0].removed == (g.members.state[1] == MemberState::removed));
  }
  const double expected = 0.8 * 0.1 / 0.2;
  CHECK(std::abs(removed / double(trials) - expected) < 5 * binomial_se(expected, trials));
}

TEST_CASE("off-topic posts are removed with probability strictness", "[mechanism][moderation]") {
  const int trials = 4000;
  for (double s : {0.3, 0.7}) {
    World w = moderation_world(2, s);
    const double got = removal_share(w, off_focus, trials);
    INFO("strictness " << s << " removed share " << got);
    CHECK(std::abs(got - s) < 5 * binomial_se(s, trials));
  }
  World lax = moderation_world(2, 0.0);
  CHECK(removal_share(lax, off_focus, 500) == 0.0);
  World strict = moderation_world(2, 1.0);
  CHECK(removal_share(strict, off_focus, 500) == 1.0);
}

TEST_CASE("without an on-topic rule off-topic posts go only as legitimate ones do",
          "[mechanism][moderation]") {
  const int trials = 4000;
  World w = moderation_world(2, 0.8);
  w.rules.set(param::groups::offtopic_rule, false);
  w.rules.set(param::moderation::false_removal, 0.5);
  const double expected = 0.5 * 0.8 * 0.8;
  const double got = removal_share(w, off_focus, trials);
  CHECK(std::abs(got - expected) < 5 * binomial_se(expected, trials));
  World none = moderation_world(2, 1.0);
  none.rules.set(param::groups::offtopic_rule, false);
  CHECK(removal_share(none, off_focus, 500) == 0.0);
}

TEST_CASE("on-topic posts are removed with probability false_removal*strictness^2",
          "[mechanism][moderation]") {
  const int trials = 4000;
  World w = moderation_world(2, 0.8);
  w.rules.set(param::moderation::false_removal, 0.5);
  const double expected = 0.5 * 0.8 * 0.8;
  const double got = removal_share(w, on_focus, trials);
  CHECK(std::abs(got - expected) < 5 * binomial_se(expected, trials));

  World none = moderation_world(2, 1.0);  // false_removal = 0
  CHECK(removal_share(none, on_focus, 500) == 0.0);
}

TEST_CASE("offtopic_below is the cosine threshold for off-topic", "[mechanism][moderation]") {
  World w = moderation_world(2, 1.0);  // off-topic: always removed; on-topic: never
  w.rules.set(param::moderation::offtopic_below, 0.2);
  const Eigen::VectorXf below = unit({0.1f, std::sqrt(1 - 0.01f)});  // cosine 0.1
  const Eigen::VectorXf above = unit({0.3f, std::sqrt(1 - 0.09f)});  // cosine 0.3
  GroupState& g = w.groups[0];
  push_message(g, 0, MessageKind::content, below);
  push_message(g, 1, MessageKind::chat, above);
  moderate(w, 0, 0);
  CHECK(g.inbox[0].removed);
  CHECK_FALSE(g.inbox[1].removed);
}

TEST_CASE("moderators review at most moderators x capacity messages an hour",
          "[mechanism][moderation]") {
  SECTION("whole capacity: exactly the first moderators*capacity messages") {
    World w = moderation_world(10, 1.0, /*moderators=*/2);
    w.rules.set(param::moderation::capacity, 1.5);  // 3 reviews an hour
    GroupState& g = w.groups[0];
    for (std::uint32_t i = 0; i < 10; ++i) push_message(g, i, MessageKind::content, off_focus);
    moderate(w, 0, 0);
    for (std::size_t j = 0; j < 10; ++j) CHECK(g.inbox[j].removed == (j < 3));
    CHECK(g.today.posts_removed == 3);
  }
  SECTION("fractional capacity: the extra review happens with the fractional probability") {
    World w = moderation_world(10, 1.0, 1);
    w.rules.set(param::moderation::capacity, 2.25);
    GroupState& g = w.groups[0];
    const int trials = 4000;
    int three = 0;
    for (int t = 0; t < trials; ++t) {
      g.inbox.clear();
      for (std::uint32_t i = 0; i < 10; ++i) push_message(g, i, MessageKind::content, off_focus);
      std::fill(g.members.violations.begin(), g.members.violations.end(), 0.0f);
      moderate(w, 0, static_cast<Tick>(t));
      int removed = 0;
      for (const Message& m : g.inbox) removed += m.removed;
      REQUIRE((removed == 2 || removed == 3));
      three += removed == 3;
    }
    CHECK(std::abs(three / double(trials) - 0.25) < 5 * binomial_se(0.25, trials));
  }
}

TEST_CASE("violations accumulate and remove a member at the threshold", "[mechanism][moderation]") {
  std::vector<PersonSpec> people = people_like(3, on_focus);
  people[1].value = 4.0f;
  World w = make_world(2, people);
  moderation_rules(w.rules, 0.5);
  w.rules.set(param::moderation::violations_to_remove, 4);  // allowed = ceil(4·0.5) = 2
  add_group(w, on_focus, {{0, owner | moderator}, {1, top_decile}, {2}});
  GroupState& g = w.groups[0];
  REQUIRE(violations_allowed(w.rules, 0.5) == 2);
  int removed_posts = 0;
  Tick t = 0;
  for (; t < 1000 && g.members.present(1); ++t) {
    g.inbox.clear();
    push_message(g, 1, MessageKind::content, off_focus);
    moderate(w, 0, t);
    removed_posts += g.inbox[0].removed;
    CHECK(g.members.violations[1] == Approx(removed_posts));
    CHECK(g.members.present(1) == (removed_posts < 2));
  }
  REQUIRE(g.members.state[1] == MemberState::removed);
  CHECK(removed_posts == 2);
  CHECK(g.today.posts_removed == 2);
  CHECK(g.today.removals == 1);
  CHECK(g.today.leaves == 0);
  CHECK(g.today.leaver_value == Approx(4.0));
  CHECK(g.today.leaver_alignment == Approx(1.0));
  CHECK(g.today.top_decile_departures == 1);
  CHECK(g.today.other_departures == 0);
}

TEST_CASE("the owner's posts may be removed but the owner is never removed",
          "[mechanism][moderation]") {
  World w = moderation_world(2, 1.0);  // allowed = 1: any violation removes a member
  w.rules.set(param::moderation::violations_to_remove, 1);
  GroupState& g = w.groups[0];
  g.members.flags[0] = owner | moderator;
  for (Tick t = 0; t < 5; ++t) {
    g.inbox.clear();
    push_message(g, 0, MessageKind::content, off_focus);
    moderate(w, 0, t);
    CHECK(g.inbox[0].removed);
  }
  CHECK(g.members.present(0));
  CHECK(g.members.violations[0] == Approx(5.0f));
  CHECK(g.today.posts_removed == 5);
  CHECK(g.today.removals == 0);
  // An ordinary member in the same position is removed at once.
  g.inbox.clear();
  push_message(g, 1, MessageKind::content, off_focus);
  moderate(w, 0, 9);
  CHECK(g.members.state[1] == MemberState::removed);
}

TEST_CASE("programme posts are reviewed like members' posts, their removal touches nobody",
          "[mechanism][moderation]") {
  const int trials = 4000;
  World w = make_world(2, people_like(3, on_focus), {{0, 1}, {1, 2}});
  moderation_rules(w.rules, 0.5);
  w.rules.set(param::moderation::false_removal, 1.0);
  w.rules.set(param::moderation::dispute_rate, 1.0);
  w.rules.set(param::members::protest_exit, 1.0);
  w.rules.set(param::moderation::violations_to_remove, 1);
  add_group(w, on_focus, {{0, owner | moderator, 0.0f}, {1, 0, 0.0f}, {2, 0, 0.0f}});
  GroupState& g = w.groups[0];
  int off_removed = 0, on_removed = 0;
  for (int t = 0; t < trials; ++t) {
    g.inbox.clear();
    push_message(g, never, MessageKind::programme, off_focus, 0.3f);  // off topic: p = 0.5
    push_message(g, never, MessageKind::programme, on_focus, 0.3f);   // p = 1·0.5² = 0.25
    moderate(w, 0, static_cast<Tick>(t));
    off_removed += g.inbox[0].removed;
    on_removed += g.inbox[1].removed;
  }
  CHECK(std::abs(off_removed / double(trials) - 0.5) < 5 * binomial_se(0.5, trials));
  CHECK(std::abs(on_removed / double(trials) - 0.25) < 5 * binomial_se(0.25, trials));
  CHECK(g.today.posts_removed == static_cast<std::uint32_t>(off_removed + on_removed));
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(g.members.present(i));
    CHECK(g.members.cost_today[i] == 0);
    CHECK(g.members.wariness[i] == 0);
    CHECK(g.members.violations[i] == 0);
  }
  CHECK(g.pending.empty());  // nobody complains
  CHECK(g.today.removals == 0);
  CHECK(g.today.leaves == 0);
}

TEST_CASE("a removal is felt by its poster and their friends, the more the more on topic the post",
          "[mechanism][moderation]") {
  // Slot 1 posts; slot 2 is a friend, slot 3 a friend who left, slot 4 a stranger.
  // Strictness 0.9, false_removal 1: posts are removed (p ≥ 0.81), the poster stays.
  World w = make_world(2, people_like(5, on_focus), {{1, 2}, {1, 3}, {0, 4}});
  moderation_rules(w.rules, 0.9);
  w.rules.set(param::moderation::false_removal, 1.0);
  add_group(w, on_focus, {{0, owner | moderator}, {1}, {2}, {3, 0, 0.5f, MemberState::left}, {4}});
  GroupState& g = w.groups[0];
  auto& m = g.members;
  struct Case {
    Eigen::VectorXf topic;
    double u;
  };
  Tick t = 0;
  for (const Case& c : {Case{unit({0.6f, 0.8f}), 0.6}, Case{on_focus, 1.0}, Case{off_focus, 0.0},
                        Case{unit({-0.6f, 0.8f}), 0.0}}) {
    INFO("u = " << c.u);
    for (int k = 0; k < 3; ++k) {  // three removals, from different hours' draws
      m.wariness = {0.0f, 0.5f, 0.2f, 0.0f, 0.0f};
      std::fill(m.cost_today.begin(), m.cost_today.end(), 0.0f);
      const Tick last = until_removed(w, 1, c.topic, t);
      t = last + 1;
      REQUIRE(m.present(1));
      CHECK(m.cost_today[1] == Approx(2.0 * c.u));
      CHECK(m.wariness[1] == Approx(0.5 + 0.3 * c.u * 0.5));
      CHECK(m.cost_today[2] == Approx(1.0 * c.u));
      CHECK(m.wariness[2] == Approx(0.2 + 0.1 * c.u * 0.8));
      CHECK(m.cost_today[3] == 0);  // gone
      CHECK(m.wariness[3] == 0);
      CHECK(m.cost_today[4] == 0);  // a stranger to the poster
      CHECK(m.wariness[4] == 0);
      CHECK(m.cost_today[0] == 0);
    }
  }
  // Wariness grows a share of the way to 1: it never passes 1.
  m.wariness[1] = 0.0f;
  w.rules.set(param::members::wariness_gain, 1.0);
  t = until_removed(w, 1, on_focus, t) + 1;
  CHECK(m.wariness[1] == Approx(1.0));
  until_removed(w, 1, on_focus, t);
  CHECK(m.wariness[1] == Approx(1.0));
}

TEST_CASE("friends of a member removed from the group pay friend_removal_cost and grow wary",
          "[mechanism][moderation]") {
  World w = make_world(2, people_like(4, on_focus), {{1, 2}, {1, 3}});
  moderation_rules(w.rules, 1.0);
  w.rules.set(param::moderation::violations_to_remove, 1);  // one violation removes
  add_group(w, on_focus, {{0, owner | moderator}, {1}, {2}, {3}});
  GroupState& g = w.groups[0];
  auto& m = g.members;
  m.wariness[3] = 0.5f;
  push_message(g, 1, MessageKind::content, off_focus);  // off topic: the post itself unfelt
  moderate(w, 0, 3);
  REQUIRE(m.state[1] == MemberState::removed);
  CHECK(m.cost_today[1] == 0);
  CHECK(m.cost_today[2] == Approx(1.0));
  CHECK(m.wariness[2] == Approx(0.1));
  CHECK(m.cost_today[3] == Approx(1.0));
  CHECK(m.wariness[3] == Approx(0.5 + 0.1 * 0.5));
  CHECK(m.cost_today[0] == 0);
  CHECK(m.wariness[0] == 0);
}

TEST_CASE("removed idle chat is curbed, not punished: no violation", "[mechanism][moderation]") {
  World w = moderation_world(2, 1.0);
  w.rules.set(param::moderation::violations_to_remove, 1);
  GroupState& g = w.groups[0];
  for (Tick t = 0; t < 5; ++t) {
    g.inbox.clear();
    push_message(g, 1, MessageKind::chat, off_focus);
    moderate(w, 0, t);
    CHECK(g.inbox[0].removed);
  }
  CHECK(g.members.violations[1] == 0);
  CHECK(g.members.present(1));
  CHECK(g.today.posts_removed == 5);
  CHECK(g.today.removals == 0);
  // The same member's content post is a violation (and here removes them).
  g.inbox.clear();
  push_message(g, 1, MessageKind::content, off_focus);
  moderate(w, 0, 9);
  CHECK(g.members.state[1] == MemberState::removed);
}

TEST_CASE("a removal provokes a complaint from its poster with probability dispute_rate·u",
          "[mechanism][moderation]") {
  const int removals = 3000;
  struct Case {
    Eigen::VectorXf topic;
    double u;
  };
  for (const Case& c : {Case{on_focus, 1.0}, Case{unit({0.5f, std::sqrt(0.75f)}), 0.5},
                        Case{off_focus, 0.0}, Case{unit({-0.5f, std::sqrt(0.75f)}), 0.0}}) {
    for (std::uint64_t seed : {1u, 2u}) {
      World w = moderation_world(3, 0.9);
      w.seed = seed;
      w.rules.set(param::moderation::false_removal, 1.0);
      w.rules.set(param::moderation::dispute_rate, 0.6);
      GroupState& g = w.groups[0];
      int complaints = 0;
      Tick t = 0;
      for (int k = 0; k < removals; ++k) {
        g.pending.clear();
        t = until_removed(w, 2, c.topic, t) + 1;
        REQUIRE(g.members.present(2));
        REQUIRE(g.pending.size() <= 1);
        if (g.pending.empty()) continue;
        ++complaints;
        CHECK(g.pending[0].person == 2);
        CHECK(g.pending[0].kind == MessageKind::dispute);
        CHECK(g.pending[0].reply_to == never);
      }
      const double expected = 0.6 * c.u;
      INFO("u = " << c.u << ", seed " << seed << ": " << complaints << " complaints");
      CHECK(std::abs(complaints / double(removals) - expected) <
            5 * binomial_se(expected, removals) + 1e-12);
    }
  }
  // A post left up draws no complaint.
  World lax = moderation_world(2, 0.0);
  lax.rules.set(param::moderation::dispute_rate, 1.0);
  for (Tick t = 0; t < 50; ++t) {
    lax.groups[0].inbox.clear();
    push_message(lax.groups[0], 1, MessageKind::content, on_focus);
    moderate(lax, 0, t);
  }
  CHECK(lax.groups[0].pending.empty());
}

TEST_CASE("a removal makes its poster leave in protest with probability protest_exit·u·(1 - s)",
          "[mechanism][moderation]") {
  const int removals = 3000;
  struct Case {
    Eigen::VectorXf topic;
    double u;
    float satisfaction;
  };
  for (const Case& c :
       {Case{on_focus, 1.0, 0.2f}, Case{unit({0.5f, std::sqrt(0.75f)}), 0.5, 0.2f},
        Case{on_focus, 1.0, 0.7f}, Case{on_focus, 1.0, 1.0f}, Case{off_focus, 0.0, 0.0f}}) {
    World w = moderation_world(3, 0.9);
    w.rules.set(param::moderation::false_removal, 1.0);
    w.rules.set(param::members::protest_exit, 0.5);
    w.rules.set(param::moderation::dispute_rate, 1.0);  // complain if one stays
    GroupState& g = w.groups[0];
    int left = 0;
    Tick t = 0;
    for (int k = 0; k < removals; ++k) {
      g.pending.clear();
      g.members.state[2] = MemberState::active;
      g.members.satisfaction[2] = c.satisfaction;
      t = until_removed(w, 2, c.topic, t) + 1;
      const bool gone = g.members.state[2] == MemberState::left;
      REQUIRE((gone || g.members.present(2)));
      left += gone;
      // One who leaves does not stay to complain; one who stays does (dispute_rate·u = 1).
      if (gone) REQUIRE(g.pending.empty());
      if (!gone && c.u == 1.0) REQUIRE(g.pending.size() == 1);
    }
    const double expected = 0.5 * c.u * (1.0 - c.satisfaction);
    INFO("u = " << c.u << ", s = " << c.satisfaction << ": " << left << " left");
    CHECK(std::abs(left / double(removals) - expected) <
          5 * binomial_se(expected, removals) + 1e-12);
    CHECK(g.today.leaves == static_cast<std::uint32_t>(left));  // a voluntary departure
    CHECK(g.today.removals == 0);
  }
}

TEST_CASE("a dead group is not moderated", "[mechanism][moderation]") {
  World w = moderation_world(2, 1.0);
  GroupState& g = w.groups[0];
  g.alive = false;
  push_message(g, 0, MessageKind::content, off_focus);
  moderate(w, 0, 0);
  CHECK_FALSE(g.inbox[0].removed);
  CHECK(g.today.posts_removed == 0);
}

TEST_CASE("moderators at hand: an hour is reviewed with probability 1 - (1 - online·diurnal)^M",
          "[mechanism][moderation]") {
  // Strictness 1 removes every off-topic post that is reviewed.
  for (int moderators : {1, 2, 4}) {
    World w = moderation_world(1, 1.0, moderators);
    w.rules.set(param::moderation::online, 0.5);
    w.diurnal.assign(24, 1.0);
    w.diurnal[3] = 0.2;  // a night hour: one moderator in ten
    const int trials = 4000;
    for (int hour : {3, 21}) {
      const double one = hour == 3 ? 0.1 : 0.5;
      const double expected = 1 - std::pow(1 - one, moderators);
      INFO(moderators << " moderators, hour " << hour);
      CHECK(std::abs(removal_share(w, off_focus, trials, hour) - expected) <
            5 * binomial_se(expected, trials));
    }
  }
}

TEST_CASE("only a ban has ads removed: paid, window and thread ads are left up (C28)",
          "[mechanism][moderation]") {
  for (AdsPolicy policy : {AdsPolicy::paid, AdsPolicy::window, AdsPolicy::thread}) {
    std::vector<PersonSpec> people = people_like(2, on_focus);
    people[1].spammer = true;
    World w = make_world(2, people);
    moderation_rules(w.rules, 1.0);
    w.rules.set(param::groups::ads, policy);
    add_group(w, on_focus, {{0, owner | moderator}, {1, ad_account}});
    GroupState& g = w.groups[0];
    push_message(g, 1, MessageKind::ad, off_focus);
    moderate(w, 0, 5);
    CHECK_FALSE(g.inbox[0].removed);
    CHECK(g.members.present(1));
  }
}
