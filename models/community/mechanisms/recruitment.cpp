#include "models/community/mechanisms/recruitment.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/membership_events.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/random/distributions.hpp"

namespace community {

using namespace param;

double friend_join_probability(const sim::ParamValues& r, int k, double attraction) {
  if (k <= 0) return 0;
  return r[recruitment::friend_rate] * (1.0 - std::exp(-k / r[recruitment::friends_half])) *
         attraction;
}

double attraction(const sim::ParamValues& r, double cosine) {
  return std::pow((1.0 + cosine) / 2.0, r[recruitment::topic_selectivity]);
}

namespace {

struct Context {
  const World& w;
  GroupState& g;
  sim::RandomStream& rng;
  double mean_value;
};

// True when `p` may not apply: already in, formerly in, or in too many groups.
bool excluded(const Context& c, const std::vector<PersonId>& members_sorted, PersonId p) {
  if (std::binary_search(members_sorted.begin(), members_sorted.end(), p)) return true;
  if (std::binary_search(c.g.former.begin(), c.g.former.end(), p)) return true;
  return !c.w.is_spammer[p] && c.w.groups_joined[p] >= c.g.rules[members::max_groups];
}

// The entry policy's verdict on one applicant; sets `paid` under the fee policy.
// People join to gain (C14): a candidate above the group's mean value expects less from it.
double appeal(const Context& c, PersonId p) {
  const double q = c.mean_value, v = c.w.people.value[p];
  return std::pow(std::min(1.0, 2.0 * q / (q + v + 1e-9)), c.g.rules[recruitment::value_seeking]);
}

bool passes_policy(Context& c, PersonId p, JoinChannel channel, bool& paid) {
  const auto& rules = c.g.rules.values();
  const bool ad = c.w.is_spammer[p];
  const double fit = alignment(c.w, c.g, p);
  paid = false;
  switch (rules[groups::entry]) {
    case EntryPolicy::open:
    case EntryPolicy::task:
    case EntryPolicy::invite_only:
      return true;
    case EntryPolicy::fee: {
      if (ad) return false;
      const double willing = rules[recruitment::fee_willingness] * std::max(0.0, fit) *
                             c.mean_value * c.rng.exponential(1.0);
      paid = rules[groups::fee] > 0;
      return rules[groups::fee] <= willing;
    }
    case EntryPolicy::screening: {
      if (c.g.screened_today >=
          static_cast<std::uint32_t>(c.g.moderators * rules[groups::screen_capacity]))
        return false;  // nobody left to screen today
      ++c.g.screened_today;
      if (ad) return !(c.rng.uniform() < rules[moderation::ad_detection]);
      (void)channel;  // invited friends are screened like strangers (C21)
      return fit >= rules[groups::screen_alignment] &&
             c.w.people.value[p] >= rules[groups::screen_value];
    }
  }
  return false;
}

}  // namespace

void recruit(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  g.applicants.clear();
  g.screened_today = 0;
  if (!g.alive) return;
  const auto& rules = g.rules.values();
  const EntryPolicy entry = rules[groups::entry];
  const double invite_above = rules[recruitment::invite_above];
  auto& m = g.members;

  // Sorted ids of present members, and their mean value (what a fee buys access to).
  auto& members_sorted = g.scratch_people;
  members_sorted.clear();
  double value_sum = 0;
  std::size_t counted = 0;
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i)) continue;
    members_sorted.push_back(m.person[i]);
    if (!(m.flags[i] & ad_account)) {
      value_sum += w.people.value[m.person[i]];
      ++counted;
    }
  }
  if (members_sorted.size() >= static_cast<std::size_t>(rules[groups::size_cap])) return;
  std::sort(members_sorted.begin(), members_sorted.end());
  sim::RandomStream rng(w.seed, purpose::recruitment, g.id, t);
  Context c{w, g, rng, counted ? value_sum / counted : 1.0};

  // What the group visibly is about: its stated purpose and its recent conversation (C10).
  const double seen_conversation = rules[recruitment::conversation_visibility];
  Eigen::VectorXf visible = (1.0f - static_cast<float>(seen_conversation)) * g.focus;
  if (const float n = g.conversation.norm(); n > 1e-6f)
    visible += static_cast<float>(seen_conversation) / n * g.conversation;
  if (const float n = visible.norm(); n > 1e-6f) visible /= n;

  // Friend invitations: how many inviting members each friend has (k), and the inviter who
  // invites first (the lowest id, named in the event log), counted in per-thread arrays by
  // person; the candidates are then settled in order of their ids.
  thread_local std::vector<std::uint32_t> inviters_of, first_inviter;
  thread_local std::vector<PersonId> candidates;
  if (inviters_of.size() < w.people.size) {
    inviters_of.resize(w.people.size, 0);
    first_inviter.resize(w.people.size, never);
  }
  candidates.clear();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i) || (m.flags[i] & ad_account) || m.satisfaction[i] < invite_above) continue;
    if (entry == EntryPolicy::invite_only && !(m.flags[i] & (owner | moderator | founder)))
      continue;
    const PersonId inviter = m.person[i];
    for (PersonId q : w.friends.neighbours(inviter)) {
      if (w.is_spammer[q]) continue;
      if (inviters_of[q]++ == 0) candidates.push_back(q);
      first_inviter[q] = std::min(first_inviter[q], inviter);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (PersonId q : candidates) {
    const int k = static_cast<int>(inviters_of[q]);
    const PersonId inviter = first_inviter[q];
    inviters_of[q] = 0;
    first_inviter[q] = never;
    // Attraction and appeal are at most 1: a draw above the chance with both at 1 settles the
    // candidate without looking them up (most candidates, at a cost that follows the joins).
    const double u = rng.uniform();
    if (!(u < friend_join_probability(rules, k, 1.0))) continue;
    if (excluded(c, members_sorted, q)) continue;
    const double drawn = attraction(rules, w.people.interest.col(q).dot(visible));
    if (!(u < friend_join_probability(rules, k, drawn) * appeal(c, q))) continue;
    bool paid = false;
    if (passes_policy(c, q, JoinChannel::friend_invite, paid))
      g.applicants.push_back({q, JoinChannel::friend_invite, paid, inviter});
  }

  // The open channel: strangers come across the group's public QR code and judge it by what
  // it visibly is about, as invited friends do; ad accounts by the size of its listening
  // audience.
  const double open_channel = rules[groups::open_channel_per_day];
  if (entry != EntryPolicy::invite_only && open_channel > 0) {
    std::size_t audience = 0;
    for (std::size_t i = 0; i < m.slots(); ++i)
      audience += m.state[i] == MemberState::active && !(m.flags[i] & ad_account);
    const double ad_half = rules[recruitment::ad_audience_half];
    const double ad_interest = audience / (audience + ad_half);
    const auto arrivals = sim::draw_poisson(rng, open_channel);
    for (std::uint64_t a = 0; a < arrivals; ++a) {
      const bool ad = !w.spammers.empty() && rng.uniform() < rules[groups::open_ad_share];
      PersonId q = ad ? w.spammers[rng.below(static_cast<std::uint32_t>(w.spammers.size()))]
                      : rng.below(w.people.size);
      for (int tries = 0; !ad && w.is_spammer[q] && tries < 100; ++tries)
        q = rng.below(w.people.size);
      if (excluded(c, members_sorted, q)) continue;
      const double drawn =
          ad ? ad_interest
             : attraction(rules, w.people.interest.col(q).dot(visible)) * appeal(c, q);
      if (!(rng.uniform() < drawn)) continue;
      bool paid = false;
      if (passes_policy(c, q, JoinChannel::open_channel, paid))
        g.applicants.push_back({q, JoinChannel::open_channel, paid});
    }
  }
}

}  // namespace community
