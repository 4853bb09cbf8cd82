#include "models/community/mechanisms/moderation.hpp"

#include <cmath>

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

void moderate(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  if (!g.alive || g.moderators == 0 || g.inbox.empty()) return;
  const auto& r = w.rules;
  const double strictness = w.rules[groups::strictness];
  sim::RandomStream rng(w.seed, purpose::moderation, g.id, t);
  const double capacity = g.moderators * r[moderation::capacity];
  auto reviews = static_cast<std::size_t>(capacity);
  if (rng.uniform() < capacity - std::floor(capacity)) ++reviews;
  const int allowed = violations_allowed(r, strictness);
  auto& m = g.members;
  for (std::size_t j = 0; j < g.inbox.size() && j < reviews; ++j) {
    Message& msg = g.inbox[j];
    if (msg.kind == MessageKind::programme) continue;
    const std::size_t poster = msg.poster_slot;
    if (msg.kind == MessageKind::ad) {
      if (!w.rules[groups::ads_allowed] &&
          rng.uniform() < r[moderation::ad_detection] * enforcement(r, strictness)) {
        msg.removed = true;
        ++g.today.posts_removed;
        end_membership(w, g, poster, MemberState::removed);
      }
      continue;
    }
    const float on_focus = g.topics.col(static_cast<Eigen::Index>(j)).dot(g.focus);
    const double p_remove = on_focus < r[moderation::offtopic_below]
                                ? strictness
                                : r[moderation::false_removal] * strictness * strictness;
    if (!(rng.uniform() < p_remove)) continue;
    msg.removed = true;
    ++g.today.posts_removed;
    if ((m.violations[poster] += 1.0f) >= static_cast<float>(allowed) && !(m.flags[poster] & owner))
      end_membership(w, g, poster, MemberState::removed);
  }
}

}  // namespace community
