// Succession (models/community/mechanisms/succession.hpp, claim C27): a group whose owner left
// is handed to its longest-serving present moderator; with none, under a succession rule, to
// the rule's best candidate (who also moderates while groups.moderators > 0); under `none` it
// stays without an owner, and an ownerless group stays so. While an owner is present, managers
// who left are replaced up to groups.moderators by groups.succession: `most_active` (most
// posts per day since joining, at least one day counted) or `active_expert` (highest value
// among those who posted in the last 7 days); `none` replaces nobody. Candidates are present
// real members who are not yet managers and have a positive score. g.moderators is the count
// of present managers afterwards.
#include <catch2/catch.hpp>
#include <vector>

#include "models/community/mechanisms/rewards.hpp"
#include "models/community/mechanisms/succession.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

const Tick now = at(20, 23);

bool has(const GroupState& g, std::size_t slot, std::uint8_t flag) {
  return (g.members.flags[slot] & flag) != 0;
}

std::vector<std::size_t> with_flag(const GroupState& g, std::uint8_t flag) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < g.members.slots(); ++i)
    if (g.members.present(i) && has(g, i, flag)) out.push_back(i);
  return out;
}

// Slot = person. Values by person; members' posts and last posts are set by each test.
World succession_world(std::vector<float> values, Succession rule, int moderators) {
  std::vector<PersonSpec> people = people_like(values.size(), axis(2, 0));
  for (std::size_t p = 0; p < values.size(); ++p) people[p].value = values[p];
  World w = make_world(2, people);
  w.rules.set(param::groups::succession, rule);
  w.rules.set(param::groups::moderators, moderators);
  return w;
}

}  // namespace

TEST_CASE(
    "an owner who left is succeeded by the longest-serving present moderator, whatever the rule",
    "[mechanism][succession]") {
  for (Succession rule : {Succession::most_active, Succession::active_expert, Succession::none}) {
    World w = succession_world({1, 9, 1, 1, 1}, rule, 2);
    MemberSpec old_owner{0, owner | moderator, 0.1f, MemberState::left};
    MemberSpec keen{1, 0, 0.9f};  // the most active and most valuable: not a moderator
    MemberSpec senior{2, moderator, 0.5f};
    senior.joined = at(3, 0);
    MemberSpec junior{3, moderator, 0.5f};
    junior.joined = at(9, 0);
    MemberSpec gone{4, moderator, 0.5f, MemberState::left};  // served longer, but left
    add_group(w, axis(2, 0), {old_owner, keen, senior, junior, gone}, 2);
    GroupState& g = w.groups[0];
    g.members.posts[1] = 100;
    g.members.last_post[1] = now - 1;
    hand_on_leadership(w, 0, now);
    INFO("rule " << static_cast<int>(rule));
    CHECK(with_flag(g, owner) == std::vector<std::size_t>{2});
    CHECK(has(g, 2, moderator));
    CHECK_FALSE(has(g, 1, moderator));  // two managers already: nobody promoted
    CHECK(g.moderators == 2);
    CHECK(g.had_owner);
  }
}

TEST_CASE("with no moderator left, most_active hands the group to the most posts per day",
          "[mechanism][succession]") {
  World w = succession_world({1, 1, 1, 1, 1, 1}, Succession::most_active, 2);
  MemberSpec old_owner{0, owner | moderator, 0.1f, MemberState::left};
  MemberSpec veteran{1, 0, 0.5f};  // 10 posts in ~21 days: 0.48 a day
  MemberSpec recent{2, 0, 0.5f};   // 5 posts in ~3 days: 1.69 a day
  recent.joined = at(18, 0);
  MemberSpec newcomer{3, 0, 0.5f};  // 1 post in 6 hours: counted over a day, 1 a day
  newcomer.joined = now - 6;
  MemberSpec ads{4, ad_account, 0.5f};  // never a manager
  MemberSpec silent{5, 0, 0.5f};        // never posted: no candidate
  add_group(w, axis(2, 0), {old_owner, veteran, recent, newcomer, ads, silent}, 1);
  GroupState& g = w.groups[0];
  g.members.posts = {50, 10, 5, 1, 500, 0};
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, owner) == std::vector<std::size_t>{2});
  // The new owner moderates, and promotes the next best to reach groups.moderators = 2.
  CHECK(with_flag(g, moderator) == std::vector<std::size_t>{2, 3});
  CHECK(g.moderators == 2);

  // A day later, nothing to do.
  hand_on_leadership(w, 0, now + 24);
  CHECK(with_flag(g, owner) == std::vector<std::size_t>{2});
  CHECK(with_flag(g, moderator) == std::vector<std::size_t>{2, 3});
}

