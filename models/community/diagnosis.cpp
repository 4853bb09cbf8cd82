#include "models/community/diagnosis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace community {
namespace {

// Thresholds of the rules (see the header and docs/ODD.md).
constexpr double leaderless_ad_share = 0.2;      // late ad share at least
constexpr double leaderless_value_drop = 0.5;    // late value/message below this × early
constexpr double strict_removal_rate = 0.006;    // removals per member-day at least
constexpr double strict_active_share = 0.2;      // mean active share at most
constexpr double bored_message_drop = 0.2;       // late messages below this × peak month
constexpr double bored_muted_share = 0.55;       // late muted share at least
constexpr double evaporation_value_drop = 0.65;  // late mean value below this × first week
constexpr double evaporation_retention = 0.2;    // founding experts left at most
constexpr double focus_late = 0.8;               // late focus below
constexpr double focus_alignment = 0.45;         // late mean alignment of members below
constexpr double focus_aligned_leaving = 0.006;  // aligned members leaving per day above

std::string fmt(const char* pattern, double a, double b = 0, double c = 0, double d = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, pattern, a, b, c, d);
  return buf;
}

class GroupSeries {
 public:
  GroupSeries(const sim::RunReader& run, std::size_t group, std::size_t last)
      : run_(run), g_(group), last_(last) {}

  double at(const std::string& m, std::size_t day) const { return run_.daily(m).at(day, g_); }

  // Mean over days [from, to] (clipped to the group's life), NaN days skipped.
  double mean(const std::string& m, std::size_t from, std::size_t to) const {
    const auto& x = run_.daily(m);
    double s = 0;
    std::size_t n = 0;
    for (std::size_t d = from; d <= std::min(to, last_); ++d) {
      double v = x.at(d, g_);
      if (std::isnan(v)) continue;
      s += v;
      ++n;
    }
    return n ? s / n : std::nan("");
  }
  double sum(const std::string& m) const { return mean(m, 0, last_) * (last_ + 1); }
  double early(const std::string& m) const { return mean(m, 0, std::min<std::size_t>(20, last_)); }
  double late(const std::string& m) const { return mean(m, late_from(), last_); }
  std::size_t late_from() const { return last_ >= 29 ? last_ - 29 : 0; }
  // Highest 30-day mean of a metric over the group's life, and where that month began.
  std::pair<double, std::size_t> peak_month(const std::string& m) const {
    double best = 0;
    std::size_t at = 0;
    for (std::size_t d = 0; d + 29 <= last_; ++d) {
      double v = mean(m, d, d + 29);
      if (v > best) {
        best = v;
        at = d;
      }
    }
    return {best, at};
  }
  std::size_t last() const { return last_; }

 private:
  const sim::RunReader& run_;
  std::size_t g_, last_;
};

void check_leaderless(const GroupSeries& s, std::vector<Finding>& out) {
  const double ads = s.late("ad_share"), vpm0 = s.early("value_per_message"),
               vpm = s.late("value_per_message");
  if (ads >= leaderless_ad_share && vpm < leaderless_value_drop * vpm0)
    out.push_back(
        {FailureMode::leaderless_drift,
         {fmt("ads are %.0f%% of messages in days %.0f-%.0f", 100 * ads, s.late_from(), s.last()),
          fmt("value per message fell from %.3g (days 0-20) to %.3g", vpm0, vpm)}});
}

void check_strict(const GroupSeries& s, std::vector<Finding>& out) {
  const double member_days = s.sum("size");
  const double removals = s.sum("removals");
  const double rate = member_days > 0 ? removals / member_days : 0;
  const double active = s.mean("active_share", 7, s.last());
  if (rate >= strict_removal_rate && active <= strict_active_share)
    out.push_back({FailureMode::over_strict_rules,
                   {fmt("%.0f members removed, %.2f%% of members a day", removals, 100 * rate),
                    fmt("only %.0f%% of members posted in a week (mean over days 7-%.0f)",
                        100 * active, s.last())}});
}

void check_boredom(const GroupSeries& s, bool died, std::vector<Finding>& out) {
  const auto [peak, peak_day] = s.peak_month("messages");
  const double late_msgs = s.late("messages"), muted = s.late("muted_share");
  const double member_days = s.sum("size");
  const double removal_rate = member_days > 0 ? s.sum("removals") / member_days : 0;
  const bool faded = died || late_msgs < bored_message_drop * peak;
  if (faded && muted >= bored_muted_share && s.late("ad_share") < 0.1 &&
      removal_rate < strict_removal_rate) {
    std::vector<std::string> ev{
        fmt("messages fell from %.1f a day (month from day %.0f) to %.1f (days %.0f-", peak,
            peak_day, late_msgs, s.late_from()) +
            fmt("%.0f)", s.last()),
        fmt("%.0f%% of members had muted the group by then", 100 * muted)};
    if (died) ev.push_back(fmt("the group died on day %.0f", s.last() + 1));
    out.push_back({FailureMode::boredom, ev});
  }
}

