// Reading (models/community/mechanisms/reading.hpp): each member reads a share
// ρ = min(1, attention/visible) of the hour's visible messages (attention = attention/groups
// joined · diurnal/24, times muted_reading when muted); content and programme posts are worth
// relevance·(2q/(q+v))^value_gap·novelty, chat chat_value·novelty whatever its topic, ads cost
// ad_cost, complaints and disputes dispute_cost; each message read costs read_cost; a feed
// longer than attention costs overload_cost · diurnal/24 · (visible/attention - 1). Questions
// read by members of higher value than the asker add ρ·relevance to their demand. Visible
// messages move the conversation and the 24-hour count, and are remembered for the reply
// window.
// Answering: a member answers at most one message an hour, with probability
// 1 - exp(-Σ_j r_ij), r_ij = ρ·2s·(1 - wariness_silence·wariness)·(1 + reply_ties·friend)·k_ij,
// message j with probability ∝ r_ij (k_ij: reply_rate·activity·worth for content,
// ·relevance·question_pull·2v/(v+q) for questions, ·chat_pull for chat, ·dispute_pull for
// complaints, programme_prompt·relevance·a/(a + prompt_activity_half) for scheduled prompts, 0
// for ads); muted members do
// not answer. Visible replies credit the poster of their target (answered_value·2q/(q+v) for a
// question, heard otherwise) and the answerer of a question (heard); a member's thread opener
// that leaves the reply window unanswered costs them unanswered_cost.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "models/community/mechanisms/introductions.hpp"
#include "models/community/mechanisms/moderation.hpp"
#include "models/community/mechanisms/programme.hpp"
#include "models/community/mechanisms/reading.hpp"
#include "models/community/support/world_fixture.hpp"

using namespace community;
using namespace community::testing;

namespace {

void reading_rules(sim::ParamValues& p) {
  p.set(param::reading::read_cost, 0.15);
  p.set(param::reading::chat_value, 0.3);
  p.set(param::reading::ad_cost, 1.0);
  p.set(param::reading::overload_cost, 0.5);
  p.set(param::reading::muted_reading, 0.1);
  p.set(param::reading::value_gap, 1.0);  // worth = relevance·2q/(q+v)
  p.set(param::reading::dispute_cost, 0.5);
  p.set(param::members::conversation_memory, 4);
}

// Person 0 reads; person 1 posts; person 2 is an ad account. Attention is per day.
World reading_world(float reader_attention) {
  std::vector<PersonSpec> people = {
      {axis(2, 0), 1.0f, 1.0f, reader_attention},
      {axis(2, 0), 1.0f, 1.0f, 24.0f * 100},
      {axis(2, 1), 1.0f, 1.0f, 24.0f * 100, true},
  };
  World w = make_world(2, people);
  reading_rules(w.rules);
  add_group(w, axis(2, 0), {{0}, {1}, {2, ad_account}});
  return w;
}

// The inbox of the worked example: five visible messages, one removed.
void example_inbox(GroupState& g) {
  push_message(g, 1, MessageKind::content, unit({0.6f, 0.8f}), 3.0f, 0.5f);   // 0.6·2·3/4·0.5
  push_message(g, 1, MessageKind::chat, axis(2, 1), 1.0f, 1.0f);              // 0.3, off topic
  push_message(g, 0, MessageKind::content, axis(2, 0), 1.0f, 1.0f);           // reader's own
  push_message(g, 1, MessageKind::content, axis(2, 0), 9.0f, 1.0f, true);     // removed
  push_message(g, 1, MessageKind::content, unit({-1.0f, 0.0f}), 5.0f, 1.0f);  // relevance 0
  push_message(g, never, MessageKind::programme, axis(2, 0), 2.0f, 1.0f);     // 1·2·2/3
}
constexpr double example_benefit = 0.45 + 0.3 + 0.0 + 4.0 / 3.0;  // reader 0, in full
constexpr double example_cost = 4 * 0.15;                         // four messages read
constexpr double example_benefit_1 = 1.0 + 4.0 / 3.0;  // reader 1: slot 0's post, programme
constexpr double example_cost_1 = 2 * 0.15;
constexpr int example_visible = 5;

}  // namespace

TEST_CASE("message_worth follows the formula for each kind", "[mechanism][reading]") {
  sim::ParamValues r;
  r.set(param::reading::chat_value, 0.3);
  r.set(param::reading::ad_cost, 1.7);
  r.set(param::reading::dispute_cost, 0.6);
  r.set(param::reading::value_gap, 1.0);
  CHECK(message_worth(r, MessageKind::ad, 0.9, 5.0, 1.0) == Approx(-1.7));
  CHECK(message_worth(r, MessageKind::dispute, 0.9, 5.0, 1.0) == Approx(-0.6));
  // Chat is social: worth chat_value whatever its topic and whoever posts it.
  CHECK(message_worth(r, MessageKind::chat, 0.5, 5.0, 1.0) == Approx(0.3));
  CHECK(message_worth(r, MessageKind::chat, 0.0, 0.1, 9.0) == Approx(0.3));
  CHECK(message_worth(r, MessageKind::content, 0.5, 3.0, 1.0) == Approx(0.5 * 2 * 3 / 4.0));
  CHECK(message_worth(r, MessageKind::programme, 0.5, 3.0, 1.0) == Approx(0.5 * 2 * 3 / 4.0));
  // Equal quality and value: worth = relevance. Experts gain little from novices (C14).
  CHECK(message_worth(r, MessageKind::content, 0.8, 2.0, 2.0) == Approx(0.8));
  CHECK(message_worth(r, MessageKind::content, 1.0, 0.5, 10.0) == Approx(2 * 0.5 / 10.5));
  CHECK(message_worth(r, MessageKind::content, 1.0, 10.0, 0.5) == Approx(2 * 10 / 10.5));
}