TEST_CASE(
    "with no moderator left, active_expert hands the group to the most valuable recent poster",
    "[mechanism][succession]") {
  World w = succession_world({1, 5, 3, 2, 10, 9, 1}, Succession::active_expert, 2);
  MemberSpec old_owner{0, owner | moderator, 0.1f, MemberState::left};
  add_group(w, axis(2, 0),
            {old_owner, {1}, {2}, {3}, {4, ad_account}, {5}, {6, 0, 0.5f, MemberState::muted}}, 1);
  GroupState& g = w.groups[0];
  const Tick week = 7 * 24;
  g.members.posts = {9, 9, 9, 9, 9, 0, 9};
  g.members.last_post = {now, now - week - 1, now - 48, now - week, now, never, now};
  hand_on_leadership(w, 0, now);
  // 1 (value 5) last posted 8 days ago; 2 (value 3) and 3 (value 2, exactly 7 days ago) and
  // 6 (value 1, muted but present) qualify; the ad account and 5 (never posted) do not.
  CHECK(with_flag(g, owner) == std::vector<std::size_t>{2});
  CHECK(with_flag(g, moderator) == std::vector<std::size_t>{2, 3});
  CHECK(g.moderators == 2);
}

TEST_CASE("under none an ownerless group stays without an owner, and stays so",
          "[mechanism][succession]") {
  World w = succession_world({1, 5, 3}, Succession::none, 2);
  add_group(w, axis(2, 0), {{0, owner | moderator, 0.1f, MemberState::left}, {1}, {2}}, 1);
  GroupState& g = w.groups[0];
  g.members.posts = {9, 30, 20};
  g.members.last_post = {now, now, now};
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, owner).empty());
  CHECK(with_flag(g, moderator).empty());
  CHECK_FALSE(g.had_owner);
  CHECK(g.moderators == 0);  // leaderless: no moderation, no programme

  // A rule that would appoint someone does not revive an ownerless group.
  w.rules.set(param::groups::succession, Succession::most_active);
  hand_on_leadership(w, 0, now + 24);
  CHECK(with_flag(g, owner).empty());
  CHECK(with_flag(g, moderator).empty());
  CHECK(g.moderators == 0);
}

TEST_CASE("an owner who left with no candidate yet is succeeded once someone qualifies",
          "[mechanism][succession]") {
  World w = succession_world({1, 5, 3}, Succession::most_active, 2);
  add_group(w, axis(2, 0), {{0, owner | moderator, 0.1f, MemberState::left}, {1}, {2}}, 1);
  GroupState& g = w.groups[0];  // nobody has posted
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, owner).empty());
  CHECK(g.had_owner);  // still looking
  g.members.posts[1] = 40;
  hand_on_leadership(w, 0, now + 24);
  CHECK(with_flag(g, owner) == std::vector<std::size_t>{1});
}

