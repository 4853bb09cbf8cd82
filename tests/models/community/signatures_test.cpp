// Failure-mode signatures (claims C10-C15): each scenario in scenarios/failure/ is run with
// all its replicates, and the failure arm must differ from the control in the documented
// direction, by a margin, on the mean over replicates — and in most single replicates.
// Nothing here fixes a number from a previous run: margins are directions with slack.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "support/model_runs.hpp"

using testing_support::DailySeries;
using testing_support::run_plan_in_memory;

namespace {

using Measure = std::function<double(const DailySeries&)>;

double mean_of(const std::vector<DailySeries>& runs, const Measure& f) {
  double s = 0;
  for (const auto& r : runs) s += f(r);
  return s / runs.size();
}

// Mean of a per-group metric over the last third of the run (groups alive that day).
Measure late(const std::string& metric) {
  return [metric](const DailySeries& r) {
    const std::size_t n = r.days.size();
    double sum = 0;
    std::size_t k = 0;
    for (std::size_t d = n - n / 3; d < n; ++d)
      for (std::size_t g = 0; g < r.groups(d); ++g) {
        if (r.daily("alive", d, g) != 1.0) continue;
        double x = r.daily(metric, d, g);
        if (std::isnan(x)) continue;
        sum += x;
        ++k;
      }
    return k ? sum / k : std::nan("");
  };
}

// Share of the groups founded on day 0 that are alive on the last day.
double alive_at_end(const DailySeries& r) {
  const std::size_t last = r.days.size() - 1, g0 = r.groups(0);
  double alive = 0;
  for (std::size_t g = 0; g < g0; ++g) alive += r.daily("alive", last, g) == 1.0;
  return alive / g0;
}

// Departures (leaves + removals) and removals per member-day while groups are alive.
Measure per_member_day(std::vector<std::string> metrics) {
  return [metrics](const DailySeries& r) {
    double events = 0, member_days = 0;
    for (std::size_t d = 0; d < r.days.size(); ++d)
      for (std::size_t g = 0; g < r.groups(d); ++g) {
        if (r.daily("alive", d, g) != 1.0) continue;
        for (const auto& m : metrics) events += r.daily(m, d, g);
        member_days += r.daily("size", d, g);
      }
    return member_days > 0 ? events / member_days : 0.0;
  };
}

double total_value(const DailySeries& r) {
  double s = 0;
  for (std::size_t d = 0; d < r.days.size(); ++d) s += r.platform("value_gained", d);
  return s;
}

// How many replicates of `failure` sit on the expected side of the control's mean.
int replicates_beyond(const std::vector<DailySeries>& failure, const Measure& f,
                      double control_mean, bool expect_higher) {
  int n = 0;
  for (const auto& r : failure) n += expect_higher ? f(r) > control_mean : f(r) < control_mean;
  return n;
}

}  // namespace

TEST_CASE("leaderless drift: ads take over, messages lose value, members mute (C11, C15)",
          "[signature]") {
  auto arms = run_plan_in_memory("failure/leaderless.toml");
  const auto& control = arms.at("control");
  const auto& failure = arms.at("failure");
  const double ads_c = mean_of(control, late("ad_share")),
               ads_f = mean_of(failure, late("ad_share"));
  const double vpm_c = mean_of(control, late("value_per_message")),
               vpm_f = mean_of(failure, late("value_per_message"));
  const double mute_c = mean_of(control, late("muted_share")),
               mute_f = mean_of(failure, late("muted_share"));
  INFO("ad share " << ads_c << " -> " << ads_f << "; value/message " << vpm_c << " -> " << vpm_f
                   << "; muted " << mute_c << " -> " << mute_f);
  CHECK(ads_f > ads_c + 0.2);
  CHECK(vpm_f < 0.5 * vpm_c);
  CHECK(mute_f > mute_c + 0.1);
  CHECK(replicates_beyond(failure, late("ad_share"), ads_c + 0.2, true) >= 4);
}

TEST_CASE("over-strict rules: removals and departures rise, fewer members post (C12)",
          "[signature]") {
  auto arms = run_plan_in_memory("failure/tyranny.toml");
  const auto& control = arms.at("control");
  const auto& failure = arms.at("failure");
  const auto removals = per_member_day({"removals"});
  const auto departures = per_member_day({"removals", "leaves"});
  auto active = [](const DailySeries& r) {
    return r.window_mean("active_share", 7, r.days.size());
  };
  const double rem_c = mean_of(control, removals), rem_f = mean_of(failure, removals);
  const double dep_c = mean_of(control, departures), dep_f = mean_of(failure, departures);
  const double act_c = mean_of(control, active), act_f = mean_of(failure, active);
  INFO("removals/member-day " << rem_c << " -> " << rem_f << "; departures " << dep_c << " -> "
                              << dep_f << "; active share " << act_c << " -> " << act_f);
  CHECK(rem_f > 1.5 * rem_c);
  CHECK(dep_f > 1.5 * dep_c);
  CHECK(act_f < act_c - 0.1);
  CHECK(replicates_beyond(failure, departures, dep_c, true) >= 4);
}

