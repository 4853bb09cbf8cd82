#include "models/community/mechanisms/posting.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/mechanisms/ads_policy.hpp"
#include "models/community/member_cache.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/random/distributions.hpp"

namespace community {

using namespace param;

double liveliness(const sim::ParamValues& r, double m) {
  const double strength = r[members::liveliness_strength];
  return 1.0 - strength + 2.0 * strength * m / (m + r[members::liveliness_half]);
}

double novelty(const sim::ParamValues& r, double tenure_days) {
  const double floor = r[reading::novelty_floor];
  return floor + (1.0 - floor) * std::exp(-tenure_days / r[reading::novelty_days]);
}

double question_probability(const sim::ParamValues& r, double value) {
  return std::min(1.0, r[members::question_share] * 2.0 / (1.0 + std::max(0.0, value)));
}

namespace {

void ensure_topic_room(GroupState& g, int topics, std::size_t needed) {
  if (static_cast<std::size_t>(g.topics.cols()) >= needed) return;
  g.topics.conservativeResize(
      topics, static_cast<Eigen::Index>(std::max<std::size_t>(needed, 2 * g.topics.cols())));
}

// Adds a noise of size `noise` to a topic and makes it a unit vector again.
template <class Topic>
void blur(Topic topic, sim::RandomStream& rng, float noise) {
  for (Eigen::Index k = 0; k < topic.size(); ++k)
    topic[k] += noise * static_cast<float>(rng.normal());
  const float n = topic.norm();
  if (n > 1e-6f) topic /= n;
}

}  // namespace

void post_messages(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) {
    g.pending.clear();
    return;
  }
  const auto& r = g.rules.values();
  const double topic_pull = r[members::topic_pull];
  const double silence = r[members::wariness_silence];
  // Idle chat begets chat: people post what they see (C11).
  const double base_chat = r[members::chat_share];
  const double chat_seen =
      g.messages_last_day > 0 ? double(g.chat_last_day) / g.messages_last_day : 0.0;
  const double chat_p = base_chat + (1.0 - base_chat) * r[members::chat_contagion] * chat_seen;
  const double present = static_cast<double>(std::max<std::size_t>(1, g.present_count()));
  const double hour = w.diurnal[sim::hour_of_day(t)] / sim::ticks_per_day;
  const double base = hour * liveliness(r, g.messages_last_day / present);
  const int K = w.people.topics;
  const float noise = static_cast<float>(r[members::topic_noise] / std::sqrt(double(K)));
  const float conv_norm = g.conversation.norm();
  sim::RandomStream rng(w.seed, purpose::posting, g.id, t);
  auto& m = g.members;
  auto append = [&](std::size_t slot, MessageKind kind, bool question, std::uint32_t reply_to) {
    const std::size_t j = g.inbox.size();
    ensure_topic_room(g, K, j + 1);
    const double tenure_days = double(t - m.joined[slot]) / sim::ticks_per_day;
    Message msg{static_cast<std::uint32_t>(slot), kind, w.people.value[m.person[slot]],
                static_cast<float>(novelty(r, tenure_days))};
    msg.question = question;
    msg.id = g.next_message_id++;
    msg.reply_to = reply_to;
    g.inbox.push_back(msg);
    m.last_post[slot] = t;
    if (m.posts[slot]++ == 0 && !(m.flags[slot] & ad_account)) ++g.lifetime.took_part;
    return g.topics.col(static_cast<Eigen::Index>(j));
  };

  // Ad accounts keep to the ads policy (C28): a price is worth paying for a large audience.
  double audience = 0;
  if (r[groups::ads] == AdsPolicy::paid)
    for (std::size_t i = 0; i < m.slots(); ++i)
      audience += m.state[i] == MemberState::active && !(m.flags[i] & ad_account);
  const double ad_rate = r[members::spam_per_day] * hour * ad_posting_factor(r, audience, t);