TEST_CASE("while the owner is present, managers who left are replaced up to groups.moderators",
          "[mechanism][succession]") {
  // Owner (0) and a muted moderator (1) present; two moderators left (2, 3). Candidates 4-7.
  auto world = [](Succession rule, int moderators) {
    World w = succession_world({1, 1, 1, 1, 1, 4, 3, 2}, rule, moderators);
    add_group(w, axis(2, 0),
              {{0, owner | moderator},
               {1, moderator, 0.3f, MemberState::muted},
               {2, moderator, 0.5f, MemberState::left},
               {3, moderator, 0.5f, MemberState::removed},
               {4},
               {5},
               {6},
               {7}},
              4);
    GroupState& g = w.groups[0];
    g.members.posts = {0, 0, 0, 0, 40, 10, 30, 20};
    g.members.last_post = {never, never, never, never, now, now, now - 10 * 24, now};
    return w;
  };
  SECTION("most_active: the two most prolific") {
    World w = world(Succession::most_active, 4);
    hand_on_leadership(w, 0, now);
    GroupState& g = w.groups[0];
    CHECK(with_flag(g, moderator) == std::vector<std::size_t>{0, 1, 4, 6});
    CHECK(with_flag(g, owner) == std::vector<std::size_t>{0});
    CHECK(g.moderators == 4);
  }
  SECTION("active_expert: the most valuable of those who posted this week") {
    World w = world(Succession::active_expert, 4);
    hand_on_leadership(w, 0, now);
    GroupState& g = w.groups[0];
    CHECK(with_flag(g, moderator) == std::vector<std::size_t>{0, 1, 5, 7});  // 6: 10 days ago
    CHECK(g.moderators == 4);
  }
  SECTION("none: nobody replaces them") {
    World w = world(Succession::none, 4);
    hand_on_leadership(w, 0, now);
    GroupState& g = w.groups[0];
    CHECK(with_flag(g, moderator) == std::vector<std::size_t>{0, 1});
    CHECK(g.moderators == 2);
  }
  SECTION("no more than groups.moderators, and no more than there are candidates") {
    World w = world(Succession::most_active, 3);
    hand_on_leadership(w, 0, now);
    CHECK(with_flag(w.groups[0], moderator) == std::vector<std::size_t>{0, 1, 4});
    World all = world(Succession::most_active, 10);
    hand_on_leadership(all, 0, now);
    CHECK(with_flag(all.groups[0], moderator) == std::vector<std::size_t>{0, 1, 4, 5, 6, 7});
    CHECK(all.groups[0].moderators == 6);
  }
}

TEST_CASE("a leaderless design (groups.moderators = 0): a successor owns but does not moderate",
          "[mechanism][succession]") {
  World w = succession_world({1, 1, 1}, Succession::most_active, 0);
  add_group(w, axis(2, 0), {{0, owner, 0.1f, MemberState::left}, {1}, {2}}, 0);
  GroupState& g = w.groups[0];
  g.members.posts = {5, 3, 8};
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, owner) == std::vector<std::size_t>{2});
  CHECK(with_flag(g, moderator).empty());
  CHECK(g.moderators == 0);
}

TEST_CASE("a dead group is not handed on", "[mechanism][succession]") {
  World w = succession_world({1, 1, 1}, Succession::most_active, 2);
  add_group(w, axis(2, 0), {{0, owner | moderator, 0.1f, MemberState::left}, {1}, {2}}, 1);
  GroupState& g = w.groups[0];
  g.members.posts = {5, 3, 8};
  g.alive = false;
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, owner).empty());
  CHECK(with_flag(g, moderator).empty());
}

TEST_CASE("promote_experts: active experts become moderators beyond groups.moderators (C27)",
          "[mechanism][succession]") {
  // Owner (0) moderates alone (groups.moderators = 1); candidates 1-4 by value 1, 4, 3, 2;
  // person 2 last posted ten days ago.
  World w = succession_world({1, 1, 4, 3, 2}, Succession::most_active, 1);
  w.rules.set(param::groups::promote_experts, 2);
  w.rules.set(param::rewards::recognition, 0.5);
  add_group(w, axis(2, 0),
            {{0, owner | moderator}, {1, 0, 0.4f}, {2, 0, 0.4f}, {3, 0, 0.4f}, {4, 0, 0.4f}});
  GroupState& g = w.groups[0];
  g.members.posts = {0, 50, 10, 5, 5};
  g.members.last_post = {never, now, now - 10 * 24, now, now};
  hand_on_leadership(w, 0, now);
  CHECK(with_flag(g, moderator) == std::vector<std::size_t>{0, 3, 4});  // not the most active
  CHECK(g.moderators == 3);
  CHECK(g.members.satisfaction[3] == Approx(0.7f));  // recognised: half the way to 1
  CHECK(g.members.satisfaction[1] == Approx(0.4f));
  // Without an owner nobody promotes.
  World ownerless = succession_world({1, 1, 4}, Succession::none, 1);
  ownerless.rules.set(param::groups::promote_experts, 2);
  add_group(ownerless, axis(2, 0), {{1}, {2}});
  ownerless.groups[0].had_owner = false;
  ownerless.groups[0].members.last_post = {now, now};
  hand_on_leadership(ownerless, 0, now);
  CHECK(ownerless.groups[0].moderators == 0);
}
