#include "sim/batch/run_one.hpp"

#include <chrono>

#include "sim/output/run_reader.hpp"
#include "sim/output/written_files.hpp"

namespace sim::batch {

const char* status_name(RunStatus s) {
  switch (s) {
    case RunStatus::complete:
      return "complete";
    case RunStatus::failed:
      return "failed";
    case RunStatus::partial:
      return "partial";
    case RunStatus::pending:
      return "pending";
  }
  return "?";
}

namespace {

// What the published file <id>.h5 (which exists) holds.
DoneCheck check_published(const RunPlan& plan, std::size_t run, const std::filesystem::path& path) {
  RunReader file(path, RunReader::OnFault::record);
  if (file.state() == RunFileState::complete) file.verify_data();
  switch (file.state()) {
    case RunFileState::damaged:
      return {false, "damaged: " + file.fault()};
    case RunFileState::failed:
      return {false, "failed: " + file.text_attribute("error")};
    case RunFileState::partial:
      return {false, "partial (stopped on day " + std::to_string(file.days_written()) + " of " +
                         std::to_string(file.days_planned()) + ")"};
    case RunFileState::complete:
      break;
  }
  auto id = file.attribute("run_id");
  auto params = file.attribute("parameters");
  if (!id || *id != ParamValue{plan.runs[run].run_id} || !params ||
      *params != ParamValue{plan.scenario(run).params.to_toml()})
    return {false, "stale (a complete run of another plan: edited scenario or settings)"};
  return {true, ""};
}

}  // namespace

DoneCheck check_done(const RunPlan& plan, std::size_t run, const std::filesystem::path& path) {
  std::error_code ec;
  const bool published = std::filesystem::exists(path, ec);
  DoneCheck own = published ? check_published(plan, run, path) : DoneCheck{false, "not run"};
  // A <id>.h5.part is a later attempt, stopped before its last day; it says more than an
  // unfinished <id>.h5 (an interrupted --overwrite leaves a finished one in place).
  if (!own.done && std::filesystem::exists(partial_path(path), ec))
    own.why =
        "partial (stopped before its last day; " + partial_path(path).filename().string() + ")";
  return own;
}

std::vector<char> runs_done(const RunPlan& plan, const std::vector<std::size_t>& runs,
                            const std::filesystem::path& out_dir) {
  std::vector<char> done(runs.size(), 0);
  load_fingerprints(out_dir);  // the runs published before need no probe (written_files.hpp)
  for (std::size_t i = 0; i < runs.size(); ++i)
    done[i] = run_is_done(plan, runs[i], out_dir / plan.file_name(runs[i])) ? 1 : 0;
  return done;
}

RunResult execute_run(const RunPlan& plan, std::size_t run, const ModelFactory& factory,
                      const RunControl& control) {
  RunResult result;
  const std::filesystem::path path = control.out_dir / plan.file_name(run);
  if (control.resume && run_is_done(plan, run, path)) {
    result.status = RunStatus::complete;
    result.reused = true;
    return result;
  }
  auto t0 = std::chrono::steady_clock::now();
  const Scenario scenario = plan.scenario(run);
  RunRequest req;
  req.scenario = &scenario;
  req.seed = plan.runs[run].seed;
  req.out = path;
  req.extra_attributes = plan.attributes(run);
  req.quiet = true;
  req.label = plan.runs[run].run_id;
  req.stop = control.stop;
  try {
    auto outcome = run_scenario(factory, req);
    result.status = outcome.report.interrupted ? RunStatus::partial : RunStatus::complete;
  } catch (const std::exception& e) {
    result.status = RunStatus::failed;
    result.error = e.what();
  } catch (...) {
    result.status = RunStatus::failed;
    result.error = "unknown exception";
  }
  if (result.status == RunStatus::failed) {
    // A stub file that says what went wrong, so that the index rebuilt from files has it.
    try {
      auto extra = req.extra_attributes;
      extra.emplace_back("error", result.error);
      RunHeader header{req.seed,
                       scenario.text,
                       scenario.name,
                       &scenario.params,
                       static_cast<std::uint32_t>(scenario.params.integer("run.days")),
                       extra};
      RunFile stub(path, header, {}, {});
      stub.publish_incomplete();  // replaces the failed run's <id>.h5.part
      log_fingerprint(control.out_dir, path);
    } catch (const std::exception& e) {
      result.error += " (and its failure could not be recorded: " + std::string(e.what()) + ")";
    }
  }
  // What this run published is trusted by the index later, whichever process writes it
  // (written_files.hpp); a failed run's stub was logged as it was published.
  if (result.status == RunStatus::complete) log_fingerprint(control.out_dir, path);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace sim::batch
