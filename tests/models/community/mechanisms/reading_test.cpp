// Reading (models/community/mechanisms/reading.hpp): each member reads a share
// ρ = min(1, attention/visible) of the hour's visible messages (attention = attention/groups
// joined · diurnal/24, times muted_reading when muted); content is worth
// relevance·2q/(q+v)·novelty, chat chat_value·relevance·novelty, ads cost ad_cost; each
// message read costs read_cost; a feed longer than attention costs overload_cost · diurnal/24 ·
// (visible/attention - 1). Visible messages move the conversation and the 24-hour count.
#include <catch2/catch.hpp>
#include <cmath>

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
  push_message(g, 1, MessageKind::chat, axis(2, 0), 1.0f, 1.0f);              // 0.3·1
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
  CHECK(message_worth(r, MessageKind::ad, 0.9, 5.0, 1.0) == Approx(-1.7));
  CHECK(message_worth(r, MessageKind::chat, 0.5, 5.0, 1.0) == Approx(0.15));
  CHECK(message_worth(r, MessageKind::content, 0.5, 3.0, 1.0) == Approx(0.5 * 2 * 3 / 4.0));
  CHECK(message_worth(r, MessageKind::programme, 0.5, 3.0, 1.0) == Approx(0.5 * 2 * 3 / 4.0));
  // Equal quality and value: worth = relevance. Experts gain little from novices (C14).
  CHECK(message_worth(r, MessageKind::content, 0.8, 2.0, 2.0) == Approx(0.8));
  CHECK(message_worth(r, MessageKind::content, 1.0, 0.5, 10.0) == Approx(2 * 0.5 / 10.5));
  CHECK(message_worth(r, MessageKind::content, 1.0, 10.0, 0.5) == Approx(2 * 10 / 10.5));
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