TEST_CASE("value_gap is the exponent of 2q/(q+v) in a post's worth", "[mechanism][reading]") {
  sim::ParamValues r;
  r.set(param::reading::value_gap, 0.5);
  CHECK(message_worth(r, MessageKind::content, 0.8, 3.0, 1.0) == Approx(0.8 * std::sqrt(1.5)));
  CHECK(message_worth(r, MessageKind::programme, 1.0, 0.3, 1.0) == Approx(std::sqrt(0.6 / 1.3)));
  r.set(param::reading::value_gap, 2.0);
  CHECK(message_worth(r, MessageKind::content, 0.8, 3.0, 1.0) == Approx(0.8 * 1.5 * 1.5));
  CHECK(message_worth(r, MessageKind::content, 1.0, 1.0, 3.0) == Approx(0.25));
  r.set(param::reading::value_gap, 0.0);  // every poster worth the same
  CHECK(message_worth(r, MessageKind::content, 0.7, 0.1, 10.0) == Approx(0.7));
  CHECK(message_worth(r, MessageKind::content, 0.7, 10.0, 0.1) == Approx(0.7));
  CHECK(message_worth(r, MessageKind::chat, 0.7, 10.0, 0.1) ==
        Approx(r[param::reading::chat_value]));

  // In reading: an expert reads a novice's post, a novice an expert's (value_gap 0.5).
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 3.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 0.5f, 2400.0f}};
  World w = make_world(2, people);
  reading_rules(w.rules);
  w.rules.set(param::reading::value_gap, 0.5);
  add_group(w, axis(2, 0), {{0}, {1}});
  GroupState& g = w.groups[0];
  push_message(g, 0, MessageKind::content, axis(2, 0), 3.0f, 0.5f);
  push_message(g, 1, MessageKind::content, axis(2, 0), 0.5f, 1.0f);
  read_messages(w, 0, 3);
  CHECK(g.members.benefit_today[0] == Approx(std::sqrt(1.0 / 3.5)));
  CHECK(g.members.benefit_today[1] == Approx(std::sqrt(6.0 / 3.5) * 0.5));
}

TEST_CASE("with enough attention a member reads everything and gains the formula's benefit",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);  // 100 messages an hour
  GroupState& g = w.groups[0];
  example_inbox(g);
  read_messages(w, 0, 10);
  const auto& m = g.members;
  CHECK(m.benefit_today[0] == Approx(example_benefit));
  CHECK(m.cost_today[0] == Approx(example_cost));  // no overload
  CHECK(m.benefit_today[1] == Approx(example_benefit_1));
  CHECK(m.cost_today[1] == Approx(example_cost_1));
  CHECK(m.benefit_today[2] == 0);  // ad accounts do not read
  CHECK(m.cost_today[2] == 0);
  CHECK(g.today.value_gained == Approx(example_benefit + example_benefit_1));

  // Benefit and cost accumulate over the day's hours.
  read_messages(w, 0, 11);
  CHECK(m.benefit_today[0] == Approx(2 * example_benefit));
}

TEST_CASE("short attention reads a share rho = attention/visible and pays the overload cost",
          "[mechanism][reading]") {
  const double rho = 2.0 / example_visible;
  const double overload = 0.5 / 24 * (example_visible / 2.0 - 1.0);
  SECTION("attention 2 an hour") {
    World w = reading_world(24.0f * 2);
    example_inbox(w.groups[0]);
    read_messages(w, 0, 3);
    CHECK(w.groups[0].members.benefit_today[0] == Approx(rho * example_benefit));
    CHECK(w.groups[0].members.cost_today[0] == Approx(rho * example_cost + overload));
    CHECK(w.groups[0].today.value_gained == Approx(rho * example_benefit + example_benefit_1));
  }
  SECTION("attention shared between two groups joined") {
    World w = reading_world(24.0f * 4);
    w.groups_joined[0] = 2;
    example_inbox(w.groups[0]);
    read_messages(w, 0, 3);
    CHECK(w.groups[0].members.benefit_today[0] == Approx(rho * example_benefit));
    CHECK(w.groups[0].members.cost_today[0] == Approx(rho * example_cost + overload));
  }
  SECTION("the diurnal weight of the hour scales attention") {
    World w = reading_world(24.0f * 1);
    w.diurnal[3] = 2.0;  // hour 3: 2 messages of attention, and twice the overload weight
    example_inbox(w.groups[0]);
    read_messages(w, 0, 3);
    CHECK(w.groups[0].members.benefit_today[0] == Approx(rho * example_benefit));
    CHECK(w.groups[0].members.cost_today[0] == Approx(rho * example_cost + 2 * overload));
  }
}

TEST_CASE("muted members read muted_reading of their attention", "[mechanism][reading]") {
  World w = reading_world(24.0f * 20);  // 20 an hour, 2 when muted
  GroupState& g = w.groups[0];
  g.members.state[0] = MemberState::muted;
  example_inbox(g);
  read_messages(w, 0, 3);
  const double rho = 2.0 / example_visible;
  CHECK(g.members.benefit_today[0] == Approx(rho * example_benefit));
  CHECK(g.members.cost_today[0] ==
        Approx(rho * example_cost + 0.5 / 24 * (example_visible / 2.0 - 1)));

  World silent = reading_world(24.0f * 20);
  silent.rules.set(param::reading::muted_reading, 0);
  silent.groups[0].members.state[0] = MemberState::muted;
  example_inbox(silent.groups[0]);
  read_messages(silent, 0, 3);
  CHECK(silent.groups[0].members.benefit_today[0] == 0);
  CHECK(silent.groups[0].members.cost_today[0] == 0);
}

TEST_CASE("members who left or were removed do not read", "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  g.members.state[0] = MemberState::left;
  g.members.state[1] = MemberState::removed;
  example_inbox(g);
  read_messages(w, 0, 3);
  CHECK(g.members.benefit_today[0] == 0);
  CHECK(g.members.benefit_today[1] == 0);
  CHECK(g.today.value_gained == 0);
}

