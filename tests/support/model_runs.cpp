#include "support/model_runs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <tbb/parallel_for.h>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/run/run_loop.hpp"
#include "support/test_paths.hpp"

namespace testing_support {
namespace {
std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::invalid_argument("no metric " + name);
  return static_cast<std::size_t>(it - names.begin());
}
}  // namespace

double DailySeries::daily(const std::string& metric, std::size_t day, std::size_t group) const {
  return days.at(day).at(index_of(daily_names, metric), group);
}

double DailySeries::group_mean(const std::string& metric, std::size_t day) const {
  return window_mean(metric, day, day + 1);
}

double DailySeries::window_mean(const std::string& metric, std::size_t from, std::size_t to) const {
  const std::size_t m = index_of(daily_names, metric);
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t d = from; d < to && d < days.size(); ++d)
    for (std::size_t g = 0; g < days[d].groups; ++g) {
      double x = days[d].at(m, g);
      if (std::isnan(x)) continue;
      sum += x;
      ++n;
    }
  return n ? sum / n : std::nan("");
}

double DailySeries::platform(const std::string& metric, std::size_t day) const {
  return days.at(day).platform.at(index_of(platform_names, metric));
}

namespace {
DailySeries run_in_memory(const sim::Scenario& sc, std::uint64_t seed) {
  auto model = models::make_model(sc, seed);
  DailySeries out;
  for (const auto& s : model->daily_metrics()) out.daily_names.push_back(s.name);
  for (const auto& s : model->platform_metrics()) out.platform_names.push_back(s.name);
  const auto days = static_cast<sim::Day>(sc.params.integer("run.days"));
  for (sim::Day d = 0; d < days; ++d) {
    for (sim::Tick h = 0; h < sim::ticks_per_day; ++h) model->advance(d * sim::ticks_per_day + h);
    sim::DayFrame f;
    f.reset(out.daily_names.size(), out.platform_names.size(), model->group_count());
    model->measure(d, f);
    out.days.push_back(std::move(f));
  }
  return out;
}
}  // namespace

DailySeries run_scenario_in_memory(const std::string& scenario, std::uint64_t seed,
                                   const std::vector<std::string>& overrides) {
  sim::ScenarioOptions opts;
  opts.overrides = overrides;
  opts.reserved_sections = sim::batch::batch_sections;
  auto sc = sim::load_scenario((source_dir() / "scenarios" / scenario).string(),
                               models::all_params(), opts);
  return run_in_memory(sc, seed);
}

DailySeries run_arm_in_memory(const std::string& scenario, const std::string& arm,
                              const std::vector<std::string>& overrides) {
  sim::batch::PlanOptions options;
  options.overrides = overrides;
  options.replicates = 1;
  auto plan = sim::batch::plan_runs({(source_dir() / "scenarios" / scenario).string()},
                                    models::all_params(), options);
  const auto& arms = plan.sources.at(0).arms;
  for (std::size_t r = 0; r < plan.runs.size(); ++r)
    if (arm.empty() ? !plan.sources[0].has_arms : arms[plan.runs[r].arm].name == arm)
      return run_in_memory(plan.scenario(r), plan.runs[r].seed);
  throw std::invalid_argument("scenario " + scenario + " has no arm '" + arm + "'");
}

std::map<std::string, std::vector<DailySeries>> run_plan_in_memory(const std::string& scenario) {
  auto plan = sim::batch::plan_runs({(source_dir() / "scenarios" / scenario).string()},
                                    models::all_params());
  std::vector<DailySeries> results(plan.runs.size());
  // Runs are independent and deterministic: run them in parallel.
  tbb::parallel_for(std::size_t{0}, plan.runs.size(), [&](std::size_t r) {
    results[r] = run_in_memory(plan.scenario(r), plan.runs[r].seed);
  });
  std::map<std::string, std::vector<DailySeries>> out;
  for (std::size_t r = 0; r < plan.runs.size(); ++r) {
    const auto& run = plan.runs[r];
    std::string key = run.point >= 0 ? "p" + std::to_string(run.point)
                                     : plan.sources[run.source].arms[run.arm].name;
    out[key].push_back(std::move(results[r]));
  }
  return out;
}

}  // namespace testing_support
