#include "sim/batch/run_one.hpp"

#include <chrono>

#include "sim/output/hdf5_handle.hpp"

namespace sim::batch {
namespace {

std::string read_string_attr(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return {};
  h5::Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  h5::Handle type(H5Aget_type(attr.get()), H5Tclose);
  if (H5Tget_class(type.get()) != H5T_STRING || !H5Tis_variable_str(type.get())) return {};
  h5::Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(mem.get(), H5T_VARIABLE);
  H5Tset_cset(mem.get(), H5T_CSET_UTF8);
  char* s = nullptr;
  if (H5Aread(attr.get(), mem.get(), &s) < 0 || !s) return {};
  std::string out(s);
  H5free_memory(s);
  return out;
}

std::int64_t read_int_attr(hid_t obj, const char* name, std::int64_t fallback) {
  if (H5Aexists(obj, name) <= 0) return fallback;
  h5::Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  std::int64_t v = fallback;
  if (H5Aread(attr.get(), H5T_NATIVE_INT64, &v) < 0) return fallback;
  return v;
}

}  // namespace

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

RunFileState inspect_run_file(const std::filesystem::path& path) {
  RunFileState st;
  std::error_code ec;
  st.exists = std::filesystem::exists(path, ec);
  if (!st.exists) return st;
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) return st;
  h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file) return st;
  st.readable = true;
  st.complete = read_int_attr(file.get(), "complete", 0) == 1;
  st.run_id = read_string_attr(file.get(), "run_id");
  st.parameters = read_string_attr(file.get(), "parameters");
  st.error = read_string_attr(file.get(), "error");
  st.failed = H5Aexists(file.get(), "error") > 0;
  return st;
}

bool run_is_done(const RunPlan& plan, std::size_t run, const std::filesystem::path& path) {
  RunFileState st = inspect_run_file(path);
  if (!st.complete || st.run_id != plan.runs[run].run_id) return false;
  return st.parameters == plan.scenario(run).params.to_toml();
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
    } catch (const std::exception& e) {
      result.error += " (and its failure could not be recorded: " + std::string(e.what()) + ")";
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace sim::batch
