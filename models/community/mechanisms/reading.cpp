#include "models/community/mechanisms/reading.hpp"

#include <algorithm>

namespace community {

using namespace param;

double message_worth(const sim::ParamValues& r, MessageKind kind, double relevance, double quality,
                     double reader_value) {
  switch (kind) {
    case MessageKind::ad:
      return -r[reading::ad_cost];
    case MessageKind::chat:
      return r[reading::chat_value] * relevance;
    case MessageKind::content:
    case MessageKind::programme:
      return relevance * 2.0 * quality / (quality + reader_value + 1e-9);
  }
  return 0;
}

void read_messages(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  const int hour = sim::hour_of_day(t);
  std::uint32_t visible = 0;
  for (const auto& msg : g.inbox) visible += !msg.removed;
  g.messages_last_day += visible - g.hourly_messages[hour];
  g.hourly_messages[hour] = visible;
  if (!g.alive || visible == 0) return;

  const auto& rr = w.rules;
  const double read_cost = rr[reading::read_cost], ad_cost = rr[reading::ad_cost];
  const double muted_reading = rr[reading::muted_reading];
  const double overload_cost = rr[reading::overload_cost];
  const double hour_share = w.diurnal[hour] / sim::ticks_per_day;
  auto& m = g.members;
  const std::size_t n_msgs = g.inbox.size();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    const PersonId p = m.person[i];
    double attention = w.people.attention[p] / std::max<int>(1, w.groups_joined[p]) * hour_share;
    if (m.state[i] == MemberState::muted) attention *= muted_reading;
    if (attention <= 0) continue;
    const double share = std::min(1.0, attention / visible);
    const auto interest = w.people.interest.col(p);
    const double v = w.people.value[p];
    double benefit = 0, cost = 0;
    for (std::size_t j = 0; j < n_msgs; ++j) {
      const Message& msg = g.inbox[j];
      if (msg.removed || msg.poster_slot == i) continue;
      cost += read_cost;
      if (msg.kind == MessageKind::ad) {
        cost += ad_cost;
        continue;
      }
      const double relevance =
          std::max(0.0f, interest.dot(g.topics.col(static_cast<Eigen::Index>(j))));
      benefit += message_worth(rr, msg.kind, relevance, msg.quality, v) * msg.novelty;
    }
    m.benefit_today[i] += static_cast<float>(share * benefit);
    m.cost_today[i] += static_cast<float>(share * cost);
    if (attention < visible)
      m.cost_today[i] +=
          static_cast<float>(overload_cost * hour_share * (visible / attention - 1.0));
    g.today.value_gained += share * benefit;
  }

  // The conversation moves towards what was said (ads aside), one message at a time.
  const float eta = static_cast<float>(1.0 / w.rules[members::conversation_memory]);
  for (std::size_t j = 0; j < n_msgs; ++j) {
    const Message& msg = g.inbox[j];
    if (msg.removed || msg.kind == MessageKind::ad) continue;
    g.conversation =
        (1.0f - eta) * g.conversation + eta * g.topics.col(static_cast<Eigen::Index>(j));
  }
  for (const auto& msg : g.inbox)
    if (!msg.removed) ++g.today.messages[static_cast<int>(msg.kind)];
}

}  // namespace community
