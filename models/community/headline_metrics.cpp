#include "models/community/headline_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace community {
namespace {

using sim::DailyMatrix;
using sim::RunReader;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool is_alive(double flag) {
  return flag == 1.0;
}

// Columns of groups present on day 0.
std::vector<std::size_t> founding_groups(const DailyMatrix& alive) {
  std::vector<std::size_t> out;
  if (alive.days == 0) return out;
  for (std::size_t g = 0; g < alive.groups; ++g)
    if (!std::isnan(alive.at(0, g))) out.push_back(g);
  return out;
}

// Columns of groups that exist on the last day.
std::vector<std::size_t> groups_at_end(const DailyMatrix& alive) {
  std::vector<std::size_t> out;
  if (alive.days == 0) return out;
  for (std::size_t g = 0; g < alive.groups; ++g)
    if (!std::isnan(alive.at(alive.days - 1, g))) out.push_back(g);
  return out;
}

// Mean of `metric` over the cells (day >= first_day, group alive that day) that are not NaN.
double mean_over_alive_cells(const RunReader& run, const std::string& metric,
                             std::size_t first_day) {
  const DailyMatrix& alive = run.daily("alive");
  const DailyMatrix& values = run.daily(metric);
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t d = first_day; d < alive.days && d < values.days; ++d)
    for (std::size_t g = 0; g < alive.groups && g < values.groups; ++g) {
      const double v = values.at(d, g);
      if (is_alive(alive.at(d, g)) && !std::isnan(v)) sum += v, ++n;
    }
  return n ? sum / static_cast<double>(n) : nan;
}

std::size_t last_third_start(std::size_t days) {
  return 2 * days / 3;
}

double days_alive(const RunReader& run) {
  const DailyMatrix& alive = run.daily("alive");
  auto groups = founding_groups(alive);
  if (groups.empty()) return nan;
  double total = 0;
  for (auto g : groups)
    for (std::size_t d = 0; d < alive.days; ++d) total += is_alive(alive.at(d, g));
  return total / static_cast<double>(groups.size());
}

double alive_at_end(const RunReader& run) {
  const DailyMatrix& alive = run.daily("alive");
  auto groups = groups_at_end(alive);
  if (groups.empty()) return nan;
  double n = 0;
  for (auto g : groups) n += is_alive(alive.at(alive.days - 1, g));
  return n / static_cast<double>(groups.size());
}

double final_size(const RunReader& run) {
  const DailyMatrix& alive = run.daily("alive");
  const DailyMatrix& size = run.daily("size");
  auto groups = groups_at_end(alive);
  if (groups.empty() || size.days != alive.days) return nan;
  double total = 0;
  const std::size_t last = alive.days - 1;
  for (auto g : groups) {
    const double s = g < size.groups ? size.at(last, g) : nan;
    total += is_alive(alive.at(last, g)) && !std::isnan(s) ? s : 0.0;
  }
  return total / static_cast<double>(groups.size());
}

double platform_mean(const RunReader& run, const std::string& metric) {
  double sum = 0;
  std::size_t n = 0;
  for (double v : run.platform(metric))
    if (!std::isnan(v)) sum += v, ++n;
  return n ? sum / static_cast<double>(n) : nan;
}

double platform_sum(const RunReader& run, const std::string& metric) {
  double sum = 0;
  for (double v : run.platform(metric))
    if (!std::isnan(v)) sum += v;
  return sum;
}

double expert_retention(const RunReader& run) {
  const DailyMatrix& alive = run.daily("alive");
  const DailyMatrix& retention = run.daily("expert_retention");
  auto groups = founding_groups(alive);
  if (groups.empty() || retention.days == 0) return nan;
  double total = 0;
  for (auto g : groups) {
    const double v = g < retention.groups ? retention.at(retention.days - 1, g) : nan;
    total += std::isnan(v) ? 0.0 : v;
  }
  return total / static_cast<double>(groups.size());
}

// Per founding group: the sum over every group and day of the given daily counts.
double per_founding_group(const RunReader& run, const std::vector<std::string>& counts) {
  auto groups = founding_groups(run.daily("alive"));
  if (groups.empty()) return nan;
  double total = 0;
  for (const auto& metric : counts)
    for (double v : run.daily(metric).values)
      if (!std::isnan(v)) total += v;
  return total / static_cast<double>(groups.size());
}

// Sum over every (day, group) cell of a daily metric (NaN cells skipped).
double daily_sum(const RunReader& run, const std::string& metric) {
  double total = 0;
  for (double v : run.daily(metric).values)
    if (!std::isnan(v)) total += v;
  return total;
}

double ratio_of_sums(const RunReader& run, const std::string& num,
                     const std::vector<std::string>& den_plus,
                     const std::vector<std::string>& den_minus = {}) {
  double den = 0;
  for (const auto& m : den_plus) den += daily_sum(run, m);
  for (const auto& m : den_minus) den -= daily_sum(run, m);
  return den > 0 ? daily_sum(run, num) / den : nan;
}