TEST_CASE("reading an ad costs read_cost + ad_cost and gives nothing", "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  push_message(g, 2, MessageKind::ad, axis(2, 0), 5.0f, 1.0f);
  read_messages(w, 0, 3);
  CHECK(g.members.benefit_today[0] == 0);
  CHECK(g.members.cost_today[0] == Approx(0.15 + 1.0));
  CHECK(g.members.cost_today[1] == Approx(0.15 + 1.0));
  CHECK(g.today.value_gained == 0);
  CHECK(g.today.messages[static_cast<int>(MessageKind::ad)] == 1);
}

TEST_CASE("visible messages move the conversation, one at a time (ads and removed aside)",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);  // conversation_memory 4: η = 1/4
  GroupState& g = w.groups[0];
  g.conversation = axis(2, 0);
  push_message(g, 1, MessageKind::content, axis(2, 1));
  push_message(g, 2, MessageKind::ad, axis(2, 1));
  push_message(g, 1, MessageKind::chat, axis(2, 1), 1.0f, 1.0f, true);
  push_message(g, never, MessageKind::programme, axis(2, 1), 2.0f);
  read_messages(w, 0, 0);
  // e0 → 0.75·e0 + 0.25·e1 → 0.5625·e0 + 0.4375·e1
  CHECK(g.conversation[0] == Approx(0.5625));
  CHECK(g.conversation[1] == Approx(0.4375));
  CHECK(g.today.messages[static_cast<int>(MessageKind::content)] == 1);
  CHECK(g.today.messages[static_cast<int>(MessageKind::chat)] == 0);
  CHECK(g.today.messages[static_cast<int>(MessageKind::ad)] == 1);
  CHECK(g.today.messages[static_cast<int>(MessageKind::programme)] == 1);
}

TEST_CASE("messages_last_day is a rolling 24-hour count of visible messages",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  g.hourly_messages[7] = 5;
  g.hourly_messages[8] = 7;
  g.messages_last_day = 12;
  push_message(g, 1, MessageKind::content, axis(2, 0));
  push_message(g, 1, MessageKind::chat, axis(2, 0), 1.0f, 1.0f, true);
  push_message(g, 2, MessageKind::ad, axis(2, 0));
  push_message(g, never, MessageKind::programme, axis(2, 0));
  read_messages(w, 0, at(3, 7));  // yesterday's 07:00 (5) replaced by today's 3
  CHECK(g.hourly_messages[7] == 3);
  CHECK(g.messages_last_day == 10);

  g.inbox.clear();
  read_messages(w, 0, at(3, 8));  // an empty hour replaces 7
  CHECK(g.hourly_messages[8] == 0);
  CHECK(g.messages_last_day == 3);

  g.alive = false;  // a dead group's count still runs down
  g.inbox.clear();
  read_messages(w, 0, at(4, 7));
  CHECK(g.messages_last_day == 0);
}

TEST_CASE("a dead group's members gain nothing and its conversation stays",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  g.alive = false;
  example_inbox(g);
  read_messages(w, 0, 0);
  CHECK(g.members.benefit_today[0] == 0);
  CHECK(g.today.value_gained == 0);
  CHECK((g.conversation - axis(2, 0)).norm() < 1e-6f);
}

TEST_CASE("reading a complaint or a dispute costs read_cost + dispute_cost",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  push_message(g, 1, MessageKind::dispute, axis(2, 0), 5.0f, 1.0f);
  push_message(g, 1, MessageKind::dispute, axis(2, 1), 5.0f, 1.0f, true);  // removed
  read_messages(w, 0, 3);
  CHECK(g.members.benefit_today[0] == 0);
  CHECK(g.members.cost_today[0] == Approx(0.15 + 0.5));
  CHECK(g.members.cost_today[1] == 0);  // one's own complaint is not read
  CHECK(g.today.messages[static_cast<int>(MessageKind::dispute)] == 1);
}

TEST_CASE("a question read by a member of higher value than its asker adds rho·relevance to demand",
          "[mechanism][reading]") {
  // Readers of value 3, 1 (the asker's) and 0.5; the asker (slot 3) has value 1.
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 3.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 0.5f, 2400.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 3.0f, 24.0f * 2}};  // reads 2 an hour
  World w = make_world(2, people);
  reading_rules(w.rules);
  add_group(w, axis(2, 0), {{0}, {1}, {2}, {3}, {4}});
  GroupState& g = w.groups[0];
  push_message(g, 3, MessageKind::content, unit({0.6f, 0.8f}), 1.0f).question = true;
  push_message(g, 3, MessageKind::content, axis(2, 0), 1.0f).question = true;
  push_message(g, 3, MessageKind::content, axis(2, 0), 1.0f);  // a statement: no demand
  push_message(g, 3, MessageKind::content, axis(2, 0), 1.0f, 1.0f, true).question =
      true;  // removed
  read_messages(w, 0, 3);
  const auto& m = g.members;
  CHECK(m.demand_today[0] == Approx(1.6));
  CHECK(m.demand_today[1] == 0);  // a peer's question is not a burden
  CHECK(m.demand_today[2] == 0);
  CHECK(m.demand_today[3] == 0);                      // nor one's own
  CHECK(m.demand_today[4] == Approx(1.6 * 2.0 / 3));  // read a share 2/3 of the feed
  read_messages(w, 0, 4);                             // accumulates over the day
  CHECK(m.demand_today[0] == Approx(3.2));
}

