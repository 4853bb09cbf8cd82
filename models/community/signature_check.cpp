#include "models/community/signature_check.hpp"

#include <algorithm>
#include <memory>

#include "models/community/diagnosis.hpp"
#include "models/community/failure_modes.hpp"
#include "models/community/measurement.hpp"

namespace community {

std::optional<sim::compare::Signature> plan_signature(const sim::batch::RunPlan& plan) {
  const auto& source = plan.sources.at(0);
  const auto& scenario = *source.arms.at(0).scenario;
  auto signature = sim::compare::read_signature_text(scenario.text, source.path);
  if (!signature) return std::nullopt;
  std::vector<std::string> arms, metrics;
  for (const auto& a : source.arms) arms.push_back(a.name);
  for (const auto& m : daily_metric_specs()) metrics.push_back(m.name);
  sim::compare::validate_signature(*signature, arms, metrics);
  return signature;
}

sim::compare::SignatureResult check_signature(const sim::compare::Signature& signature,
                                              const sim::batch::RunPlan& plan,
                                              const std::filesystem::path& dir) {
  std::vector<std::unique_ptr<sim::RunReader>> readers;
  std::vector<std::unique_ptr<sim::measure::RunSeries>> series;
  std::map<std::string, std::vector<const sim::measure::SeriesSource*>> by_arm;
  std::map<std::string, std::vector<const sim::RunReader*>> readers_by_arm;
  const auto needed = sim::compare::signature_arms(signature);
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& arm = plan.sources.at(0).arms.at(plan.runs[i].arm).name;
    if (std::find(needed.begin(), needed.end(), arm) == needed.end()) continue;
    if (!std::filesystem::exists(dir / plan.file_name(i))) continue;  // an arm not run
    readers.push_back(std::make_unique<sim::RunReader>(dir / plan.file_name(i)));
    series.push_back(std::make_unique<sim::measure::RunSeries>(*readers.back()));
    by_arm[arm].push_back(series.back().get());
    readers_by_arm[arm].push_back(readers.back().get());
  }
  auto result = sim::compare::evaluate_signature(signature, by_arm);

  const FailureMode* mode = failure_mode(signature.key);
  if (!mode || !mode->diagnosis) return result;
  sim::compare::CheckResult d;
  d.measure = "commsim diagnose: runs named '" + mode->key + "' (" + signature.failure +
              "), runs named nothing (" + signature.control + ")";
  d.expect = "failure >= 0.5 and control >= 0.5";
  for (const auto* run : readers_by_arm[signature.control])
    d.control_runs.push_back(diagnose_run(*run).verdict.empty() ? 1.0 : 0.0);
  for (const auto* run : readers_by_arm[signature.failure]) {
    double named = 0;
    for (const auto* m : diagnose_run(*run).verdict) named += m == mode;
    d.failure_runs.push_back(named);
  }
  auto share = [](const std::vector<double>& x) {
    double s = 0;
    for (double v : x) s += v;
    return x.empty() ? 0.0 : s / static_cast<double>(x.size());
  };
  d.control = share(d.control_runs);
  d.failure = share(d.failure_runs);
  d.holds = d.failure >= 0.5 && d.control >= 0.5;
  result.checks.push_back(std::move(d));
  return result;
}

}  // namespace community
