#include "models/community/metrics.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/membership_events.hpp"

namespace community {
namespace {

// Order here is the order of daily_metric_specs() below.
enum Daily {
  size,
  joins_friend,
  joins_open,
  leaves,
  removals,
  posts_removed,
  active_share,
  muted_share,
  talker_share,
  follower_share,
  lurker_share,
  inactive_share,
  messages,
  content_messages,
  chat_messages,
  ad_messages,
  programme_messages,
  ad_share,
  focus,
  mean_alignment,
  leaver_alignment,
  mean_value,
  top_decile_value,
  joiner_value,
  leaver_value,
  leave_rate_top_decile,
  leave_rate_others,
  leave_rate_aligned,
  expert_retention,
  satisfaction,
  gini_posts,
  top10_post_share,
  value_gained,
  value_per_message,
  alive,
  daily_count
};

enum Platform {
  p_members,
  p_people_in_groups,
  p_groups,
  p_groups_alive,
  p_messages,
  p_ad_share,
  p_joins,
  p_leaves,
  p_removals,
  p_satisfaction,
  p_value_gained,
  platform_count
};

const double nan = std::nan("");

double ratio(double a, double b) {
  return b > 0 ? a / b : nan;
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

}  // namespace

const std::vector<sim::MetricSpec>& daily_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = {
      {"size", "members", "members at the end of the day (ad accounts included)"},
      {"joins_friend", "people/day", "joined through a friend's invitation"},
      {"joins_open", "people/day", "joined through the open channel"},
      {"leaves", "people/day", "members who left of their own accord"},
      {"removals", "people/day", "members removed by moderators or rules (ad accounts included)"},
      {"posts_removed", "messages/day", "posts removed by moderators"},
      {"active_share", "share", "share of members who posted in the last 7 days"},
      {"muted_share", "share", "share of members who muted the group"},
      {"talker_share", "share",
       "members posting at least once a day on average since joining (C4)"},
      {"follower_share", "share", "members posting at least once a week but less than daily (C4)"},
      {"lurker_share", "share", "members who posted, but less than once a week (C4)"},
      {"inactive_share", "share", "members who never posted (C4)"},
      {"messages", "messages/day", "visible messages (after moderation)"},
      {"content_messages", "messages/day", "visible content posts by members"},
      {"chat_messages", "messages/day", "visible idle chat"},
      {"ad_messages", "messages/day", "visible ads"},
      {"programme_messages", "messages/day", "scheduled posts by the organisers"},
      {"ad_share", "share", "ads among visible messages"},
      {"focus", "cosine", "alignment of the running conversation topic with the founding focus"},
      {"mean_alignment", "cosine", "mean alignment of members' interests with the founding focus"},
      {"leaver_alignment", "cosine", "mean alignment of today's leavers and removed members"},
      {"mean_value", "value units", "mean value (expertise) of members"},
      {"top_decile_value", "value units", "mean value of the members in the top value decile"},
      {"joiner_value", "value units", "mean value of today's joiners"},
      {"leaver_value", "value units", "mean value of today's leavers and removed members"},
      {"leave_rate_top_decile", "1/day",
       "share of the top value decile that left or was removed today"},
      {"leave_rate_others", "1/day", "share of the other members that left or were removed today"},
      {"leave_rate_aligned", "1/day",
       "share of members aligned with the purpose that left or were removed today (C10)"},
      {"expert_retention", "share",
       "founding experts (top value decile at founding) still members"},
      {"satisfaction", "0-1", "mean satisfaction of members"},
      {"gini_posts", "0-1", "Gini coefficient of members' posts since joining"},
      {"top10_post_share", "share", "share of members' posts written by the top 10% of posters"},
      {"value_gained", "value units/day", "benefit members drew from reading today"},
      {"value_per_message", "value units/message", "value gained per visible message"},
      {"alive", "flag", "1 while the group is alive, 0 once it died or closed"},
  };
  return specs;
}

const std::vector<sim::MetricSpec>& platform_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = {
      {"members", "memberships", "memberships summed over all groups"},
      {"people_in_groups", "people", "people who belong to at least one group"},
      {"groups", "groups", "groups founded so far (splits included)"},
      {"groups_alive", "groups", "groups alive at the end of the day"},
      {"messages", "messages/day", "visible messages on the platform"},
      {"ad_share", "share", "ads among visible messages on the platform"},
      {"joins", "people/day", "joins on the platform"},
      {"leaves", "people/day", "voluntary departures on the platform"},
      {"removals", "people/day", "removals on the platform"},
      {"satisfaction", "0-1", "mean satisfaction over all memberships"},
      {"value_gained", "value units/day", "benefit drawn from reading, platform-wide"},
  };
  return specs;
}