TEST_CASE("ads record the readers they reach: the sum of their read shares",
          "[mechanism][reading]") {
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 1.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 24.0f * 2},  // 2 of 5 an hour
                                    {axis(2, 0), 1.0f, 1.0f, 2400.0f},    // muted: 10 of 5
                                    {axis(2, 1), 1.0f, 1.0f, 2400.0f, true},
                                    {axis(2, 1), 1.0f, 1.0f, 2400.0f, true}};
  World w = make_world(2, people);
  reading_rules(w.rules);
  w.rules.set(param::reading::muted_reading, 0.1);
  add_group(w, axis(2, 0),
            {{0}, {1}, {2, 0, 0.5f, MemberState::muted}, {3, ad_account}, {4, ad_account}});
  GroupState& g = w.groups[0];
  push_message(g, 3, MessageKind::ad, axis(2, 1));
  push_message(g, 3, MessageKind::ad, axis(2, 1));
  push_message(g, 4, MessageKind::ad, axis(2, 1), 1.0f, 1.0f, true);  // removed: reaches nobody
  push_message(g, 0, MessageKind::content, axis(2, 0));
  push_message(g, 1, MessageKind::content, axis(2, 0));
  push_message(g, 2, MessageKind::content, axis(2, 0));
  read_messages(w, 0, 3);                    // 5 visible
  const double reach = 1.0 + 2.0 / 5 + 1.0;  // muted: 100·0.1 = 10 an hour, reads all
  CHECK(g.members.reach_today[3] == Approx(2 * reach));
  CHECK(g.members.reach_today[4] == 0);
  CHECK(g.inbox[0].reach == Approx(reach));
  g.inbox.clear();  // the next hour: one ad alone, read in full by all three
  push_message(g, 3, MessageKind::ad, axis(2, 1));
  read_messages(w, 0, 4);
  CHECK(g.members.reach_today[3] == Approx(2 * reach + 3.0));  // reach accumulates
}

TEST_CASE("visible messages but ads are remembered for the reply window, openers marked",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  GroupState& g = w.groups[0];
  push_message(g, 1, MessageKind::content, axis(2, 0)).question = true;
  push_message(g, 0, MessageKind::content, axis(2, 0)).reply_to = 7;
  push_message(g, 2, MessageKind::ad, axis(2, 0));
  push_message(g, 1, MessageKind::chat, axis(2, 0), 1.0f, 1.0f, true);  // removed
  push_message(g, never, MessageKind::programme, axis(2, 0));
  push_message(g, 1, MessageKind::dispute, axis(2, 1));
  read_messages(w, 0, at(2, 6));
  REQUIRE(g.recent.size() == 4);
  const RecentMessage& q = g.recent[0];
  CHECK(q.id == g.inbox[0].id);
  CHECK(q.poster == 1);
  CHECK(q.posted == at(2, 6));
  CHECK(q.kind == MessageKind::content);
  CHECK(q.question);
  CHECK(q.opener);
  CHECK(q.replies == 0);
  CHECK(g.recent[1].id == g.inbox[1].id);
  CHECK(g.recent[1].poster == 0);
  CHECK_FALSE(g.recent[1].opener);     // a reply
  CHECK(g.recent[2].poster == never);  // the programme post
  CHECK(g.recent[2].kind == MessageKind::programme);
  CHECK(g.recent[3].kind == MessageKind::dispute);
  CHECK(g.today.member_posts == 3);  // the question, the reply, the complaint
}

namespace {

// Two posters (slots 0 and 1, value 1, satisfaction 0: they never answer) and `readers`
// readers (slots 2.., person = slot) of the given value, activity and satisfaction, all with
// interest on the first axis and attention for 100 messages an hour; `friends_of_1`: every
// reader is a friend of poster 1.
void reply_rules(sim::ParamValues& p) {
  reading_rules(p);
  p.set(param::members::reply_rate, 0.25);
  p.set(param::members::reply_ties, 2.0);
  p.set(param::members::question_pull, 3.0);
  p.set(param::members::chat_pull, 1.0);
  p.set(param::moderation::dispute_pull, 1.0);
  p.set(param::groups::programme_prompt, 0.5);
  p.set(param::members::prompt_activity_half, 0.1);
  p.set(param::members::wariness_silence, 0.5);
}

World reply_world(std::size_t readers, float activity, float value, float satisfaction,
                  bool friends_of_1 = false) {
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 1.0f, 2400.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 2400.0f}};
  std::vector<sim::Edge> edges;
  for (std::size_t i = 0; i < readers; ++i) {
    people.push_back({axis(2, 0), activity, value, 2400.0f});
    if (friends_of_1) edges.push_back({1, static_cast<PersonId>(2 + i)});
  }
  World w = make_world(2, people, edges);
  reply_rules(w.rules);
  std::vector<MemberSpec> members = {{0, 0, 0.0f}, {1, 0, 0.0f}};
  for (std::size_t i = 0; i < readers; ++i)
    members.push_back({static_cast<PersonId>(2 + i), 0, satisfaction});
  add_group(w, axis(2, 0), members);
  return w;
}

struct ReplyTally {
  std::map<std::size_t, std::uint64_t> by_target;  // by the target's place in the inbox
  std::vector<std::uint64_t> by_person;
  std::uint64_t replies = 0;
  int most_in_an_hour = 0;  // most answers one member decided in one hour
};

// Runs `hours` hours of reading; each hour the inbox is refilled by `fill` and the replies
// decided are tallied (pending posts and the recent list cleared each hour).
template <class Fill>
ReplyTally run_replies(World& w, Fill fill, int hours, Tick first = 0) {
  GroupState& g = w.groups[0];
  ReplyTally out;
  out.by_person.assign(w.people.size, 0);
  for (int h = 0; h < hours; ++h) {
    g.inbox.clear();
    g.pending.clear();
    g.recent.clear();
    fill(g);
    read_messages(w, 0, first + static_cast<Tick>(h));
    std::map<PersonId, int> per_person;
    for (const PendingPost& pp : g.pending) {
      std::size_t j = 0;
      while (j < g.inbox.size() && g.inbox[j].id != pp.reply_to) ++j;
      REQUIRE(j < g.inbox.size());
      ++out.by_target[j];
      ++out.by_person[pp.person];
      ++out.replies;
      out.most_in_an_hour = std::max(out.most_in_an_hour, ++per_person[pp.person]);
    }
  }
  return out;
}

std::uint64_t count(const std::map<std::size_t, std::uint64_t>& m, std::size_t j) {
  auto it = m.find(j);
  return it == m.end() ? 0 : it->second;
}

