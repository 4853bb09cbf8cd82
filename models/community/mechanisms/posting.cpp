#include "models/community/mechanisms/posting.hpp"

#include <cmath>

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

namespace {

void ensure_topic_room(GroupState& g, int topics, std::size_t needed) {
  if (static_cast<std::size_t>(g.topics.cols()) >= needed) return;
  g.topics.conservativeResize(
      topics, static_cast<Eigen::Index>(std::max<std::size_t>(needed, 2 * g.topics.cols())));
}

}  // namespace

void post_messages(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const auto& r = w.rules;
  const double topic_pull = r[members::topic_pull];
  const double strictness = w.rules[groups::strictness];
  const double present = static_cast<double>(std::max<std::size_t>(1, g.present_count()));
  const double hour = w.diurnal[sim::hour_of_day(t)] / sim::ticks_per_day;
  const double base =
      hour * liveliness(r, g.messages_last_day / present) * (1.0 - r[members::chill] * strictness);
  const int K = w.people.topics;
  const float conv_norm = g.conversation.norm();
  sim::RandomStream rng(w.seed, purpose::posting, g.id, t);
  auto& m = g.members;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (m.state[i] != MemberState::active) continue;
    const PersonId p = m.person[i];
    const bool ad = m.flags[i] & ad_account;
    const double lambda = ad ? r[members::spam_per_day] * hour
                             : w.people.activity[p] * base * 2.0 * m.satisfaction[i];
    // 1 - exp(-λ) ≤ λ, and λ is small for most members most hours: the exponential is
    // needed only when the draw falls below λ (same outcome, far fewer exp calls).
    const double u = rng.uniform();
    if (u >= lambda || !(u < -std::expm1(-lambda))) continue;

    const std::size_t j = g.inbox.size();
    ensure_topic_room(g, K, j + 1);
    auto topic = g.topics.col(static_cast<Eigen::Index>(j));
    MessageKind kind;
    if (ad) {
      kind = MessageKind::ad;
      sim::draw_unit_vector(rng, topic);  // ads are about whatever is being sold
    } else {
      const bool promotion = (m.flags[i] & owner) && rng.uniform() < w.rules[groups::owner_drift];
      kind = promotion || rng.uniform() >= r[members::chat_share] ? MessageKind::content
                                                                  : MessageKind::chat;
      if (promotion) {
        topic = g.promotion;
      } else {
        topic = (1.0f - static_cast<float>(topic_pull)) * w.people.interest.col(p);
        if (conv_norm > 1e-6f) topic += static_cast<float>(topic_pull) / conv_norm * g.conversation;
      }
      const float noise = static_cast<float>(r[members::topic_noise] / std::sqrt(double(K)));
      for (int k = 0; k < K; ++k) topic[k] += noise * static_cast<float>(rng.normal());
      const float n = topic.norm();
      if (n > 1e-6f) topic /= n;
    }
    const double tenure_days = double(t - m.joined[i]) / sim::ticks_per_day;
    g.inbox.push_back({static_cast<std::uint32_t>(i), kind, w.people.value[p],
                       static_cast<float>(novelty(r, tenure_days)), false});
    m.last_post[i] = t;
    ++m.posts[i];
  }
}

}  // namespace community
