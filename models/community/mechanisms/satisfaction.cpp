#include "models/community/mechanisms/satisfaction.hpp"

#include <algorithm>
#include <cmath>

namespace community {

using namespace param;

double satisfaction_target(const sim::ParamValues& r, double net, int friends, bool paid) {
  using namespace param::satisfaction;
  double x = 1.0 / (1.0 + std::exp(-(net - r[opportunity_cost]) / r[scale]));
  x += r[tie_bonus] * friends / (friends + 2.0) + (paid ? r[fee_bonus] : 0.0);
  return std::clamp(x, 0.0, 1.0);
}

void update_satisfaction(World& w, std::size_t gi, Tick) {
  GroupState& g = w.groups[gi];
  if (!g.alive) return;
  const auto& r = w.rules;
  auto& m = g.members;
  // Resentment counts removed members, not removed ad accounts (nobody mourns a spammer).
  const double members = static_cast<double>(std::max<std::size_t>(1, g.present_count()));
  const double burden = r[satisfaction::rule_cost] * r[groups::strictness] +
                        r[satisfaction::removal_cost] * g.today.member_removals / members;
  const float rate = static_cast<float>(1.0 / r[satisfaction::memory_days]);
  const float conv_norm = g.conversation.norm();
  // Belonging needs a conversation: it is weighted by how lively the group was today.
  const double per_member = g.messages_last_day / members;
  const double lively = per_member / (per_member + r[members::liveliness_half]);
  const double belonging = r[satisfaction::belonging];
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account)) continue;
    const double fit = conv_norm > 1e-6f
                           ? w.people.interest.col(m.person[i]).dot(g.conversation) / conv_norm
                           : 0.0;
    const double net =
        m.benefit_today[i] - m.cost_today[i] - burden + belonging * lively * (fit - 0.5);
    const double target = satisfaction_target(r, net, m.friends_inside[i], m.flags[i] & paid_fee);
    m.satisfaction[i] += rate * (static_cast<float>(target) - m.satisfaction[i]);
    m.benefit_today[i] = 0;
    m.cost_today[i] = 0;
  }
}

}  // namespace community