const Eigen::VectorXf half_relevant = unit({0.5f, std::sqrt(0.75f)});  // relevance 0.5

}  // namespace

TEST_CASE("a member answers within the hour with probability 1 - exp(-sum of r_ij)",
          "[mechanism][reading][replies]") {
  // reply_rate 0.25, activity 2: k = 0.5 for a fully relevant post of the reader's value;
  // λ = ρ · 2s · (1 - 0.5·wariness) · Σ k.
  const std::size_t readers = 200;
  const int hours = 20;
  const double trials = double(readers) * hours;
  struct Case {
    const char* name;
    float satisfaction, wariness, attention;
    bool two_messages;
    double lambda;
  };
  for (const Case& c : {Case{"one post, s = 0.5", 0.5f, 0.0f, 2400.0f, false, 0.5},
                        Case{"two posts (relevance 1 and 0.5)", 0.5f, 0.0f, 2400.0f, true, 0.75},
                        Case{"s = 0.25", 0.25f, 0.0f, 2400.0f, false, 0.25},
                        Case{"wariness 0.6", 0.5f, 0.6f, 2400.0f, false, 0.5 * 0.7},
                        Case{"reads half the feed", 0.5f, 0.0f, 24.0f, false, 0.25}}) {
    World w = reply_world(readers, 2.0f, 1.0f, c.satisfaction);
    for (std::size_t i = 2; i < readers + 2; ++i) {
      w.groups[0].members.wariness[i] = c.wariness;
      w.people.attention[i] = c.attention;
    }
    const ReplyTally t = run_replies(
        w,
        [&](GroupState& g) {
          push_message(g, 0, MessageKind::content, axis(2, 0));
          if (c.two_messages) push_message(g, 0, MessageKind::content, half_relevant);
          if (c.attention < 100)
            push_message(g, 0, MessageKind::content, axis(2, 1));  // irrelevant
        },
        hours);
    const double expected = 1.0 - std::exp(-c.lambda);
    INFO(c.name << ": answered " << t.replies / trials << ", expected " << expected);
    CHECK(std::abs(t.replies / trials - expected) < 5 * binomial_se(expected, trials));
    CHECK(t.most_in_an_hour <= 1);
    CHECK(t.by_person[0] + t.by_person[1] == 0);  // satisfaction 0: no answers
  }
}

TEST_CASE("one answer an hour at most, to a message chosen in proportion to keenness",
          "[mechanism][reading][replies]") {
  // reply_rate 5: λ ≈ 15, everyone answers; relevance 1 vs 0.5: targets 2/3 vs 1/3. Ads,
  // removed posts and one's own are never answered.
  const std::size_t readers = 200;
  const int hours = 10;
  World w = reply_world(readers, 2.0f, 1.0f, 0.5f);
  w.rules.set(param::members::reply_rate, 5.0);
  const ReplyTally t = run_replies(
      w,
      [&](GroupState& g) {
        push_message(g, 0, MessageKind::content, axis(2, 0));                    // k = 10
        push_message(g, 1, MessageKind::content, half_relevant);                 // k = 5
        push_message(g, 0, MessageKind::content, axis(2, 0), 1.0f, 1.0f, true);  // removed
      },
      hours);
  const double n = double(readers) * hours;
  CHECK(t.most_in_an_hour == 1);
  CHECK(t.replies >= n - 10);  // 1 - exp(-15) per member-hour
  CHECK(count(t.by_target, 2) == 0);
  const double share0 = double(count(t.by_target, 0)) / t.replies;
  CHECK(std::abs(share0 - 2.0 / 3) < 5 * binomial_se(2.0 / 3, double(t.replies)));

  // One's own post is never answered by oneself; everyone else answers it.
  World own = reply_world(readers, 2.0f, 1.0f, 0.5f);
  own.rules.set(param::members::reply_rate, 5.0);
  const ReplyTally o = run_replies(
      own, [](GroupState& g) { push_message(g, 2, MessageKind::content, axis(2, 0)); }, 5);
  CHECK(o.by_person[2] == 0);
  CHECK(o.replies >= (readers - 1) * 5 - 5);
}

TEST_CASE("friends answer friends: keenness times 1 + reply_ties",
          "[mechanism][reading][replies]") {
  const std::size_t readers = 200;
  for (double ties : {2.0, 0.0, 5.0}) {
    INFO("reply_ties " << ties);
    // Choice between a stranger's post (slot 0) and a friend's (slot 1) of equal worth.
    World w = reply_world(readers, 2.0f, 1.0f, 0.5f, /*friends_of_1=*/true);
    w.rules.set(param::members::reply_ties, ties);
    w.rules.set(param::members::reply_rate, 5.0);
    const ReplyTally t = run_replies(
        w,
        [](GroupState& g) {
          push_message(g, 0, MessageKind::content, axis(2, 0));
          push_message(g, 1, MessageKind::content, axis(2, 0));
        },
        10);
    const double p = (1 + ties) / (2 + ties);
    CHECK(std::abs(double(count(t.by_target, 1)) / t.replies - p) <
          5 * binomial_se(p, double(t.replies)));

    // The rate of answering a friend's post alone: λ = 0.5·(1 + ties).
    World slow = reply_world(readers, 2.0f, 1.0f, 0.5f, true);
    slow.rules.set(param::members::reply_ties, ties);
    const ReplyTally s = run_replies(
        slow, [](GroupState& g) { push_message(g, 1, MessageKind::content, axis(2, 0)); }, 20);
    const double expected = 1 - std::exp(-0.5 * (1 + ties));
    const double trials = double(readers) * 20;
    CHECK(std::abs(s.replies / trials - expected) < 5 * binomial_se(expected, trials));
  }
}

