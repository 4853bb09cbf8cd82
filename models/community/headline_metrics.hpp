#pragma once
// The community model's headline metrics: one number per run, read from its run file, that
// `commsim compare` summarizes over replicates and compares between arms. The engine's
// compare code (sim/compare) knows nothing of these names; it takes this list.
//
// With D = days in the file and "founding groups" = the groups present on day 0 (/daily
// columns that are not NaN on day 0), the definitions are (also in each description):
//   days_alive         mean over founding groups of the days with alive == 1
//   alive_at_end       share of the groups existing on the last day (splits and peer-founded
//                      groups included) that are alive then
//   final_size         mean over the groups existing on the last day of their size then,
//                      dead groups counting 0
//   active_share, muted_share
//                      mean over every (day, group) cell with the group alive that day
//                      (groups founded later included from their founding)
//   ad_share           mean over days of /platform/ad_share (NaN days skipped)
//   focus, mean_value  mean over the (day, group) cells of the last third of the run (days
//                      floor(2D/3) .. D-1) with the group alive (NaN cells skipped)
//   expert_retention   mean over founding groups of expert_retention on the last day (NaN -> 0)
//   leaves, departures, removals
//                      voluntary leaves, leaves + removals, removals: summed over the run and
//                      over every group (splits included), divided by the founding groups
//   quiet_share, answered_share
//                      means over alive cells, as active_share
//   value_gained       sum over days of /platform/value_gained
//   value_per_message  value gained / visible messages other than ads (sums over days, groups)
//   value_per_member_day, replies_per_post, disputes
//                      ratios of sums over days and groups (see each description)
// A metric with nothing to average (no founding group, no alive cell) is NaN.
#include "sim/compare/headline_metric.hpp"

namespace community {

const sim::compare::HeadlineMetrics& headline_metrics();

}  // namespace community
