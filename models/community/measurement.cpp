#include "models/community/measurement.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/membership_events.hpp"
#include "models/community/metric_declarations.hpp"

namespace community {
namespace {

const double nan = std::nan("");

double ratio(double a, double b) {
  return b > 0 ? a / b : nan;
}

double messages_of(const GroupDay& d, MessageKind kind) {
  return d.group.today.messages[static_cast<int>(kind)];
}

// Gini coefficient and top-10% share of a list of counts (sorted in place).
std::pair<double, double> inequality(std::vector<float>& x) {
  if (x.empty()) return {nan, nan};
  std::sort(x.begin(), x.end());
  double total = 0, weighted = 0;
  const double n = static_cast<double>(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    total += x[i];
    weighted += (2.0 * (i + 1) - n - 1) * x[i];
  }
  if (total <= 0) return {nan, nan};
  const std::size_t top_n = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(n / 10)));
  double top = 0;
  for (std::size_t i = x.size() - top_n; i < x.size(); ++i) top += x[i];
  return {weighted / (n * total), top / total};
}

GroupCensus take_census(const World& w, GroupState& g, Tick now) {
  const Tick week = 7 * sim::ticks_per_day;
  const Tick quiet = static_cast<Tick>(w.rules[param::metrics::quiet_days]) * sim::ticks_per_day;
  const auto& m = g.members;
  GroupCensus c;
  auto& posts = g.scratch_values;
  posts.clear();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    if (!m.present(i)) continue;
    ++c.present;
    if (m.flags[i] & ad_account) continue;
    ++c.real;
    const PersonId p = m.person[i];
    c.active += m.last_post[i] != never && now - m.last_post[i] <= week;
    c.quiet += m.last_post[i] == never || now - m.last_post[i] > quiet;
    c.muted += m.state[i] == MemberState::muted;
    const double tenure_days = std::max(1.0, double(now - m.joined[i]) / sim::ticks_per_day);
    const double rate = m.posts[i] / tenure_days;
    ++c.classes[m.posts[i] == 0 ? 3 : rate >= 1 ? 0 : rate >= 1.0 / 7 ? 1 : 2];
    c.value_sum += w.people.value[p];
    c.align_sum += alignment(w, g, p);
    c.sat_sum += m.satisfaction[i];
    posts.push_back(static_cast<float>(m.posts[i]));
  }
  std::tie(c.gini_posts, c.top10_post_share) = inequality(posts);
  // Mean value of the top decile (values re-use the scratch buffer after the Gini).
  posts.clear();
  for (std::size_t i = 0; i < m.slots(); ++i)
    if (m.present(i) && !(m.flags[i] & ad_account)) posts.push_back(w.people.value[m.person[i]]);
  c.top_decile_value = nan;
  if (!posts.empty()) {
    const std::size_t top_n = std::max<std::size_t>(1, posts.size() / 10);
    std::nth_element(posts.begin(),
                     posts.begin() + static_cast<std::ptrdiff_t>(posts.size() - top_n),
                     posts.end());
    double s = 0;
    for (std::size_t i = posts.size() - top_n; i < posts.size(); ++i) s += posts[i];
    c.top_decile_value = s / top_n;
  }
  for (auto k : g.today.messages) c.visible += k;
  return c;
}

