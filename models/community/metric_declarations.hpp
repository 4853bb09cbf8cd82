#pragma once
// Metrics declared once: each daily metric's name, unit and description stand beside the
// code that computes it (as Mesa's DataCollector reporters do), in the file of the rule it
// measures or in measurement.cpp. A declaration registers itself; the output holds every
// declared metric, in source order (sim/core/declarations.hpp). Nothing else lists them.
//
//   const auto size = daily_metric({"size", "members", "members at the end of the day"},
//                                  [](const GroupDay& d) { return double(d.census.present); });
//   const Counter rewarded = counter_metric({"rewarded", "members/day", "..."});
//   ...  group.today.add(rewarded);   // in the mechanism, during the day
#include <functional>
#include <source_location>
#include <vector>

#include "models/community/world.hpp"
#include "sim/output/metrics.hpp"

namespace community {

// Aggregates over a group's members at the end of a day, taken once and shared by the daily
// metrics, so that a metric does not need a pass over the members of its own.
struct GroupCensus {
  std::size_t present = 0;  // members, ad accounts included
  std::size_t real = 0;     // members who are not ad accounts: the shares' denominator
  std::size_t active = 0;   // posted in the last 7 days
  std::size_t muted = 0;
  std::size_t quiet = 0;                  // no post in the last metrics.quiet_days days
  std::size_t classes[4] = {0, 0, 0, 0};  // talkers, followers, lurkers, inactive (C4)
  std::size_t experts = 0;  // founding experts still here or in a group split from this one
  double value_sum = 0, align_sum = 0, sat_sum = 0;
  double gini_posts = 0, top10_post_share = 0;  // NaN when nobody posted
  double top_decile_value = 0;                  // NaN without real members
  double visible = 0;                           // visible messages today
};

// What a per-group metric sees at the end of a day.
struct GroupDay {
  const World& world;
  const GroupState& group;
  const GroupCensus& census;
};

// What a platform metric sees: every group's census (index = group id).
struct PlatformDay {
  const World& world;
  const std::vector<GroupCensus>& census;
};

struct DailyMetric {
  sim::MetricSpec spec;
  std::function<double(const GroupDay&)> measure;
};

struct PlatformMetric {
  sim::MetricSpec spec;
  std::function<double(const PlatformDay&)> measure;
};

// Declares /daily/<spec.name>: one value per group and day.
std::size_t daily_metric(sim::MetricSpec spec, std::function<double(const GroupDay&)> measure,
                         std::source_location where = std::source_location::current());

// Declares a count that mechanisms add to during the day (group.today.add(counter)) and that
// is reported as /daily/<spec.name>, the day's total.
Counter counter_metric(sim::MetricSpec spec,
                       std::source_location where = std::source_location::current());

// Declares /platform/<spec.name>: one value per day.
std::size_t platform_metric(sim::MetricSpec spec, std::function<double(const PlatformDay&)> measure,
                            std::source_location where = std::source_location::current());

// Every declared metric, in output order.
const std::vector<DailyMetric>& daily_metrics();
const std::vector<PlatformMetric>& platform_metrics();

}  // namespace community