void measure_day(World& w, sim::Day day, sim::DayFrame& f) {
  const Tick now = (day + 1) * sim::ticks_per_day;
  const Tick week = 7 * sim::ticks_per_day;
  double pm[platform_count] = {};
  double platform_sat_sum = 0, platform_ads = 0;
  for (std::size_t gi = 0; gi < w.groups.size(); ++gi) {
    GroupState& g = w.groups[gi];
    const auto& m = g.members;
    const DayCounts& c = g.today;
    std::size_t present = 0, real = 0, active = 0, muted = 0, classes[4] = {0, 0, 0, 0},
                experts = 0;
    double value_sum = 0, align_sum = 0, sat_sum = 0;
    auto& posts = g.scratch_values;
    posts.clear();
    for (std::size_t i = 0; i < m.slots(); ++i) {
      if (!m.present(i)) continue;
      ++present;
      if (m.flags[i] & ad_account) continue;
      ++real;
      const PersonId p = m.person[i];
      active += m.last_post[i] != never && now - m.last_post[i] <= week;
      muted += m.state[i] == MemberState::muted;
      const double tenure_days = std::max(1.0, double(now - m.joined[i]) / sim::ticks_per_day);
      const double rate = m.posts[i] / tenure_days;
      ++classes[m.posts[i] == 0 ? 3 : rate >= 1 ? 0 : rate >= 1.0 / 7 ? 1 : 2];
      value_sum += w.people.value[p];
      align_sum += alignment(w, g, p);
      sat_sum += m.satisfaction[i];
      experts += (m.flags[i] & founding_expert) != 0;
      posts.push_back(static_cast<float>(m.posts[i]));
    }
    const auto [gini, top10] = inequality(posts);
    // Mean value of the top decile (values re-use the scratch buffer after the Gini).
    posts.clear();
    for (std::size_t i = 0; i < m.slots(); ++i)
      if (m.present(i) && !(m.flags[i] & ad_account)) posts.push_back(w.people.value[m.person[i]]);
    double top_value = nan;
    if (!posts.empty()) {
      const std::size_t top_n = std::max<std::size_t>(1, posts.size() / 10);
      std::nth_element(posts.begin(),
                       posts.begin() + static_cast<std::ptrdiff_t>(posts.size() - top_n),
                       posts.end());
      double s = 0;
      for (std::size_t i = posts.size() - top_n; i < posts.size(); ++i) s += posts[i];
      top_value = s / top_n;
    }
    const double visible = c.messages[0] + c.messages[1] + c.messages[2] + c.messages[3];
    const double conv = g.conversation.norm();
    f.at(size, gi) = static_cast<double>(present);
    f.at(joins_friend, gi) = c.joins_friend;
    f.at(joins_open, gi) = c.joins_open;
    f.at(leaves, gi) = c.leaves;
    f.at(removals, gi) = c.removals;
    f.at(posts_removed, gi) = c.posts_removed;
    f.at(active_share, gi) = ratio(active, real);
    f.at(muted_share, gi) = ratio(muted, real);
    f.at(talker_share, gi) = ratio(classes[0], real);
    f.at(follower_share, gi) = ratio(classes[1], real);
    f.at(lurker_share, gi) = ratio(classes[2], real);
    f.at(inactive_share, gi) = ratio(classes[3], real);
    f.at(messages, gi) = visible;
    f.at(content_messages, gi) = c.messages[static_cast<int>(MessageKind::content)];
    f.at(chat_messages, gi) = c.messages[static_cast<int>(MessageKind::chat)];
    f.at(ad_messages, gi) = c.messages[static_cast<int>(MessageKind::ad)];
    f.at(programme_messages, gi) = c.messages[static_cast<int>(MessageKind::programme)];
    f.at(ad_share, gi) = ratio(c.messages[static_cast<int>(MessageKind::ad)], visible);
    f.at(focus, gi) = g.alive && conv > 1e-6 ? g.conversation.dot(g.focus) / conv : nan;
    f.at(mean_alignment, gi) = ratio(align_sum, real);
    f.at(leaver_alignment, gi) =
        ratio(c.leaver_alignment, c.top_decile_departures + c.other_departures);
    f.at(mean_value, gi) = ratio(value_sum, real);
    f.at(top_decile_value, gi) = top_value;
    f.at(joiner_value, gi) = ratio(c.joiner_value, c.joins_friend + c.joins_open);
    f.at(leaver_value, gi) = ratio(c.leaver_value, c.top_decile_departures + c.other_departures);
    f.at(leave_rate_top_decile, gi) = ratio(c.top_decile_departures, g.top_decile_base);
    f.at(leave_rate_others, gi) = ratio(c.other_departures, g.other_base);
    f.at(leave_rate_aligned, gi) = ratio(c.aligned_departures, g.aligned_base);
    f.at(expert_retention, gi) = ratio(experts, g.founding_experts);
    f.at(satisfaction, gi) = ratio(sat_sum, real);
    f.at(gini_posts, gi) = gini;
    f.at(top10_post_share, gi) = top10;
    f.at(value_gained, gi) = c.value_gained;
    f.at(value_per_message, gi) = ratio(c.value_gained, visible);
    f.at(alive, gi) = g.alive ? 1.0 : 0.0;

    pm[p_members] += present;
    pm[p_groups_alive] += g.alive;
    pm[p_messages] += visible;
    platform_ads += c.messages[static_cast<int>(MessageKind::ad)];
    pm[p_joins] += c.joins_friend + c.joins_open;
    pm[p_leaves] += c.leaves;
    pm[p_removals] += c.removals;
    platform_sat_sum += sat_sum;
    pm[p_satisfaction] += real;  // denominator, divided below
    pm[p_value_gained] += c.value_gained;
    g.today = DayCounts{};  // measuring closes the day
  }
  std::size_t people_in_groups = 0;
  for (auto n : w.groups_joined) people_in_groups += n > 0;
  pm[p_people_in_groups] = static_cast<double>(people_in_groups);
  pm[p_groups] = static_cast<double>(w.groups.size());
  pm[p_ad_share] = ratio(platform_ads, pm[p_messages]);
  pm[p_satisfaction] = ratio(platform_sat_sum, pm[p_satisfaction]);
  for (int k = 0; k < platform_count; ++k) f.platform[k] = pm[k];
}

}  // namespace community
