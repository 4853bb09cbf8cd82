#include "models/community/mechanisms/reading.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/mechanisms/ads_policy.hpp"
#include "models/community/mechanisms/attention.hpp"
#include "models/community/mechanisms/introductions.hpp"
#include "models/community/mechanisms/moderation.hpp"
#include "models/community/mechanisms/programme.hpp"
#include "models/community/member_cache.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/random/distributions.hpp"

namespace community {

using namespace param;

namespace {

// x^gap for every x ≥ 0 of `x`, in place; the exponents used most are exact.
void raise(Eigen::Ref<Eigen::ArrayXf> x, double gap) {
  if (gap == 0)
    x.setOnes();
  else if (gap == 0.5)
    x = x.sqrt();
  else if (gap != 1)
    x = (x.max(1e-30f).log() * static_cast<float>(gap)).exp() * (x > 0).cast<float>();
}

// What a content or programme message of quality q is worth to readers of values v and
// relevances rel, into `out` (all of one length): rel · (2q / (q + v))^value_gap. One gains from
// what is relevant, the less the more one knows already (C14).
void content_worth(Eigen::Ref<Eigen::ArrayXf> out, const Eigen::Ref<const Eigen::ArrayXf>& v,
                   const Eigen::Ref<const Eigen::ArrayXf>& rel, float q, double gap) {
  out = 2.0f * q / (q + v + 1e-9f);
  raise(out, gap);
  out *= rel;
}

}  // namespace

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
    case MessageKind::programme: {
      Eigen::ArrayXf worth(1);
      content_worth(worth, Eigen::ArrayXf::Constant(1, static_cast<float>(reader_value)),
                    Eigen::ArrayXf::Constant(1, static_cast<float>(relevance)),
                    static_cast<float>(quality), r[reading::value_gap]);
      return worth[0];
    }
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

// Per-thread scratch of the reading step: the hour's member × message arrays (vectors that keep
// their capacity, viewed as Eigen arrays: groups of every size share them without allocating).
struct ReadingScratch {
  std::vector<std::uint32_t> visible;  // inbox indexes of the visible messages
  std::vector<float> topics, relevance, keen;
  std::vector<float> share, answers, benefit, cost, demand, keen_total, worth;  // by member
  std::vector<double> rate_sum;
  std::vector<std::uint32_t> repliers;
};

// `v` resized to n, as an Eigen array over its storage.
Eigen::Map<Eigen::ArrayXf> as_array(std::vector<float>& v, Eigen::Index n) {
  v.resize(static_cast<std::size_t>(n));
  return {v.data(), n};
}

// Reading and answering for the hour's `visible` (> 0) messages (the rules in reading.hpp).
// The member × message work is done a message at a time over all members at once: one matrix
// product gives every relevance, and each message's worth, cost and keenness are array
// operations down a column; the friends of a poster are found from the poster's own list.
void answer_and_take_in(World& w, GroupState& g, Tick t, std::uint32_t visible_count) {
  const auto& rr = g.rules.values();
  const double read_cost = rr[reading::read_cost], ad_cost = rr[reading::ad_cost];
  const double muted_reading = rr[reading::muted_reading];
  const double ads_read = ad_read_share(rr);  // a thread of its own is opened now and then
  // What competes for a reader's attention: the feed, less the ads of a thread left unopened.
  double feed = visible_count;
  if (ads_read < 1.0)
    for (const auto& msg : g.inbox)
      if (!msg.removed && msg.kind == MessageKind::ad) feed -= 1.0 - ads_read;
  const double overload_cost = rr[reading::overload_cost];
  const auto reply_rate = static_cast<float>(rr[members::reply_rate]);
  const auto ties = static_cast<float>(rr[members::reply_ties]);
  const auto pull_question = static_cast<float>(rr[members::question_pull]);
  const auto pull_chat = static_cast<float>(rr[members::chat_pull]);
  const auto pull_programme = static_cast<float>(rr[groups::programme_prompt]);
  const auto prompt_half = static_cast<float>(rr[members::prompt_activity_half]);
  const auto pull_dispute = static_cast<float>(rr[moderation::dispute_pull]);
  const auto pull_welcome = static_cast<float>(rr[members::welcome_pull]);
  const double gap = rr[reading::value_gap];
  const double chat_value = rr[reading::chat_value];
  const double dispute_cost = rr[reading::dispute_cost];
  const double silence = rr[members::wariness_silence];
  const double hour_share = w.diurnal[sim::hour_of_day(t)] / sim::ticks_per_day;
  sim::RandomStream rng(w.seed, purpose::reading, g.id, t);
  refresh_member_cache(w, g, t);
  const MemberCache& c = g.cache;
  auto& m = g.members;
  const auto n = static_cast<Eigen::Index>(m.slots());
  const int K = w.people.topics;

  thread_local ReadingScratch scratch;
  auto& s = scratch;
  s.visible.clear();
  for (std::size_t j = 0; j < g.inbox.size(); ++j)
    if (!g.inbox[j].removed) s.visible.push_back(static_cast<std::uint32_t>(j));
  const auto nv = static_cast<Eigen::Index>(s.visible.size());

  // Who reads, and what share ρ = min(1, attention/feed) of each message; who may answer.
  auto share = as_array(s.share, n), answers = as_array(s.answers, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    share[i] = answers[i] = 0;
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    const bool muted = m.state[i] == MemberState::muted;
    const double attention = c.attention[i] * hour_share * (muted ? muted_reading : 1.0);
    if (attention <= 0) continue;
    share[i] = static_cast<float>(std::min(1.0, attention / feed));
    answers[i] = muted ? 0.0f : 1.0f;  // who muted the group does not answer
    if (attention < feed)
      m.cost_today[i] += static_cast<float>(overload_cost * hour_share * (feed / attention - 1.0));
  }

  // Relevance max(0, interest_i · topic_j) of every visible message to every member.
  s.topics.resize(static_cast<std::size_t>(K * nv));
  Eigen::Map<Eigen::MatrixXf> topics(s.topics.data(), K, nv);
  for (Eigen::Index jj = 0; jj < nv; ++jj) topics.col(jj) = g.topics.col(s.visible[jj]);
  s.relevance.resize(static_cast<std::size_t>(n * nv));
  Eigen::Map<Eigen::MatrixXf> relevance(s.relevance.data(), n, nv);
  relevance.noalias() = c.interest.lazyProduct(topics);  // small: no blocking, no temporaries
  relevance = relevance.cwiseMax(0.0f);
  s.keen.resize(static_cast<std::size_t>(n * nv));
  Eigen::Map<Eigen::ArrayXXf> keen(s.keen.data(), n, nv);

  const Eigen::Map<const Eigen::ArrayXf> v(c.value.data(), n), a(c.activity.data(), n);
  auto benefit = as_array(s.benefit, n), cost = as_array(s.cost, n);
  auto demand = as_array(s.demand, n), keen_total = as_array(s.keen_total, n);
  auto worth = as_array(s.worth, n);
  benefit.setZero();
  cost.setZero();
  demand.setZero();
  keen_total.setZero();
  for (Eigen::Index jj = 0; jj < nv; ++jj) {
    Message& msg = g.inbox[s.visible[jj]];
    const std::uint32_t poster = msg.poster_slot;
    auto col = keen.col(jj);
    // Everything below is for the readers other than the poster: the poster's entries are set
    // aside first and put back after.
    const bool by_member = poster != never && poster < m.slots();
    const float own[3] = {by_member ? benefit[poster] : 0.f, by_member ? cost[poster] : 0.f,
                          by_member ? demand[poster] : 0.f};
    if (msg.kind == MessageKind::ad) {
      cost += static_cast<float>((read_cost + ad_cost) * ads_read);
      double reach = share.sum() - (by_member ? share[poster] : 0.0f);
      msg.reach += static_cast<float>(reach * ads_read);
      col.setZero();
    } else {
      cost += static_cast<float>(read_cost);
      const float q = msg.quality;
      const auto rel = relevance.col(jj).array();
      switch (msg.kind) {
        case MessageKind::content:
        case MessageKind::programme:
          content_worth(worth, v, rel, q, gap);
          benefit += worth * msg.novelty;
          if (msg.question) demand += (v > q).select(rel, 0.0f);  // a peer's is no burden
          if (msg.kind == MessageKind::programme)
            col = pull_programme * rel * a / (a + prompt_half);
          else if (msg.introduction)
            col = reply_rate * pull_welcome * a;
          else if (msg.question)
            col = reply_rate * pull_question * 2.0f * a * rel * v / (v + q + 1e-9f);
          else
            col = reply_rate * a * worth;
          break;
        case MessageKind::chat:
          if (chat_value < 0)
            cost -= static_cast<float>(chat_value);
          else
            benefit += static_cast<float>(chat_value * msg.novelty);
          col = reply_rate * pull_chat * a;
          break;
        case MessageKind::dispute:
          cost += static_cast<float>(dispute_cost);
          col = reply_rate * pull_dispute * a;
          break;
        case MessageKind::ad:
          break;
      }
      col = col.max(0.0f) * answers;
      // Friends answer friends (C5).
      if (by_member && ties != 0 && poster + 1 < g.friend_start.size())
        for (std::uint32_t k = g.friend_start[poster]; k < g.friend_start[poster + 1]; ++k)
          col[g.friend_slots[k]] *= 1.0f + ties;
    }
    if (by_member) {
      benefit[poster] = own[0];
      cost[poster] = own[1];
      demand[poster] = own[2];
      col[poster] = 0;
    }
    keen_total += col;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    if (share[i] <= 0) continue;
    m.benefit_today[i] += share[i] * benefit[i];
    m.cost_today[i] += share[i] * cost[i];
    m.demand_today[i] += share[i] * demand[i];
    const double gained = double(share[i]) * benefit[i];
    g.today.value_gained += gained;
    g.lifetime.value_gained += gained;
  }

  // Answering: member i answers within the hour with probability 1 - exp(-λ_i),
  // λ_i = ρ_i · Σ_j keen_ij · 2 a_g s_i (1 - wariness_silence · wariness_i), at most once. As
  // for posting, the members' processes are drawn together: events at rate Σ λ_i, each falling
  // to member i in proportion to λ_i (the same law as one draw per member, at a cost that
  // follows the answers). A member who answers picks message j in proportion to keen_ij.
  s.rate_sum.resize(static_cast<std::size_t>(n));
  double total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (keen_total[i] > 0 && share[i] > 0)
      total += double(share[i]) * keen_total[i] * 2.0 * c.activity_share[i] * m.satisfaction[i] *
               std::max(0.0, 1.0 - silence * m.wariness[i]);
    s.rate_sum[static_cast<std::size_t>(i)] = total;
  }
  if (total <= 0) return;
  s.repliers.clear();
  for (std::uint64_t e = sim::draw_poisson(rng, total); e > 0; --e) {
    const double at = rng.uniform() * total;
    s.repliers.push_back(static_cast<std::uint32_t>(
        std::upper_bound(s.rate_sum.begin(), s.rate_sum.end(), at) - s.rate_sum.begin()));
  }
  std::sort(s.repliers.begin(), s.repliers.end());
  s.repliers.erase(std::unique(s.repliers.begin(), s.repliers.end()), s.repliers.end());
  for (std::uint32_t i : s.repliers) {
    if (i >= m.slots()) continue;  // rounding at the very top of the running sum
    const auto row = keen.row(i);
    double pick = rng.uniform() * keen_total[i];
    Eigen::Index jj = 0;
    while (jj + 1 < nv && (row[jj] <= 0 || (pick -= row[jj]) >= 0)) ++jj;
    while (row[jj] <= 0) --jj;  // rounding ran past the last message one is keen on
    const std::uint32_t j = s.visible[jj];
    const Message& target = g.inbox[j];
    const auto k = static_cast<Eigen::Index>(g.pending.size());
    if (g.pending_topics.cols() <= k)
      g.pending_topics.conservativeResize(K, std::max<Eigen::Index>(8, 2 * k));
    g.pending_topics.col(k) = g.topics.col(static_cast<Eigen::Index>(j));
    g.pending.push_back({m.person[i], target.kind, target.id, target.question, target.novelty});
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

  answer_and_take_in(w, g, t, visible);

  // The conversation moves towards what was said (ads aside), one message at a time; the
  // visible messages are remembered for the reply window.
  auto& m = g.members;
  const std::size_t n_msgs = g.inbox.size();
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