void check_evaporation(const GroupSeries& s, std::vector<Finding>& out) {
  const double v0 = s.mean("mean_value", 0, 6), v = s.late("mean_value");
  const double retention = s.at("expert_retention", s.last());
  const double top0 = s.mean("top_decile_value", 0, 6), top = s.late("top_decile_value");
  if (v < evaporation_value_drop * v0 &&
      (std::isnan(retention) || retention <= evaporation_retention))
    out.push_back(
        {FailureMode::value_evaporation,
         {fmt("mean member value fell from %.2f (first week) to %.2f (last month)", v0, v),
          fmt("the top decile's mean value fell from %.2f to %.2f", top0, top),
          fmt("%.0f%% of the founding experts are left",
              100 * (std::isnan(retention) ? 0 : retention))}});
}

void check_focus(const GroupSeries& s, std::vector<Finding>& out) {
  const double f0 = s.early("focus"), f = s.late("focus");
  const double align0 = s.mean("mean_alignment", 0, 6), align = s.late("mean_alignment");
  const double aligned_leaving = s.mean("leave_rate_aligned", 7, s.last());
  if (f < focus_late && align < focus_alignment && aligned_leaving > focus_aligned_leaving)
    out.push_back(
        {FailureMode::focus_loss,
         {fmt("the conversation's alignment with the purpose fell from %.2f to %.2f", f0, f),
          fmt("members' mean alignment with the purpose fell from %.2f to %.2f", align0, align),
          fmt("%.2f%% of aligned members left a day", 100 * aligned_leaving)}});
}

}  // namespace

const char* mode_name(FailureMode m) {
  switch (m) {
    case FailureMode::focus_loss:
      return "loss of focus";
    case FailureMode::leaderless_drift:
      return "leaderless drift";
    case FailureMode::over_strict_rules:
      return "over-strict rules";
    case FailureMode::boredom:
      return "boredom";
    case FailureMode::value_evaporation:
      return "value evaporation";
  }
  return "?";
}

const char* mode_key(FailureMode m) {
  switch (m) {
    case FailureMode::focus_loss:
      return "focus_loss";
    case FailureMode::leaderless_drift:
      return "leaderless";
    case FailureMode::over_strict_rules:
      return "tyranny";
    case FailureMode::boredom:
      return "boredom";
    case FailureMode::value_evaporation:
      return "evaporation";
  }
  return "?";
}

const char* mode_claim(FailureMode m) {
  switch (m) {
    case FailureMode::focus_loss:
      return "C10";
    case FailureMode::leaderless_drift:
      return "C11, C15";
    case FailureMode::over_strict_rules:
      return "C12";
    case FailureMode::boredom:
      return "C13";
    case FailureMode::value_evaporation:
      return "C14";
  }
  return "?";
}

RunDiagnosis diagnose_run(const sim::RunReader& run) {
  RunDiagnosis out;
  out.run = run.path().filename().string();
  const auto& alive = run.daily("alive");
  std::map<FailureMode, std::size_t> shown;
  std::size_t founded = 0;
  for (std::size_t g = 0; g < alive.groups; ++g) {
    if (std::isnan(alive.at(0, g))) continue;  // founded later (a split): judged with its parent
    ++founded;
    GroupDiagnosis gd;
    gd.group = g;
    std::size_t last = 0;
    for (std::size_t d = 0; d < alive.days; ++d)
      if (alive.at(d, g) == 1.0) last = d;
    gd.last_alive_day = last;
    gd.died = last + 1 < alive.days;
    GroupSeries s(run, g, last);
    check_leaderless(s, gd.findings);
    // Ads also drive a group off its purpose; name the cause, not the consequence.
    if (gd.findings.empty()) check_focus(s, gd.findings);
    check_strict(s, gd.findings);
    check_boredom(s, gd.died, gd.findings);
    check_evaporation(s, gd.findings);
    for (const auto& f : gd.findings) ++shown[f.mode];
    out.groups.push_back(std::move(gd));
  }
  for (const auto& [mode, n] : shown)
    if (2 * n >= founded) out.verdict.push_back(mode);
  return out;
}

}  // namespace community
