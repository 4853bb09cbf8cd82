#include "models/community/mechanisms/splitting.hpp"

#include "models/community/mechanisms/founding.hpp"
#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/random/distributions.hpp"

namespace community {

using namespace param;

void split_large_groups(World& w, Tick t) {
  const std::size_t existing = w.groups.size();
  for (std::size_t gi = 0; gi < existing; ++gi) {
    const int split_at = w.groups[gi].rules[groups::split_at];
    if (split_at <= 0 || !w.groups[gi].alive ||
        w.groups[gi].present_count() <= static_cast<std::size_t>(split_at))
      continue;
    const Eigen::MatrixXf& interest = w.people.interest;
    Eigen::VectorXf c1 = w.groups[gi].focus, c2 = c1;
    {
      const auto& m = w.groups[gi].members;
      float worst = 2;
      for (std::size_t i = 0; i < m.slots(); ++i) {
        if (!m.present(i)) continue;
        float a = interest.col(m.person[i]).dot(c1);
        if (a < worst) {
          worst = a;
          c2 = interest.col(m.person[i]);
        }
      }
      for (int iter = 0; iter < 5; ++iter) {
        Eigen::VectorXf s1 = Eigen::VectorXf::Zero(c1.size()), s2 = s1;
        for (std::size_t i = 0; i < m.slots(); ++i) {
          if (!m.present(i)) continue;
          auto x = interest.col(m.person[i]);
          (x.dot(c1) >= x.dot(c2) ? s1 : s2) += x;
        }
        if (s1.norm() > 1e-6f) c1 = s1.normalized();
        if (s2.norm() > 1e-6f) c2 = s2.normalized();
      }
    }
    // Members who would move (the owner stays). Nobody (e.g. all interests equal): no split.
    const auto moves = [&](const Memberships& m, std::size_t i) {
      if (!m.present(i) || (m.flags[i] & owner)) return false;
      auto x = interest.col(m.person[i]);
      return x.dot(c2) > x.dot(w.groups[gi].focus);
    };
    bool anyone = false;
    for (std::size_t i = 0; i < w.groups[gi].members.slots() && !anyone; ++i)
      anyone = moves(w.groups[gi].members, i);
    if (!anyone) continue;
    GroupState& child = found_group(w, c2, t, w.groups[gi].type);  // may reallocate w.groups
    GroupState& parent = w.groups[gi];
    child.parent = parent.id;
    // An offshoot is a new group of its parent's type, with the type's rules: events aimed at
    // the parent alone do not follow it (found_group gave it those).
    auto& m = parent.members;
    float best_value = -1;
    std::size_t new_owner = never;
    for (std::size_t i = 0; i < m.slots(); ++i) {
      if (!moves(m, i)) continue;
      // The member's record moves whole; roles tied to the parent (owner, moderator, its
      // founding experts and today's decile marks) stay behind.
      const std::uint8_t keep = m.flags[i] & (paid_fee | ad_account | founder);
      child.members.append_copy(m, i);
      const std::size_t slot = child.members.slots() - 1;
      child.members.flags[slot] = keep;
      if (!(keep & ad_account)) ++child.lifetime.members_ever;
      if (child.members.posts[slot] > 0 && !(keep & ad_account)) ++child.lifetime.took_part;
      log_event(w, parent, t, LogKind::leave, m.person[i], LogDetail::split);
      log_event(w, child, t, LogKind::join, m.person[i], LogDetail::split);
      const float v = w.people.value[m.person[i]];
      if (!(keep & ad_account) && v > best_value) {  // an ad account never owns a group
        best_value = v;
        new_owner = slot;
      }
      m.state[i] = MemberState::moved;
    }
    if (new_owner != never) {
      // The new owner moderates only where the parent's rules have moderators at all (a
      // leaderless group's offshoot stays leaderless).
      const bool moderated = parent.rules[groups::moderators] > 0;
      child.members.flags[new_owner] |= moderated ? owner | moderator : owner;
      child.moderators = moderated ? 1 : 0;
    }
  }
}

}  // namespace community
