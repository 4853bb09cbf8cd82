#include "models/community/mechanisms/reading.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/mechanisms/ads_policy.hpp"
#include "models/community/mechanisms/attention.hpp"
#include "models/community/mechanisms/introductions.hpp"
#include "models/community/mechanisms/moderation.hpp"
#include "models/community/mechanisms/programme.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"

namespace community {

using namespace param;

double message_worth(const sim::ParamValues& r, MessageKind kind, double relevance, double quality,
                     double reader_value) {
  switch (kind) {
    case MessageKind::ad:
      return -r[reading::ad_cost];
    case MessageKind::dispute:
      return -r[reading::dispute_cost];
    case MessageKind::chat:
      return r[reading::chat_value];  // social, whatever it is about
    case MessageKind::content:
    case MessageKind::programme:
      return relevance *
             std::pow(2.0 * quality / (quality + reader_value + 1e-9), r[reading::value_gap]);
  }
  return 0;
}

namespace {

// Replies made visible this hour: the messages they answer gain a reply, and their posters
// the worth of being answered.
void credit_answers(World& w, GroupState& g) {
  const auto& r = g.rules.values();
  const double help = r[satisfaction::answered_value];
  auto& m = g.members;
  for (const Message& msg : g.inbox) {
    if (msg.removed || msg.reply_to == never) continue;
    ++g.today.replies;
    auto it = std::lower_bound(g.recent.begin(), g.recent.end(), msg.reply_to,
                               [](const RecentMessage& a, std::uint32_t id) { return a.id < id; });
    if (it == g.recent.end() || it->id != msg.reply_to) continue;  // out of the window
    ++it->replies;
    const std::uint32_t poster = it->poster == never ? never : g.slot(it->poster);
    if (poster == never || poster == msg.poster_slot) continue;
    const double v = w.people.value[m.person[poster]];
    if (it->question)
      m.benefit_today[poster] +=
          static_cast<float>(help * 2.0 * msg.quality / (msg.quality + v + 1e-9));
    else
      m.heard_today[poster] += 1.0f;
    // Who answers a question is thanked for it: recognition of one's help (C14, C26).
    if (it->question && msg.poster_slot != never) m.heard_today[msg.poster_slot] += 1.0f;
  }
}

// Messages older than the reply window leave it; a member's post nobody answered costs them.
void expire_recent(GroupState& g, Tick t) {
  const auto window = static_cast<Tick>(g.rules[members::reply_window_hours]);
  const double cost = g.rules[satisfaction::unanswered_cost];
  std::size_t gone = 0;
  for (; gone < g.recent.size() && g.recent[gone].posted + window <= t; ++gone) {
    const RecentMessage& e = g.recent[gone];
    if (e.poster == never || !e.opener || e.kind != MessageKind::content) continue;
    ++g.today.expired;
    if (e.replies > 0) {
      ++g.today.expired_answered;
      continue;
    }
    const std::uint32_t slot = g.slot(e.poster);
    if (slot != never) g.members.cost_today[slot] += static_cast<float>(cost);
  }
  g.recent.erase(g.recent.begin(), g.recent.begin() + static_cast<std::ptrdiff_t>(gone));
}

// The event log's rows for this hour's member posts: a reply names the person it answers when
// the message it answers is still in the reply window.
void log_posts(const World& w, GroupState& g, Tick t) {
  if (!w.logging) return;
  for (const Message& msg : g.inbox) {
    if (msg.poster_slot == never) continue;  // the organisers' programme
    PersonId answered = never;
    if (msg.reply_to != never) {
      auto it =
          std::lower_bound(g.recent.begin(), g.recent.end(), msg.reply_to,
                           [](const RecentMessage& a, std::uint32_t id) { return a.id < id; });
      if (it != g.recent.end() && it->id == msg.reply_to) answered = it->poster;
    }
    log_event(w, g, t, msg.reply_to == never ? LogKind::post : LogKind::reply,
              g.members.person[msg.poster_slot], detail_of(msg.kind),
              answered == never ? log_none : answered, msg.removed);
  }
}

}  // namespace

void read_messages(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  const int hour = sim::hour_of_day(t);
  std::uint32_t visible = 0;
  for (const auto& msg : g.inbox) visible += !msg.removed;
  g.messages_last_day += visible - g.hourly_messages[hour];
  g.hourly_messages[hour] = visible;
  std::uint32_t chat = 0;
  for (const auto& msg : g.inbox) chat += !msg.removed && msg.kind == MessageKind::chat;
  g.chat_last_day += chat - g.hourly_chat[hour];
  g.hourly_chat[hour] = chat;
  if (!g.alive) {
    g.recent.clear();
    g.pending.clear();
    return;
  }
  log_posts(w, g, t);
  credit_answers(w, g);
  expire_recent(g, t);
  if (visible == 0) return;

  const auto& rr = g.rules.values();
  const double read_cost = rr[reading::read_cost], ad_cost = rr[reading::ad_cost];
  const double muted_reading = rr[reading::muted_reading];
  const double ads_read = ad_read_share(rr);  // a thread of its own is opened now and then
  // What competes for a reader's attention: the feed, less the ads of a thread left unopened.
  double feed = visible;
  if (ads_read < 1.0)
    for (const auto& msg : g.inbox)
      if (!msg.removed && msg.kind == MessageKind::ad) feed -= 1.0 - ads_read;
  const double overload_cost = rr[reading::overload_cost];
  const double reply_rate = rr[members::reply_rate];
  const double ties = rr[members::reply_ties];
  const double pull_question = rr[members::question_pull], pull_chat = rr[members::chat_pull];
  const double pull_programme = rr[groups::programme_prompt];
  const double prompt_half = rr[members::prompt_activity_half];
  const double pull_dispute = rr[moderation::dispute_pull];
  const double pull_welcome = rr[members::welcome_pull];
  const double silence = rr[members::wariness_silence];
  const double hour_share = w.diurnal[hour] / sim::ticks_per_day;
  sim::RandomStream rng(w.seed, purpose::reading, g.id, t);
  auto& m = g.members;
  const std::size_t n_msgs = g.inbox.size();
  auto& pull = g.scratch_values;  // this reader's keenness to answer each message
  pull.assign(n_msgs, 0.0f);
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    const PersonId p = m.person[i];
    double attention = w.people.attention[p] / std::max<int>(1, w.groups_joined[p]) * hour_share;
    const bool muted = m.state[i] == MemberState::muted;
    if (muted) attention *= muted_reading;
    if (attention <= 0) continue;
    const double share = std::min(1.0, attention / feed);
    const auto interest = w.people.interest.col(p);
    const double v = w.people.value[p];
    const double activity = w.people.activity[p];
    double benefit = 0, cost = 0, demand = 0, keen_total = 0;
    for (std::size_t j = 0; j < n_msgs; ++j) {
      Message& msg = g.inbox[j];
      pull[j] = 0;
      if (msg.removed || msg.poster_slot == i) continue;
      if (msg.kind == MessageKind::ad) {
        cost += read_cost * ads_read;
        cost += ad_cost * ads_read;
        msg.reach += static_cast<float>(share * ads_read);
        continue;
      }
      cost += read_cost;
      const double relevance =
          std::max(0.0f, interest.dot(g.topics.col(static_cast<Eigen::Index>(j))));
      const double worth = message_worth(rr, msg.kind, relevance, msg.quality, v);
      if (worth < 0)
        cost -= worth;
      else
        benefit += worth * msg.novelty;
      if (msg.question && v > msg.quality) demand += relevance;  // a peer's is no burden
      if (muted) continue;  // who muted the group does not answer
      // One answers what is worth answering: what one values (novices answer experts, if
      // only to thank them), and questions one can answer (experts answer novices) — the more,
      // the more talkative one is. A scheduled prompt asks everyone: talkers readily, lurkers
      // now and then (a lurker speaks when something concerns them, C4, C25).
      double keen = reply_rate * activity * worth;
      switch (msg.kind) {
        case MessageKind::content:
          if (msg.introduction)
            keen = reply_rate * activity * pull_welcome;
          else if (msg.question)
            keen = reply_rate * activity * relevance * pull_question * 2.0 * v /
                   (v + msg.quality + 1e-9);
          break;
        case MessageKind::programme:
          keen = pull_programme * relevance * activity / (activity + prompt_half);
          break;
        case MessageKind::chat:
          keen = reply_rate * activity * pull_chat;
          break;
        case MessageKind::dispute:
          keen = reply_rate * activity * pull_dispute;
          break;
        case MessageKind::ad:
          keen = 0;
          break;
      }
      if (keen <= 0) continue;
      if (msg.poster_slot != never && g.friends(i, msg.poster_slot)) keen *= 1.0 + ties;
      pull[j] = static_cast<float>(keen);
      keen_total += keen;
    }
    m.benefit_today[i] += static_cast<float>(share * benefit);
    m.cost_today[i] += static_cast<float>(share * cost);
    m.demand_today[i] += static_cast<float>(share * demand);
    if (attention < feed)
      m.cost_today[i] += static_cast<float>(overload_cost * hour_share * (feed / attention - 1.0));
    g.today.value_gained += share * benefit;
    g.lifetime.value_gained += share * benefit;

    // Answering: at most one message an hour, chosen in proportion to keenness.
    if (keen_total <= 0) continue;
    const double lambda = share * keen_total * 2.0 * activity_share(w, g, i) * m.satisfaction[i] *
                          (1.0 - silence * m.wariness[i]);
    const double u = rng.uniform();
    if (u >= lambda || !(u < -std::expm1(-lambda))) continue;
    double pick = rng.uniform() * keen_total;
    std::size_t j = 0;
    while (j + 1 < n_msgs && (pull[j] <= 0 || (pick -= pull[j]) >= 0)) ++j;
    while (pull[j] <= 0) --j;  // rounding ran past the last message one is keen on
    const Message& target = g.inbox[j];
    const auto k = static_cast<Eigen::Index>(g.pending.size());
    if (g.pending_topics.cols() <= k)
      g.pending_topics.conservativeResize(w.people.topics, std::max<Eigen::Index>(8, 2 * k));
    g.pending_topics.col(k) = g.topics.col(static_cast<Eigen::Index>(j));
    g.pending.push_back({p, target.kind, target.id, target.question, target.novelty});
  }

  // The conversation moves towards what was said (ads aside), one message at a time; the
  // visible messages are remembered for the reply window.
  const float eta = static_cast<float>(1.0 / g.rules[members::conversation_memory]);
  for (std::size_t j = 0; j < n_msgs; ++j) {
    const Message& msg = g.inbox[j];
    if (msg.removed) continue;
    ++g.today.messages[static_cast<int>(msg.kind)];
    ++g.lifetime.messages;
    if (msg.kind == MessageKind::ad) {
      ++g.lifetime.ad_messages;
      m.reach_today[msg.poster_slot] += msg.reach;
      continue;
    }
    const bool by_member = msg.poster_slot != never;
    g.today.member_posts += by_member;
    g.conversation =
        (1.0f - eta) * g.conversation + eta * g.topics.col(static_cast<Eigen::Index>(j));
    g.recent.push_back({msg.id, by_member ? m.person[msg.poster_slot] : never, t, msg.kind,
                        msg.question, msg.reply_to == never, 0});
  }
}

}  // namespace community