TEST_CASE("questions pull answers from readers of higher value: question_pull·2v/(v + q)",
          "[mechanism][reading][replies]") {
  // A question of an asker of value 1, read in full, relevance 1, by readers of value 3, 1 and
  // 0.5 (activity 2, s = 0.5): λ = 0.25·2·3·2v/(v+1) = 1.5·2v/(v+1) · reply_rate/0.25. With
  // reply_rate 0.05: 0.45, 0.3, 0.2. A statement by the same asker: λ = 0.1·2/(1+v).
  const std::size_t readers = 150;
  const int hours = 30;
  for (bool question : {true, false}) {
    for (float v : {3.0f, 1.0f, 0.5f}) {
      World w = reply_world(readers, 2.0f, v, 0.5f);
      w.rules.set(param::members::reply_rate, 0.05);
      const ReplyTally t = run_replies(
          w,
          [&](GroupState& gg) {
            push_message(gg, 0, MessageKind::content, axis(2, 0)).question = question;
          },
          hours);
      const double lambda =
          question ? 0.05 * 2 * 3.0 * 2 * v / (v + 1.0) : 0.05 * 2 * 2.0 / (1.0 + v);
      const double expected = 1 - std::exp(-lambda);
      const double trials = double(readers) * hours;
      INFO((question ? "question" : "statement")
           << ", reader value " << v << ": " << t.replies / trials << " expected " << expected);
      CHECK(std::abs(t.replies / trials - expected) < 5 * binomial_se(expected, trials));
    }
  }
}

TEST_CASE(
    "scheduled prompts ask lurkers too: programme_prompt·relevance·a/(a + prompt_activity_half)",
    "[mechanism][reading][replies]") {
  // s = 0.5, read in full: λ = prompt · relevance · a/(a + half). A lurker of activity 0.1
  // with half 0.1 answers half as readily as the most talkative; reply_rate plays no part.
  const std::size_t readers = 200;
  const int hours = 20;
  const double trials = double(readers) * hours;
  for (float activity : {0.1f, 3.0f}) {
    for (double prompt : {0.8, 0.0}) {
      for (bool half : {false, true}) {
        World w = reply_world(readers, activity, 1.0f, 0.5f);
        w.rules.set(param::groups::programme_prompt, prompt);
        w.rules.set(param::members::prompt_activity_half, 0.1);
        w.rules.set(param::members::reply_rate, 0.0);  // members' posts draw no answers
        const ReplyTally t = run_replies(
            w,
            [&](GroupState& g) {
              push_message(g, never, MessageKind::programme, half ? half_relevant : axis(2, 0),
                           0.3f);
              push_message(g, 0, MessageKind::content, axis(2, 0));
            },
            hours);
        const double lambda = prompt * (half ? 0.5 : 1.0) * activity / (activity + 0.1);
        const double expected = 1 - std::exp(-lambda);
        INFO("activity " << activity << " prompt " << prompt << " relevance "
                         << (half ? 0.5 : 1.0));
        CHECK(std::abs(t.replies / trials - expected) < 5 * binomial_se(expected, trials) + 1e-12);
        CHECK(count(t.by_target, 1) == 0);
      }
    }
  }
  // Lurkers answer no member's post, however relevant; silent readers (activity 0) not even a
  // prompt.
  World lurkers = reply_world(readers, 0.0f, 1.0f, 1.0f);
  lurkers.rules.set(param::members::reply_rate, 100.0);
  lurkers.rules.set(param::groups::programme_prompt, 100.0);
  const ReplyTally t = run_replies(
      lurkers,
      [](GroupState& g) {
        push_message(g, 0, MessageKind::content, axis(2, 0));
        push_message(g, 0, MessageKind::content, axis(2, 0)).question = true;
        push_message(g, 0, MessageKind::chat, axis(2, 0));
        push_message(g, never, MessageKind::programme, axis(2, 0), 0.3f);
      },
      5);
  CHECK(t.replies == 0);
}

TEST_CASE("chat and complaints draw answers by chat_pull and dispute_pull, whatever their topic",
          "[mechanism][reading][replies]") {
  // Off-topic (relevance 0): λ = reply_rate·activity·pull·2s = 0.5·pull.
  const std::size_t readers = 200;
  const int hours = 20;
  const double trials = double(readers) * hours;
  struct Case {
    MessageKind kind;
    double pull;
  };
  for (const Case& c : {Case{MessageKind::chat, 1.0}, Case{MessageKind::chat, 0.0},
                        Case{MessageKind::dispute, 0.4}, Case{MessageKind::dispute, 2.0}}) {
    World w = reply_world(readers, 2.0f, 1.0f, 0.5f);
    w.rules.set(param::members::chat_pull, c.kind == MessageKind::chat ? c.pull : 7.0);
    w.rules.set(param::moderation::dispute_pull, c.kind == MessageKind::dispute ? c.pull : 7.0);
    const ReplyTally t = run_replies(
        w, [&](GroupState& g) { push_message(g, 0, c.kind, axis(2, 1)); }, hours);
    const double expected = 1 - std::exp(-0.5 * c.pull);
    INFO((c.kind == MessageKind::chat ? "chat" : "dispute") << " pull " << c.pull);
    CHECK(std::abs(t.replies / trials - expected) < 5 * binomial_se(expected, trials) + 1e-12);
  }
}

TEST_CASE("muted members, ad accounts and the dissatisfied do not answer, ads draw no answers",
          "[mechanism][reading][replies]") {
  const std::size_t readers = 50;
  World w = reply_world(readers, 2.0f, 1.0f, 1.0f);
  w.rules.set(param::members::reply_rate, 100.0);
  w.rules.set(param::reading::muted_reading, 1.0);  // the muted read everything
  auto& m = w.groups[0].members;
  for (std::size_t i = 2; i < 12; ++i) m.state[i] = MemberState::muted;
  for (std::size_t i = 12; i < 22; ++i) m.satisfaction[i] = 0.0f;
  for (std::size_t i = 22; i < 32; ++i) m.flags[i] |= ad_account;
  const ReplyTally t = run_replies(
      w, [](GroupState& g) { push_message(g, 0, MessageKind::content, axis(2, 0)); }, 5);
  for (PersonId p = 2; p < 32; ++p) CHECK(t.by_person[p] == 0);
  for (PersonId p = 32; p < readers + 2; ++p) CHECK(t.by_person[p] == 5);
  // The muted still read (benefit), they only keep quiet.
  CHECK(m.benefit_today[2] > 0);

  World ads = reply_world(readers, 2.0f, 1.0f, 1.0f);
  ads.rules.set(param::members::reply_rate, 100.0);
  const ReplyTally none = run_replies(
      ads, [](GroupState& g) { push_message(g, 0, MessageKind::ad, axis(2, 0)); }, 5);
  CHECK(none.replies == 0);
}

