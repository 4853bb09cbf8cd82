#include "models/community/mechanisms/splitting.hpp"

#include <cmath>

#include "models/community/mechanisms/founding.hpp"
#include "models/community/membership_events.hpp"

namespace community {

using namespace param;

namespace {

// Whether group `g` is due for a split today: past split_at and out of its quiet period.
bool due_for_split(const GroupState& g, Tick t) {
  const int split_at = g.rules[groups::split_at];
  if (split_at <= 0 || !g.alive || g.present_count() <= static_cast<std::size_t>(split_at))
    return false;
  const Tick since = g.last_split == never ? g.founded : g.last_split;
  return t - since >= static_cast<Tick>(g.rules[groups::split_every_days]) * sim::ticks_per_day;
}

// The cluster of each present member (-1: not present) and the clusters' centres; cluster 0
// is the parent, centred on its focus.
struct Clusters {
  std::vector<int> of;
  std::vector<Eigen::VectorXf> centre;
  std::vector<std::size_t> size;
};

int nearest(const std::vector<Eigen::VectorXf>& centres, const Eigen::VectorXf& x,
            const std::vector<double>& bonus) {
  int best = 0;
  double best_score = -1e300;
  for (std::size_t j = 0; j < centres.size(); ++j) {
    const double s = x.dot(centres[j]) + bonus[j];
    if (s > best_score) best_score = s, best = static_cast<int>(j);
  }
  return best;
}

Clusters cluster_members(const World& w, const GroupState& g, int k) {
  const auto& m = g.members;
  const Eigen::MatrixXf& interest = w.people.interest;
  Clusters c;
  c.of.assign(m.slots(), -1);
  c.centre.push_back(g.focus);
  // Start: each further centre is the interest of the member least aligned with all so far.
  while (static_cast<int>(c.centre.size()) < k) {
    float worst = 2;
    std::size_t pick = never;
    for (std::size_t i = 0; i < m.slots(); ++i) {
      if (!m.present(i)) continue;
      float best = -2;
      for (const auto& cj : c.centre) best = std::max(best, interest.col(m.person[i]).dot(cj));
      if (best < worst) worst = best, pick = i;
    }
    if (pick == never) break;
    c.centre.push_back(interest.col(m.person[pick]));
  }
  const std::vector<double> none(c.centre.size(), 0.0);
  std::vector<Eigen::VectorXf> centres = c.centre;
  for (int iter = 0; iter < 5; ++iter) {
    std::vector<Eigen::VectorXf> sum(centres.size(), Eigen::VectorXf::Zero(g.focus.size()));
    for (std::size_t i = 0; i < m.slots(); ++i)
      if (m.present(i))
        sum[nearest(centres, interest.col(m.person[i]), none)] += interest.col(m.person[i]);
    for (std::size_t j = 0; j < centres.size(); ++j)
      if (sum[j].norm() > 1e-6f) centres[j] = sum[j].normalized();
  }
  for (std::size_t j = 1; j < centres.size(); ++j) c.centre[j] = centres[j];  // c_0 stays f_g
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (m.present(i)) c.of[i] = nearest(c.centre, interest.col(m.person[i]), none);

  // Ties: one pass in which each member weighs where their friends inside went (C24).
  const double ties = g.rules[groups::split_ties];
  if (ties > 0) {
    const std::vector<int> by_interest = c.of;
    std::vector<double> bonus(c.centre.size());
    for (std::size_t i = 0; i + 1 < g.friend_start.size() && i < m.slots(); ++i) {
      if (!m.present(i) || g.friend_start[i] == g.friend_start[i + 1]) continue;
      std::fill(bonus.begin(), bonus.end(), 0.0);
      double friends = 0;
      for (std::uint32_t f = g.friend_start[i]; f < g.friend_start[i + 1]; ++f)
        if (by_interest[g.friend_slots[f]] >= 0) {
          bonus[by_interest[g.friend_slots[f]]] += 1;
          friends += 1;
        }
      if (friends == 0) continue;
      for (auto& b : bonus) b *= ties / friends;
      c.of[i] = nearest(c.centre, interest.col(m.person[i]), bonus);
    }
  }
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (m.present(i) && (m.flags[i] & owner)) c.of[i] = 0;  // the owner stays
  return c;
}

// Moves the members of cluster `j` of group `gi` into a new group centred on it.
void found_offshoot(World& w, std::size_t gi, const Clusters& c, int j, Tick t) {
  GroupState& child = found_group(w, c.centre[j], t, w.groups[gi].type);  // may reallocate
  GroupState& parent = w.groups[gi];
  child.parent = parent.id;
  // An offshoot is a new group of its parent's type, with the type's rules: events aimed at
  // the parent alone do not follow it (found_group gave it those).
  auto& m = parent.members;
  float best_value = -1;
  std::size_t new_owner = never;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (c.of[i] != j) continue;
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

}  // namespace

void split_large_groups(World& w, Tick t) {
  const std::size_t existing = w.groups.size();
  for (std::size_t gi = 0; gi < existing; ++gi) {
    if (!due_for_split(w.groups[gi], t)) continue;
    const GroupState& g = w.groups[gi];
    const double n = static_cast<double>(g.present_count());
    const int target = g.rules[groups::split_target];
    const int k = target > 0 ? std::max(2, static_cast<int>(std::lround(n / target))) : 2;
    Clusters c = cluster_members(w, g, k);
    // Too small a sub-group is no group (C24): its members stay.
    const auto min_size = static_cast<std::size_t>(g.rules[groups::split_min_size]);
    c.size.assign(c.centre.size(), 0);
    for (int j : c.of)
      if (j >= 0) ++c.size[j];
    bool any = false;
    for (std::size_t j = 1; j < c.size.size(); ++j) {
      if (c.size[j] >= min_size) {
        any = true;
        continue;
      }
      for (int& of : c.of)
        if (of == static_cast<int>(j)) of = 0;
      c.size[0] += c.size[j];
      c.size[j] = 0;
    }
    if (!any || c.size[0] < min_size) continue;  // the split waits
    w.groups[gi].last_split = t;
    for (std::size_t j = 1; j < c.size.size(); ++j)
      if (c.size[j] > 0) found_offshoot(w, gi, c, static_cast<int>(j), t);
  }
}

}  // namespace community