  // Who starts a post this hour. Member i posts with probability 1 - exp(-λ_i): the chance
  // that a Poisson process of rate λ_i has an event within the hour. The group's processes are
  // drawn together, as one of rate Σ λ̄_i whose events fall to member i in proportion to λ̄_i,
  // λ̄_i = base · (the cache's daily rate, without wariness); each event is kept with
  // probability λ_i/λ̄_i = 1 - wariness_silence · wariness_i (thinning). The same law as one
  // draw per member and hour, at a cost that follows the posts, not the members (PERFORMANCE.md).
  refresh_member_cache(w, g, t);
  const MemberCache& c = g.cache;
  auto& posters = g.scratch_slots;
  posters.clear();
  if (!c.post_rate_sum.empty() && c.post_rate_sum.back() > 0) {
    const double total = c.post_rate_sum.back();
    for (std::uint64_t e = sim::draw_poisson(rng, total * base); e > 0; --e) {
      const double at = rng.uniform() * total;
      const auto i = static_cast<std::uint32_t>(
          std::upper_bound(c.post_rate_sum.begin(), c.post_rate_sum.end(), at) -
          c.post_rate_sum.begin());
      if (i >= m.slots() || m.state[i] != MemberState::active) continue;  // left or removed
      if (rng.uniform() < 1.0 - silence * m.wariness[i]) posters.push_back(i);
    }
  }
  for (std::uint32_t i : c.ad_slots) {
    const double u = rng.uniform();
    if (m.state[i] == MemberState::active && u < -std::expm1(-ad_rate)) posters.push_back(i);
  }
  std::sort(posters.begin(), posters.end());
  posters.erase(std::unique(posters.begin(), posters.end()), posters.end());

  // The new posts, in slot order.
  for (std::uint32_t i : posters) {
    const PersonId p = m.person[i];
    if (m.flags[i] & ad_account) {
      sim::draw_unit_vector(rng, append(i, MessageKind::ad, false, never));  // whatever is sold
      continue;
    }
    const bool promotion = (m.flags[i] & owner) && rng.uniform() < r[groups::owner_drift];
    const bool chat = !promotion && rng.uniform() < chat_p;
    const bool question =
        !promotion && !chat && rng.uniform() < question_probability(r, w.people.value[p]);
    auto topic = append(i, chat ? MessageKind::chat : MessageKind::content, question, never);
    if (promotion) {
      topic = g.promotion;
      continue;
    }
    if (chat) {
      sim::draw_unit_vector(rng, topic);  // idle chat is about nothing in particular
      continue;
    }
    topic = (1.0f - static_cast<float>(topic_pull)) * c.interest.row(i).transpose();
    if (conv_norm > 1e-6f) topic += static_cast<float>(topic_pull) / conv_norm * g.conversation;
    blur(topic, rng, noise);
  }

  // Replies and complaints decided in the previous hour.
  const auto reply_pull = static_cast<float>(r[members::reply_pull]);
  for (std::size_t k = 0; k < g.pending.size(); ++k) {
    const PendingPost& pp = g.pending[k];
    const std::uint32_t i = g.slot(pp.person);
    if (i == never || (m.state[i] != MemberState::active && pp.kind != MessageKind::dispute))
      continue;
    if (pp.introduction) {  // on what the newcomer cares about
      auto topic = append(i, MessageKind::content, false, never);
      g.inbox.back().introduction = true;
      topic = c.interest.row(i).transpose();
      blur(topic, rng, noise);
      continue;
    }
    MessageKind kind = MessageKind::content;
    if (pp.reply_to == never)
      kind = MessageKind::dispute;  // a complaint about a removal
    else if (pp.kind == MessageKind::chat)
      kind = rng.uniform() < r[members::chat_contagion] ? MessageKind::chat : MessageKind::content;
    else if (pp.kind == MessageKind::dispute)
      kind =
          rng.uniform() < r[members::dispute_contagion] ? MessageKind::dispute : MessageKind::chat;
    auto topic = append(i, kind, false, pp.reply_to);
    g.inbox.back().novelty = std::max(g.inbox.back().novelty, pp.novelty);
    if (kind == MessageKind::chat) {
      sim::draw_unit_vector(rng, topic);
      continue;
    }
    if (pp.reply_to == never) {
      sim::draw_unit_vector(rng, topic);  // about the removal, not the group's purpose
      ++g.today.complaints;
      continue;
    }
    topic = (1.0f - reply_pull) * c.interest.row(i).transpose() +
            reply_pull * g.pending_topics.col(static_cast<Eigen::Index>(k));
    blur(topic, rng, noise);
  }
  g.pending.clear();
}

}  // namespace community