TEST_CASE("a reply decided while reading carries its target's kind, id, question, novelty, topic",
          "[mechanism][reading][replies]") {
  World w = reply_world(1, 2.0f, 1.0f, 1.0f);
  w.rules.set(param::members::reply_rate, 1000.0);
  w.rules.set(param::groups::programme_prompt, 1000.0);
  w.rules.set(param::members::prompt_activity_half, 0.1);
  GroupState& g = w.groups[0];
  g.next_message_id = 70;
  const Eigen::VectorXf topic = unit({0.6f, 0.8f});
  Message& q = push_message(g, 0, MessageKind::content, topic, 1.0f, 0.4f);
  q.question = true;
  read_messages(w, 0, 5);
  REQUIRE(g.pending.size() == 1);
  CHECK(g.pending[0].person == 2);
  CHECK(g.pending[0].kind == MessageKind::content);
  CHECK(g.pending[0].reply_to == 70);
  CHECK(g.pending[0].answers_question);
  CHECK(g.pending[0].novelty == Approx(0.4f));
  CHECK((g.pending_topics.col(0) - topic).norm() < 1e-6f);

  g.inbox.clear();
  g.pending.clear();
  push_message(g, never, MessageKind::programme, axis(2, 0), 0.3f, 1.0f);
  read_messages(w, 0, 6);
  REQUIRE(g.pending.size() == 1);
  CHECK(g.pending[0].kind == MessageKind::programme);
  CHECK(g.pending[0].reply_to == 71);
  CHECK_FALSE(g.pending[0].answers_question);
  CHECK(g.pending[0].novelty == 1.0f);
  CHECK((g.pending_topics.col(0) - axis(2, 0)).norm() < 1e-6f);
}

namespace {

// Slot = person: 0 an asker of value 1, 1 an expert of value 3, 2 a peer of value 1, 3 a
// member who left. Nobody reads (attention 0): what they gain comes from answers alone.
World credit_world() {
  std::vector<PersonSpec> people = {{axis(2, 0), 1.0f, 1.0f, 0.0f},
                                    {axis(2, 0), 1.0f, 3.0f, 0.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 0.0f},
                                    {axis(2, 0), 1.0f, 1.0f, 0.0f}};
  World w = make_world(2, people);
  reply_rules(w.rules);
  w.rules.set(param::satisfaction::answered_value, 1.0);
  w.rules.set(param::satisfaction::unanswered_cost, 0.3);
  w.rules.set(param::members::reply_window_hours, 24);
  add_group(w, axis(2, 0), {{0}, {1}, {2}, {3, 0, 0.5f, MemberState::left}});
  return w;
}

void remember(GroupState& g, std::uint32_t id, PersonId poster, Tick posted, MessageKind kind,
              bool question, bool opener = true, std::uint16_t replies = 0) {
  g.recent.push_back({id, poster, posted, kind, question, opener, replies});
}

Message& reply(GroupState& g, std::uint32_t slot, std::uint32_t to, float quality,
               bool removed = false) {
  Message& m = push_message(g, slot, MessageKind::content, axis(2, 0), quality, 1.0f, removed);
  m.reply_to = to;
  return m;
}

}  // namespace

TEST_CASE(
    "an answer to a question helps the asker by answered_value·2q/(q+v) and thanks the answerer",
    "[mechanism][reading][replies]") {
  World w = credit_world();
  w.rules.set(param::satisfaction::answered_value, 1.5);
  GroupState& g = w.groups[0];
  const Tick t = at(1, 4);
  remember(g, 10, 0, t - 1, MessageKind::content, true);   // slot 0's question
  remember(g, 11, 2, t - 1, MessageKind::content, false);  // slot 2's statement
  remember(g, 12, 1, t - 2, MessageKind::content, true);   // the expert's question
  remember(g, 13, 3, t - 2, MessageKind::content, true);   // a question by one who left
  g.next_message_id = 20;
  reply(g, 1, 10, 3.0f);        // the expert answers: 1.5·2·3/4 = 2.25, thanks to slot 1
  reply(g, 2, 10, 1.0f);        // a peer answers: 1.5·2·1/2 = 1.5, thanks to slot 2
  reply(g, 1, 11, 3.0f);        // a reply to a statement: slot 2 is heard
  reply(g, 0, 12, 1.0f);        // a novice answers the expert: 1.5·2·1/4 = 0.75; thanks to 0
  reply(g, 2, 11, 1.0f, true);  // removed: nothing
  reply(g, 2, 13, 1.0f);        // the asker left: nobody to help or to thank
  reply(g, 0, 5, 1.0f);         // to a message out of the window: a reply, no credit
  read_messages(w, 0, t);
  const auto& m = g.members;
  CHECK(m.benefit_today[0] == Approx(2.25 + 1.5));
  CHECK(m.benefit_today[1] == Approx(0.75));
  CHECK(m.benefit_today[2] == 0);
  CHECK(m.heard_today[0] == Approx(1));      // thanked for answering the expert
  CHECK(m.heard_today[1] == Approx(1));      // thanked for answering slot 0
  CHECK(m.heard_today[2] == Approx(1 + 1));  // answered 10; its statement was heard
  CHECK(m.benefit_today[3] == 0);
  CHECK(m.heard_today[3] == 0);
  CHECK(g.today.replies == 6);  // visible replies
  REQUIRE(g.recent.size() >= 4);
  CHECK(g.recent[0].replies == 2);
  CHECK(g.recent[1].replies == 1);
  CHECK(g.recent[2].replies == 1);
  CHECK(g.recent[3].replies == 1);
}