// The per-group daily metrics, in output order.
[[maybe_unused]] const std::size_t group_metrics[] = {
    daily_metric({"size", "members", "present members at the end of the day, ad accounts included"},
                 [](const GroupDay& d) { return static_cast<double>(d.census.present); }),
    daily_metric(
        {"joins_friend", "people/day", "real members admitted today through a friend's invitation"},
        [](const GroupDay& d) { return double(d.group.today.joins_friend); }),
    daily_metric(
        {"joins_open", "people/day", "real members admitted today through the open channel"},
        [](const GroupDay& d) { return double(d.group.today.joins_open); }),
    daily_metric({"joins_influx", "people/day",
                  "people brought into the group today by an influx event ([[events]], F2)"},
                 [](const GroupDay& d) { return double(d.group.today.joins_influx); }),
    daily_metric(
        {"leaves", "people/day",
         "real members who left of their own accord today (a dissolved group's are not counted)"},
        [](const GroupDay& d) { return double(d.group.today.leaves); }),
    daily_metric({"removals", "people/day",
                  "memberships ended today by moderation or the task policy, ad accounts included"},
                 [](const GroupDay& d) { return double(d.group.today.removals); }),
    daily_metric({"posts_removed", "messages/day", "posts removed by moderation today"},
                 [](const GroupDay& d) { return double(d.group.today.posts_removed); }),
    daily_metric(
        {"active_share", "share",
         "real members who posted in the last 7 days (now - last post <= 168 h) / real members"},
        [](const GroupDay& d) { return ratio(d.census.active, d.census.real); }),
    daily_metric({"muted_share", "share", "real members who muted the group / real members"},
                 [](const GroupDay& d) { return ratio(d.census.muted, d.census.real); }),
    daily_metric({"talker_share", "share",
                  "real members posting at least once a day on average since joining (C4)"},
                 [](const GroupDay& d) { return ratio(d.census.classes[0], d.census.real); }),
    daily_metric(
        {"follower_share", "share",
         "real members posting at least once a week but less than daily since joining (C4)"},
        [](const GroupDay& d) { return ratio(d.census.classes[1], d.census.real); }),
    daily_metric({"lurker_share", "share",
                  "real members who posted, but less than once a week since joining (C4)"},
                 [](const GroupDay& d) { return ratio(d.census.classes[2], d.census.real); }),
    daily_metric({"quiet_share", "share",
                  "real members with no post in the last metrics.quiet_days days (lurking, C22)"},
                 [](const GroupDay& d) { return ratio(d.census.quiet, d.census.real); }),
    daily_metric({"inactive_share", "share", "real members who never posted in the group (C4)"},
                 [](const GroupDay& d) { return ratio(d.census.classes[3], d.census.real); }),
    daily_metric({"messages", "messages/day", "visible (not removed) messages today, all kinds"},
                 [](const GroupDay& d) { return d.census.visible; }),
    daily_metric({"content_messages", "messages/day",
                  "visible content posts by members today (owner promotions included)"},
                 [](const GroupDay& d) { return messages_of(d, MessageKind::content); }),
    daily_metric({"chat_messages", "messages/day", "visible idle chat today"},
                 [](const GroupDay& d) { return messages_of(d, MessageKind::chat); }),
    daily_metric({"ad_messages", "messages/day", "visible ads today"},
                 [](const GroupDay& d) { return messages_of(d, MessageKind::ad); }),
    daily_metric({"dispute_messages", "messages/day",
                  "visible complaints about removals and replies taking sides (C12)"},
                 [](const GroupDay& d) { return messages_of(d, MessageKind::dispute); }),
    daily_metric({"complaints", "messages/day",
                  "complaints about removals made today, removed or not (C12)"},
                 [](const GroupDay& d) { return double(d.group.today.complaints); }),
    daily_metric({"replies", "messages/day", "visible replies to earlier messages"},
                 [](const GroupDay& d) { return double(d.group.today.replies); }),
    daily_metric(
        {"reply_share", "share", "replies among visible posts by real members"},
        [](const GroupDay& d) { return ratio(d.group.today.replies, d.group.today.member_posts); }),
    daily_metric({"answered_share", "share",
                  "thread-opening posts by members leaving the reply window today that got at "
                  "least one reply (C16)"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.expired_answered, d.group.today.expired);
                 }),
    daily_metric({"programme_messages", "messages/day", "scheduled posts by the organisers today"},
                 [](const GroupDay& d) { return messages_of(d, MessageKind::programme); }),
    daily_metric(
        {"ad_share", "share", "ad_messages / messages"},
        [](const GroupDay& d) { return ratio(messages_of(d, MessageKind::ad), d.census.visible); }),
    daily_metric(
        {"focus", "cosine",
         "cosine of the running conversation topic with the founding focus (NaN once dead)"},
        [](const GroupDay& d) {
          const double conv = d.group.conversation.norm();
          return d.group.alive && conv > 1e-6 ? d.group.conversation.dot(d.group.focus) / conv
                                              : nan;
        }),
    daily_metric({"mean_alignment", "cosine",
                  "mean cosine of real members' interests with the founding focus"},
                 [](const GroupDay& d) { return ratio(d.census.align_sum, d.census.real); }),
    daily_metric(
        {"leaver_alignment", "cosine",
         "mean cosine with the founding focus of today's real leavers and removed members"},
        [](const GroupDay& d) {
          const auto& c = d.group.today;
          return ratio(c.leaver_alignment, c.top_decile_departures + c.other_departures);
        }),
    daily_metric({"mean_value", "value units", "mean value (expertise) of real members"},
                 [](const GroupDay& d) { return ratio(d.census.value_sum, d.census.real); }),
    daily_metric({"top_decile_value", "value units",
                  "mean value of the max(1, floor(n/10)) highest-value real members"},
                 [](const GroupDay& d) { return d.census.top_decile_value; }),
    daily_metric({"joiner_value", "value units", "mean value of today's real joiners"},
                 [](const GroupDay& d) {
                   const auto& c = d.group.today;
                   return ratio(c.joiner_value, c.joins_friend + c.joins_open + c.joins_influx);
                 }),
    daily_metric(
        {"leaver_value", "value units", "mean value of today's real leavers and removed members"},
        [](const GroupDay& d) {
          const auto& c = d.group.today;
          return ratio(c.leaver_value, c.top_decile_departures + c.other_departures);
        }),
    daily_metric({"leave_rate_top_decile", "1/day",
                  "departures today (leaves + removals) of members in the top value decile at day "
                  "start / that decile"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.top_decile_departures, d.group.top_decile_base);
                 }),
    daily_metric({"leave_rate_others", "1/day",
                  "departures today (leaves + removals) of the other real members / their number "
                  "at day start"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.other_departures, d.group.other_base);
                 }),
    daily_metric({"leave_rate_aligned", "1/day",
                  "departures today of members aligned with the purpose at day start (cosine >= "
                  "metrics.aligned_above) / their number (C10)"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.aligned_departures, d.group.aligned_base);
                 }),
    daily_metric({"aligned_leave_rate", "1/day",
                  "members aligned with the purpose at day start who left of their own accord "
                  "today / their number (C10, C12)"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.aligned_leaves, d.group.aligned_base);
                 }),
    daily_metric(
        {"expert_retention", "share",
         "founding experts (top value decile at founding) still members of the group or of a group "
         "split from it / founding experts"},
        [](const GroupDay& d) { return ratio(d.census.experts, d.group.founding_experts); }),
    daily_metric({"satisfaction", "0-1", "mean satisfaction of real members"},
                 [](const GroupDay& d) { return ratio(d.census.sat_sum, d.census.real); }),
    daily_metric({"gini_posts", "0-1",
                  "Gini coefficient of real members' posts since joining (NaN when nobody posted)"},
                 [](const GroupDay& d) { return d.census.gini_posts; }),
    daily_metric({"top10_post_share", "share",
                  "share of real members' posts written by the top ceil(n/10) posters"},
                 [](const GroupDay& d) { return d.census.top10_post_share; }),
    daily_metric({"value_gained", "value units/day",
                  "benefit real members drew from reading today, before costs"},
                 [](const GroupDay& d) { return d.group.today.value_gained; }),
    daily_metric({"value_per_message", "value units/message",
                  "value_gained / visible messages other than ads"},
                 [](const GroupDay& d) {
                   return ratio(d.group.today.value_gained,
                                d.census.visible - messages_of(d, MessageKind::ad));
                 }),
    daily_metric(
        {"value_per_member", "value units/day", "value_gained / real members"},
        [](const GroupDay& d) { return ratio(d.group.today.value_gained, d.census.real); }),
    daily_metric({"alive", "flag", "1 while the group is alive, 0 once it died or closed"},
                 [](const GroupDay& d) { return d.group.alive ? 1.0 : 0.0; }),
};

