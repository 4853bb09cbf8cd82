#include "models/community/mechanisms/moderation.hpp"

#include <cmath>

#include "models/community/mechanisms/ads_policy.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"

namespace community {

using namespace param;

double enforcement(const sim::ParamValues& r, double strictness) {
  const double full = r[moderation::enforcement_full];
  return full <= 0 ? 1.0 : std::min(1.0, strictness / full);
}

int violations_allowed(const sim::ParamValues& r, double strictness) {
  return std::max(
      1,
      static_cast<int>(std::ceil(r[moderation::violations_to_remove] * (1.0 - strictness) - 1e-9)));
}

namespace {

// The friends of slot `i` resent seeing them, or their post, removed, and grow wary.
void friends_feel(GroupState& g, std::size_t i, float cost, float wariness) {
  if (i + 1 >= g.friend_start.size()) return;
  auto& m = g.members;
  for (std::uint32_t k = g.friend_start[i]; k < g.friend_start[i + 1]; ++k) {
    const std::uint32_t f = g.friend_slots[k];
    if (!m.present(f)) continue;
    m.cost_today[f] += cost;
    m.wariness[f] += wariness * (1.0f - m.wariness[f]);
  }
}

}  // namespace

void moderate(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive || g.moderators == 0 || g.inbox.empty()) return;
  const auto& r = g.rules.values();
  const double strictness = r[groups::strictness];
  const bool offtopic_rule = r[groups::offtopic_rule];
  const double offtopic_below = r[moderation::offtopic_below];
  const double false_removal = r[moderation::false_removal] * strictness * strictness;
  const auto own_cost = static_cast<float>(r[satisfaction::removal_cost]);
  const auto friend_cost = static_cast<float>(r[satisfaction::friend_removal_cost]);
  const auto wariness_gain = static_cast<float>(r[members::wariness_gain]);
  const auto friend_wariness = static_cast<float>(r[members::friend_wariness]);
  const double dispute_rate = r[moderation::dispute_rate];
  const double protest = r[members::protest_exit];
  sim::RandomStream rng(w.seed, purpose::moderation, g.id, t);
  // Moderators are people with hours of their own (C11, C27): an hour in which none of them is
  // at hand goes unreviewed, so more managers leave fewer gaps, at night above all.
  if (const double online = r[moderation::online]; online < 1.0) {
    const double one = std::min(1.0, online * w.diurnal[sim::hour_of_day(t)]);
    if (!(rng.uniform() < 1.0 - std::pow(1.0 - one, g.moderators))) return;
  }
  const double capacity = g.moderators * r[moderation::capacity];
  auto reviews = static_cast<std::size_t>(capacity);
  if (rng.uniform() < capacity - std::floor(capacity)) ++reviews;
  const int allowed = violations_allowed(r, strictness);
  auto& m = g.members;
  for (std::size_t j = 0; j < g.inbox.size() && j < reviews; ++j) {
    Message& msg = g.inbox[j];
    const std::size_t poster = msg.poster_slot;
    if (msg.kind == MessageKind::ad) {
      if (ads_removed(r) &&
          rng.uniform() < r[moderation::ad_detection] * enforcement(r, strictness)) {
        msg.removed = true;
        ++g.today.posts_removed;
        end_membership(w, g, poster, MemberState::removed, t, LogDetail::ad_removed);
      }
      continue;
    }
    const float on_focus = g.topics.col(static_cast<Eigen::Index>(j)).dot(g.focus);
    const double p_remove = offtopic_rule && on_focus < offtopic_below ? strictness : false_removal;
    if (!(rng.uniform() < p_remove)) continue;
    msg.removed = true;
    ++g.today.posts_removed;
    if (poster == never) continue;  // a programme post: the organisers take it down
    // Removing a post that was about the group's purpose is unjust, and felt: the more on
    // topic, the more. An off-topic post's removal is accepted as the rule.
    const float unjust = std::max(0.0f, on_focus);
    m.cost_today[poster] += own_cost * unjust;
    m.wariness[poster] += wariness_gain * unjust * (1.0f - m.wariness[poster]);
    friends_feel(g, poster, friend_cost * unjust, friend_wariness * unjust);
    if (!(m.flags[poster] & owner) &&
        rng.uniform() < protest * unjust * (1.0 - m.satisfaction[poster])) {
      end_membership(w, g, poster, MemberState::left, t, LogDetail::protest);
      continue;
    }
    if (rng.uniform() < dispute_rate * unjust) {
      g.pending.push_back({m.person[poster], MessageKind::dispute, never, false});
      const auto k = static_cast<Eigen::Index>(g.pending.size() - 1);
      if (g.pending_topics.cols() <= k)
        g.pending_topics.conservativeResize(w.people.topics, std::max<Eigen::Index>(8, 2 * k));
    }
    if (msg.kind == MessageKind::chat) continue;  // idle chat is curbed, not a violation
    if ((m.violations[poster] += 1.0f) >= static_cast<float>(allowed) &&
        !(m.flags[poster] & owner)) {
      end_membership(w, g, poster, MemberState::removed, t, LogDetail::violations);
      friends_feel(g, poster, friend_cost, friend_wariness);  // a friend kicked out: always felt
    }
  }
}

}  // namespace community