TEST_CASE("a reply to a scheduled post credits nobody but counts as a reply",
          "[mechanism][reading][replies]") {
  World w = credit_world();
  GroupState& g = w.groups[0];
  const Tick t = at(1, 22);
  remember(g, 4, never, t - 1, MessageKind::programme, false);
  reply(g, 1, 4, 3.0f);
  reply(g, 2, 4, 1.0f);
  read_messages(w, 0, t);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(g.members.benefit_today[i] == 0);
    CHECK(g.members.heard_today[i] == 0);
  }
  CHECK(g.recent[0].replies == 2);
  CHECK(g.today.replies == 2);
}

TEST_CASE(
    "a thread opener nobody answered within the reply window costs its poster unanswered_cost",
    "[mechanism][reading][replies]") {
  World w = credit_world();
  GroupState& g = w.groups[0];
  const Tick t = at(5, 10);
  remember(g, 1, 0, t - 25, MessageKind::content, false, true, 0);   // unanswered: costs 0
  remember(g, 2, 1, t - 25, MessageKind::content, false, true, 2);   // answered
  remember(g, 3, 1, t - 24, MessageKind::content, true, true, 0);    // a question: costs 1
  remember(g, 4, 2, t - 24, MessageKind::chat, false, true, 0);      // chat: expects nothing
  remember(g, 5, 2, t - 24, MessageKind::content, false, false, 0);  // a reply
  remember(g, 6, never, t - 24, MessageKind::programme, false, true, 0);
  remember(g, 7, 2, t - 24, MessageKind::dispute, false, true, 0);  // a complaint
  remember(g, 8, 3, t - 24, MessageKind::content, false, true, 0);  // the poster left
  remember(g, 9, 2, t - 23, MessageKind::content, false, true, 0);  // still in the window
  read_messages(w, 0, t);                                           // an empty hour
  const auto& m = g.members;
  CHECK(m.cost_today[0] == Approx(0.3));
  CHECK(m.cost_today[1] == Approx(0.3));
  CHECK(m.cost_today[2] == 0);
  CHECK(g.today.expired == 4);  // member openers of content: 1, 2, 3, 8
  CHECK(g.today.expired_answered == 1);
  REQUIRE(g.recent.size() == 1);
  CHECK(g.recent[0].id == 9);
  read_messages(w, 0, t + 1);
  CHECK(m.cost_today[2] == Approx(0.3));
  CHECK(g.recent.empty());
}

TEST_CASE("a post and its answer through reading: answered in the window, no cost, else the cost",
          "[mechanism][reading][replies]") {
  World w = credit_world();
  w.rules.set(param::members::reply_window_hours, 6);
  GroupState& g = w.groups[0];
  const Tick t0 = at(2, 8);
  push_message(g, 0, MessageKind::content, axis(2, 0));  // answered below
  push_message(g, 2, MessageKind::content, axis(2, 0));  // never answered
  const std::uint32_t first = g.inbox[0].id;
  read_messages(w, 0, t0);
  for (Tick t = t0 + 1; t < t0 + 6; ++t) {
    g.inbox.clear();
    if (t == t0 + 5) reply(g, 1, first, 3.0f);  // in the last hour of the window
    read_messages(w, 0, t);
  }
  CHECK(g.members.cost_today[0] == 0);
  CHECK(g.members.cost_today[2] == 0);
  CHECK(g.members.heard_today[0] == Approx(1));
  g.inbox.clear();
  read_messages(w, 0, t0 + 6);  // both leave the window
  CHECK(g.members.cost_today[0] == 0);
  CHECK(g.members.cost_today[2] == Approx(0.3));
  CHECK(g.today.expired == 2);
  CHECK(g.today.expired_answered == 1);
}

TEST_CASE("a self-introduction draws welcomes by welcome_pull, whatever its topic (C29)",
          "[mechanism][reading][replies]") {
  // Off-topic (relevance 0): as chat, λ = reply_rate·activity·welcome_pull·2s = 0.5·pull.
  const std::size_t readers = 200;
  const int hours = 20;
  const double trials = double(readers) * hours;
  for (double pull : {0.0, 0.6, 3.0}) {
    World w = reply_world(readers, 2.0f, 1.0f, 0.5f);
    w.rules.set(param::members::welcome_pull, pull);
    const ReplyTally t = run_replies(
        w,
        [&](GroupState& g) {
          push_message(g, 0, MessageKind::content, axis(2, 1)).introduction = true;
        },
        hours);
    const double expected = 1 - std::exp(-0.5 * pull);
    INFO("welcome_pull " << pull);
    CHECK(std::abs(t.replies / trials - expected) < 5 * binomial_se(expected, trials) + 1e-12);
  }
}

TEST_CASE("ads confined to a thread are read in part: cost and reach times ad_thread_reading",
          "[mechanism][reading]") {
  World w = reading_world(24.0f * 100);
  w.rules.set(param::groups::ads, AdsPolicy::thread);
  w.rules.set(param::reading::ad_thread_reading, 0.2);
  GroupState& g = w.groups[0];
  push_message(g, 2, MessageKind::ad, axis(2, 0), 5.0f, 1.0f);
  read_messages(w, 0, 3);
  CHECK(g.members.cost_today[0] == Approx(0.2 * (0.15 + 1.0)));
  CHECK(g.members.cost_today[1] == Approx(0.2 * (0.15 + 1.0)));
  CHECK(g.members.reach_today[2] == Approx(0.2 * 2));  // two readers, each reads all but 0.8
  CHECK(g.today.messages[static_cast<int>(MessageKind::ad)] == 1);  // still visible
}