// Sum over groups of a group's number.
template <class F>
double sum_over_groups(const PlatformDay& d, F&& of) {
  double s = 0;
  for (std::size_t gi = 0; gi < d.census.size(); ++gi) s += of(d.world.groups[gi], d.census[gi]);
  return s;
}

double platform_ads(const PlatformDay& d) {
  return sum_over_groups(d, [](const GroupState& g, const GroupCensus&) {
    return double(g.today.messages[static_cast<int>(MessageKind::ad)]);
  });
}

double platform_messages(const PlatformDay& d) {
  return sum_over_groups(d, [](const GroupState&, const GroupCensus& c) { return c.visible; });
}

// The platform metrics, in output order.
[[maybe_unused]] const std::size_t world_metrics[] = {
    platform_metric({"members", "memberships", "memberships summed over all groups (sum of size)"},
                    [](const PlatformDay& d) {
                      return sum_over_groups(d, [](const GroupState&, const GroupCensus& c) {
                        return double(c.present);
                      });
                    }),
    platform_metric({"people_in_groups", "people",
                     "people who belong to at least one group (ad accounts included)"},
                    [](const PlatformDay& d) {
                      std::size_t n = 0;
                      for (auto k : d.world.groups_joined) n += k > 0;
                      return static_cast<double>(n);
                    }),
    platform_metric({"groups", "groups", "groups founded so far, split-off groups included"},
                    [](const PlatformDay& d) { return double(d.world.groups.size()); }),
    platform_metric({"groups_alive", "groups", "groups alive at the end of the day"},
                    [](const PlatformDay& d) {
                      return sum_over_groups(d, [](const GroupState& g, const GroupCensus&) {
                        return g.alive ? 1.0 : 0.0;
                      });
                    }),
    platform_metric({"messages", "messages/day", "visible messages on the platform today"},
                    platform_messages),
    platform_metric(
        {"ad_share", "share", "ads among visible messages on the platform today"},
        [](const PlatformDay& d) { return ratio(platform_ads(d), platform_messages(d)); }),
    platform_metric(
        {"joins", "people/day",
         "joins on the platform today (friend invitations, open channel, influx events)"},
        [](const PlatformDay& d) {
          return sum_over_groups(d, [](const GroupState& g, const GroupCensus&) {
            return double(g.today.joins_friend + g.today.joins_open + g.today.joins_influx);
          });
        }),
    platform_metric({"leaves", "people/day", "voluntary departures on the platform today"},
                    [](const PlatformDay& d) {
                      return sum_over_groups(d, [](const GroupState& g, const GroupCensus&) {
                        return double(g.today.leaves);
                      });
                    }),
    platform_metric({"removals", "people/day", "removals on the platform today"},
                    [](const PlatformDay& d) {
                      return sum_over_groups(d, [](const GroupState& g, const GroupCensus&) {
                        return double(g.today.removals);
                      });
                    }),
    platform_metric({"satisfaction", "0-1", "mean satisfaction over all real memberships"},
                    [](const PlatformDay& d) {
                      const double sat = sum_over_groups(
                          d, [](const GroupState&, const GroupCensus& c) { return c.sat_sum; });
                      const double real = sum_over_groups(
                          d,
                          [](const GroupState&, const GroupCensus& c) { return double(c.real); });
                      return ratio(sat, real);
                    }),
    platform_metric(
        {"value_gained", "value units/day", "benefit drawn from reading today, platform-wide"},
        [](const PlatformDay& d) {
          return sum_over_groups(
              d, [](const GroupState& g, const GroupCensus&) { return g.today.value_gained; });
        }),
};

