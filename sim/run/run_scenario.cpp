#include "sim/run/run_scenario.hpp"

#include <algorithm>
#include <chrono>

#include "sim/core/stop_point.hpp"
#include "sim/run/engine_params.hpp"
#include "sim/run/progress.hpp"

namespace sim {

RunOutcome run_scenario(const ModelFactory& factory, const RunRequest& req) {
  const Scenario& sc = *req.scenario;
  const auto days = static_cast<Day>(sc.params.integer("run.days"));
  RunOutcome outcome;
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Model> model;
  try {
    ScopedStopFlag watch(req.stop);
    model = factory(sc, req.seed);
    stop_point();  // the last phase of set-up may have been long too
  } catch (const StopRequested&) {
    outcome.report.interrupted = true;  // nothing simulated, no file begun
    return outcome;
  }
  outcome.setup_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::unique_ptr<RunFile> file;
  if (!req.out.empty()) {
    RunHeader header{req.seed, sc.text, sc.name, &sc.params, days, req.extra_attributes};
    RunFileOptions options = run_file_options(sc.params);
    // Groups founded during the run widen the datasets: chunks as wide as the groups expected.
    options.group_chunk = std::max<std::size_t>(model->expected_group_count(days), 1);
    file = std::make_unique<RunFile>(req.out, header, model->daily_metrics(),
                                     model->platform_metrics(), options);
  }
  Progress progress(req.label, days, req.quiet);
  outcome.report = run_days(*model, days, file.get(), &progress, req.stop);
  if (file) {
    if (outcome.report.interrupted)
      file->flush();
    else
      file->finish();
  }
  progress.finish(outcome.report.interrupted ? "interrupted" : "");
  return outcome;
}

}  // namespace sim
