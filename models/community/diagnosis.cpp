#include "models/community/diagnosis.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/community/failure_modes.hpp"

namespace community {
namespace {

bool holds(const sim::compare::DiagnosisRule& rule, const sim::measure::SeriesSource& series,
           std::size_t group) {
  for (const auto& condition : rule.when) {
    const double v = condition.over_group(series, group);
    if (std::isnan(v) || v == 0) return false;
  }
  return true;
}

}  // namespace

RunDiagnosis diagnose_run(const sim::RunReader& run) {
  RunDiagnosis out;
  out.run = run.path().filename().string();
  const sim::measure::RunSeries series(run);
  const auto& alive = run.daily("alive");
  std::map<const FailureMode*, std::size_t> shown;
  std::size_t founded = 0;
  for (std::size_t g = 0; g < alive.groups; ++g) {
    if (alive.days == 0 || std::isnan(alive.at(0, g))) continue;  // founded later: not judged
    ++founded;
    GroupDiagnosis gd;
    gd.group = g;
    for (std::size_t d = 0; d < alive.days; ++d)
      if (alive.at(d, g) == 1.0) gd.last_alive_day = d;
    gd.died = gd.last_alive_day + 1 < alive.days;
    for (const auto& mode : failure_modes()) {
      if (!mode.diagnosis || !holds(*mode.diagnosis, series, g)) continue;
      Finding f{&mode, {}};
      for (const auto& sentence : mode.diagnosis->evidence)
        f.evidence.push_back(sim::measure::fill_template(sentence, series, g));
      gd.findings.push_back(std::move(f));
    }
    // A mode that names a shown mode in `unless` is its consequence, not a cause of its own.
    std::erase_if(gd.findings, [&](const Finding& f) {
      return std::any_of(f.mode->diagnosis->unless.begin(), f.mode->diagnosis->unless.end(),
                         [&](const std::string& key) {
                           return std::any_of(gd.findings.begin(), gd.findings.end(),
                                              [&](const Finding& o) { return o.mode->key == key; });
                         });
    });
    for (const auto& f : gd.findings) ++shown[f.mode];
    out.groups.push_back(std::move(gd));
  }
  for (const auto& mode : failure_modes()) {
    auto it = shown.find(&mode);
    if (it != shown.end() && 2 * it->second >= founded) out.verdict.push_back(&mode);
  }
  return out;
}

std::string verdict_keys(const RunDiagnosis& d) {
  std::string out;
  for (const auto* m : d.verdict) out += (out.empty() ? "" : ", ") + m->key;
  return out;
}

}  // namespace community