// Sum of a /groups column over num, over the sum of another: totals over every group ever
// founded, so groups that opened and closed between two daily rows (flash groups, C23) count.
double groups_ratio(const RunReader& run, const std::string& num, const std::string& den) {
  const auto names = run.table_names();
  if (std::find(names.begin(), names.end(), "groups") == names.end()) return nan;
  double a = 0, b = 0;
  for (double v : run.table_column("groups", num)) a += v;
  for (double v : run.table_column("groups", den)) b += v;
  return b > 0 ? a / b : nan;
}

}  // namespace

const sim::compare::HeadlineMetrics& headline_metrics() {
  static const sim::compare::HeadlineMetrics metrics = {
      {"days_alive", "days",
       "mean over founding groups (present on day 0) of the days with alive == 1", days_alive},
      {"alive_at_end", "share",
       "share of the groups existing on the last day (later-founded ones included) that are alive "
       "then",
       alive_at_end},
      {"final_size", "members",
       "mean over the groups existing on the last day of their size then (dead groups count 0)",
       final_size},
      {"active_share", "share",
       "mean of /daily/active_share over every day and every group alive that day",
       [](const RunReader& r) { return mean_over_alive_cells(r, "active_share", 0); }},
      {"muted_share", "share",
       "mean of /daily/muted_share over every day and every group alive that day",
       [](const RunReader& r) { return mean_over_alive_cells(r, "muted_share", 0); }},
      {"ad_share", "share", "mean over days of /platform/ad_share (days without messages skipped)",
       [](const RunReader& r) { return platform_mean(r, "ad_share"); }},
      {"focus", "cosine",
       "mean of /daily/focus over the last third of the run (days floor(2D/3)..D-1), groups alive",
       [](const RunReader& r) {
         return mean_over_alive_cells(r, "focus", last_third_start(r.daily("alive").days));
       }},
      {"mean_value", "value units",
       "mean of /daily/mean_value over the last third of the run (days floor(2D/3)..D-1), groups "
       "alive",
       [](const RunReader& r) {
         return mean_over_alive_cells(r, "mean_value", last_third_start(r.daily("alive").days));
       }},
      {"expert_retention", "share",
       "mean over founding groups of /daily/expert_retention on the last day (NaN counts 0)",
       expert_retention},
      {"quiet_share", "share",
       "mean of /daily/quiet_share (members with no post in metrics.quiet_days days) over every "
       "day and every group alive that day",
       [](const RunReader& r) { return mean_over_alive_cells(r, "quiet_share", 0); }},
      {"leaves", "people/group",
       "voluntary departures over the run, summed over every group (splits included), per "
       "founding group",
       [](const RunReader& r) { return per_founding_group(r, {"leaves"}); }},
      {"departures", "people/group",
       "leaves + removals over the run, summed over every group (splits included), per founding "
       "group",
       [](const RunReader& r) {
         return per_founding_group(r, {"leaves", "removals"});
       }},
      {"removals", "people/group",
       "removals over the run, summed over every group (splits included), per founding group",
       [](const RunReader& r) { return per_founding_group(r, {"removals"}); }},
      {"value_gained", "value units",
       "sum over the run of /platform/value_gained (benefit members drew from reading)",
       [](const RunReader& r) { return platform_sum(r, "value_gained"); }},
      {"value_per_message", "value units/message",
       "/daily/value_gained summed over the run and the groups, over the visible messages other "
       "than ads",
       [](const RunReader& r) {
         return ratio_of_sums(r, "value_gained", {"messages"}, {"ad_messages"});
       }},
      {"value_per_member_day", "value units/day",
       "/daily/value_gained summed over the run and the groups, over the member-days (sum of "
       "/daily/size)",
       [](const RunReader& r) { return ratio_of_sums(r, "value_gained", {"size"}); }},
      {"value_per_member_hour", "value units/hour",
       "benefit drawn from reading over the member-hours spent in groups, totals of /groups over "
       "every group ever founded (C23: what an hour in a group is worth)",
       [](const RunReader& r) { return groups_ratio(r, "value_gained", "member_hours"); }},
      {"took_part_share", "share",
       "members who posted at least once over the members who ever joined, totals of /groups "
       "over every group ever founded (F1: the share who have spoken)",
       [](const RunReader& r) { return groups_ratio(r, "took_part", "members_ever"); }},
      {"ad_message_share", "share",
       "ads over all visible messages, totals of /groups over every group ever founded",
       [](const RunReader& r) { return groups_ratio(r, "ad_messages", "messages"); }},
      {"replies_per_post", "share",
       "visible replies over the visible posts by members (messages less ads and programme "
       "posts), summed over the run and the groups",
       [](const RunReader& r) {
         return ratio_of_sums(r, "replies", {"messages"}, {"ad_messages", "programme_messages"});
       }},
      {"answered_share", "share",
       "mean of /daily/answered_share (thread-opening posts that drew a reply) over every day and "
       "every group alive that day",
       [](const RunReader& r) { return mean_over_alive_cells(r, "answered_share", 0); }},
      {"disputes", "share",
       "complaints about removals over all messages, summed over the run and the groups (C12)",
       [](const RunReader& r) { return ratio_of_sums(r, "complaints", {"messages"}); }},
  };
  return metrics;
}

}  // namespace community