TEST_CASE(
    "boredom: messages decay, members mute, groups die; a programme keeps them alive (C13, C25)",
    "[signature]") {
  auto arms = run_plan_in_memory("failure/boredom.toml");
  const auto& control = arms.at("control");
  const auto& failure = arms.at("failure");
  const double alive_c = mean_of(control, alive_at_end), alive_f = mean_of(failure, alive_at_end);
  INFO("alive at the end " << alive_c << " vs " << alive_f);
  CHECK(alive_c >= 0.8);
  CHECK(alive_f <= 0.4);
  // Before they die, failing groups fall silent and mute: compare each dead group's last
  // alive month with its peak month.
  int decayed = 0, dead = 0;
  for (const auto& r : failure) {
    for (std::size_t g = 0; g < r.groups(0); ++g) {
      std::size_t last_alive = 0;
      while (last_alive + 1 < r.days.size() && r.daily("alive", last_alive + 1, g) == 1.0)
        ++last_alive;
      if (last_alive + 1 >= r.days.size() || last_alive < 60) continue;
      ++dead;
      double peak = 0, end = 0, muted_end = 0;
      for (std::size_t d = 0; d + 30 <= last_alive; ++d) {
        double s = 0;
        for (std::size_t k = d; k < d + 30; ++k) s += r.daily("messages", k, g);
        peak = std::max(peak, s);
      }
      for (std::size_t k = last_alive - 29; k <= last_alive; ++k) {
        end += r.daily("messages", k, g);
        muted_end += r.daily("muted_share", k, g) / 30;
      }
      decayed += end < 0.5 * peak && muted_end > 0.4;
    }
  }
  INFO(decayed << " of " << dead << " groups that died after two months decayed and muted first");
  CHECK(dead >= 5);
  CHECK(decayed >= 0.8 * dead);
}

TEST_CASE("value evaporation: experts leave, the group's value sinks; screening prevents it (C14)",
          "[signature]") {
  auto arms = run_plan_in_memory("failure/evaporation.toml");
  const auto& control = arms.at("control");
  const auto& failure = arms.at("failure");
  auto value_change = [](const DailySeries& r) {
    return r.window_mean("mean_value", r.days.size() - 30, r.days.size()) /
           r.window_mean("mean_value", 0, 7);
  };
  auto retention = [](const DailySeries& r) {
    return r.group_mean("expert_retention", r.days.size() - 1);
  };
  auto expert_excess = [](const DailySeries& r) {
    return r.window_mean("leave_rate_top_decile", 7, r.days.size()) /
           r.window_mean("leave_rate_others", 7, r.days.size());
  };
  const double dv_c = mean_of(control, value_change), dv_f = mean_of(failure, value_change);
  const double ret_c = mean_of(control, retention), ret_f = mean_of(failure, retention);
  const double ex_c = mean_of(control, expert_excess), ex_f = mean_of(failure, expert_excess);
  INFO("mean value end/start " << dv_c << " vs " << dv_f << "; expert retention " << ret_c << " vs "
                               << ret_f << "; expert/other leave-rate ratio " << ex_c << " vs "
                               << ex_f);
  CHECK(dv_f < 0.7);          // the open group's value sinks ...
  CHECK(dv_c > dv_f + 0.15);  // ... far more than the screened group's
  CHECK(ret_f < 0.7 * ret_c);
  CHECK(ex_f > 1.2);         // experts leave faster than others in the failure arm
  CHECK(ex_f > ex_c + 0.2);  // and not (or much less) in the control
  CHECK(replicates_beyond(failure, value_change, dv_c, false) >= 4);
}

TEST_CASE("loss of focus: the conversation drifts and aligned members leave faster (C10)",
          "[signature]") {
  auto arms = run_plan_in_memory("failure/focus_loss.toml");
  const auto& control = arms.at("control");
  const auto& failure = arms.at("failure");
  auto aligned_leaving = [](const DailySeries& r) {
    return r.window_mean("leave_rate_aligned", 7, r.days.size());
  };
  const double focus_c = mean_of(control, late("focus")), focus_f = mean_of(failure, late("focus"));
  const double al_c = mean_of(control, aligned_leaving), al_f = mean_of(failure, aligned_leaving);
  INFO("focus " << focus_c << " -> " << focus_f << "; aligned members' leave rate " << al_c
                << " -> " << al_f);
  CHECK(focus_f < focus_c - 0.05);
  CHECK(al_f > 1.2 * al_c);
  CHECK(replicates_beyond(failure, late("focus"), focus_c, false) >= 4);
}

TEST_CASE("strictness sweep: group health is an inverted U (C11, C12)", "[signature]") {
  auto points = run_plan_in_memory("sweeps/strictness.toml");
  // Points in declaration order: strictness 0, 0.15, 0.3, 0.5, 0.7, 0.85, 1.0.
  std::vector<double> health;
  for (int p = 0; p < 7; ++p)
    health.push_back(mean_of(points.at("p" + std::to_string(p)), total_value));
  const double best = *std::max_element(health.begin(), health.end());
  INFO("value gained by strictness: " << health[0] << " " << health[1] << " " << health[2] << " "
                                      << health[3] << " " << health[4] << " " << health[5] << " "
                                      << health[6]);
  CHECK(health.front() < 0.9 * best);  // lax rules: noise
  CHECK(health.back() < 0.5 * best);   // tyranny
  const auto peak = std::max_element(health.begin(), health.end()) - health.begin();
  CHECK(peak > 0);
  CHECK(peak < 6);
}