std::vector<sim::MetricSpec> specs_of(const auto& metrics) {
  std::vector<sim::MetricSpec> out;
  for (const auto& m : metrics) out.push_back(m.spec);
  return out;
}

}  // namespace

const std::vector<sim::MetricSpec>& daily_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = specs_of(daily_metrics());
  return specs;
}

const std::vector<sim::MetricSpec>& platform_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = specs_of(platform_metrics());
  return specs;
}

void measure_day(World& w, sim::Day day, sim::DayFrame& f) {
  const Tick now = (day + 1) * sim::ticks_per_day;
  const auto& daily = daily_metrics();
  const auto& platform = platform_metrics();
  std::vector<GroupCensus> census(w.groups.size());
  // Founding experts are followed into the groups split from theirs.
  std::vector<std::size_t> experts(w.groups.size(), 0);
  for (const auto& g : w.groups)
    for (std::size_t i = 0; i < g.members.slots(); ++i)
      if (g.members.present(i) && g.members.expert_of[i] < experts.size())
        ++experts[g.members.expert_of[i]];
  for (std::size_t gi = 0; gi < w.groups.size(); ++gi) {
    census[gi] = take_census(w, w.groups[gi], now);
    census[gi].experts = experts[gi];
    const GroupDay d{w, w.groups[gi], census[gi]};
    for (std::size_t k = 0; k < daily.size(); ++k) f.at(k, gi) = daily[k].measure(d);
  }
  const PlatformDay d{w, census};
  for (std::size_t k = 0; k < platform.size(); ++k) f.platform[k] = platform[k].measure(d);
  for (auto& g : w.groups) g.today = DayCounts{};  // measuring closes the day
}

}  // namespace community
