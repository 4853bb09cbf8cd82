#include "models/community/metrics.hpp"

namespace community {
namespace {
enum Daily { size, messages, active_share, alive, daily_count };
enum Platform { members, platform_messages, groups_alive, platform_count };
}  // namespace

const std::vector<sim::MetricSpec>& daily_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = {
      {"size", "members", "members at the end of the day"},
      {"messages", "messages/day", "messages posted during the day"},
      {"active_share", "share", "share of members who posted in the last 7 days"},
      {"alive", "flag", "1 while the group is alive, 0 once it has died"},
  };
  return specs;
}

const std::vector<sim::MetricSpec>& platform_metric_specs() {
  static const std::vector<sim::MetricSpec> specs = {
      {"members", "memberships", "memberships summed over all groups"},
      {"messages", "messages/day", "messages posted on the platform during the day"},
      {"groups_alive", "groups", "groups alive at the end of the day"},
  };
  return specs;
}

void measure_day(World& w, sim::Day day, sim::DayFrame& f) {
  const sim::Tick now = (day + 1) * sim::ticks_per_day;
  const sim::Tick week = 7 * sim::ticks_per_day;
  double total_members = 0, total_messages = 0, total_alive = 0;
  for (std::size_t g = 0; g < w.groups.size(); ++g) {
    auto& group = w.groups[g];
    std::size_t active = 0;
    for (auto t : group.last_post_tick) active += (t != UINT32_MAX && now - t <= week);
    f.at(size, g) = static_cast<double>(group.size());
    f.at(messages, g) = group.messages_today;
    f.at(active_share, g) = group.size() ? double(active) / group.size() : 0.0;
    f.at(alive, g) = group.size() > 0 ? 1.0 : 0.0;
    total_members += group.size();
    total_messages += group.messages_today;
    total_alive += f.at(alive, g);
    group.messages_today = 0;
  }
  f.platform[members] = total_members;
  f.platform[platform_messages] = total_messages;
  f.platform[groups_alive] = total_alive;
}

}  // namespace community
