// commsim run SCENARIO.toml --out run.h5 [--arm NAME] [--overwrite] [--seed S] [--threads N]
//                           [--set k=v ...] [--quiet]
// The file is written as run.h5.part and renamed to run.h5 when the run is complete; an
// existing run.h5 is kept unless --overwrite (and then replaced only by a complete run).
#include <cstdio>
#include <filesystem>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/registry.hpp"
#include "sim/output/output_lock.hpp"
#include "sim/run/run_scenario.hpp"

namespace cli {
namespace {

namespace fs = std::filesystem;

// Where the run may write: never over the scenario, a folder or (without --overwrite) a file.
void check_out_path(const fs::path& out, const fs::path& scenario, bool overwrite) {
  std::error_code ec;
  const std::string name = "--out '" + out.string() + "'";
  if (fs::is_directory(out, ec))
    throw sim::InputError(name + " is a folder; give the run file's name (run.h5)");
  if (fs::exists(out, ec) && fs::equivalent(out, scenario, ec))
    throw sim::InputError(name + " is the scenario file itself");
  if (out.has_parent_path() && !fs::is_directory(out.parent_path(), ec))
    throw sim::OutputError("run file '" + out.string() + "': folder '" +
                           out.parent_path().string() + "' does not exist");
  if (fs::exists(out, ec) && !overwrite)
    throw sim::InputError(name +
                          " already exists: add --overwrite to replace it (it is replaced only "
                          "once the new run is complete), or choose another name");
}

}  // namespace

int run_main(int argc, char** argv) {
  cxxopts::Options options("commsim run",
                           "Run one scenario and stream its results into an HDF5 file (written "
                           "as FILE.part, renamed to FILE when complete).");
  options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>())(
      "o,out", "output HDF5 file", cxxopts::value<std::string>())(
      "overwrite", "replace --out if it exists (once the new run is complete)");
  add_arm_option(options);
  add_scenario_options(options);
  options.parse_positional({"scenario"});
  options.positional_help("SCENARIO.toml");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("scenario"))
    throw sim::InputError("no scenario file given (commsim run SCENARIO.toml --out run.h5)");
  if (!args.count("out")) throw sim::InputError("no output file given: add --out run.h5");
  const std::string scenario_path = args["scenario"].as<std::string>();
  const fs::path out = args["out"].as<std::string>();

  auto loaded = load_scenario_from(args, scenario_path);
  const sim::Scenario& scenario = loaded.scenario;
  auto threads = limit_threads(args);
  check_out_path(out, scenario_path, args.count("overwrite") > 0);
  // One writer per file: a second `commsim run --out` the same file waits for nobody.
  sim::OutputLock lock = sim::lock_run_file(out, "commsim run");
  print_note("commsim run", lock.note());
  std::error_code ec;
  if (fs::exists(sim::partial_path(out), ec))
    print_note("commsim run", "replacing " + sim::partial_path(out).string() +
                                  ", the partial file of an earlier run that stopped");
  install_interrupt_handlers();

  sim::RunRequest req;
  req.scenario = &scenario;
  req.seed = scenario.seed();
  req.out = out;
  if (!loaded.arm.empty()) req.extra_attributes.emplace_back("arm", loaded.arm);
  req.quiet = args.count("quiet") > 0;
  req.label = scenario.name + (loaded.arm.empty() ? "" : "." + loaded.arm);
  req.stop = &stop_requested();
  auto outcome = sim::run_scenario(models::make_model, req);
  if (outcome.report.interrupted) {
    if (outcome.report.days == 0 && !fs::exists(sim::partial_path(out), ec))
      std::fprintf(stderr, "commsim run: interrupted before the first day; nothing written\n");
    else
      std::fprintf(stderr,
                   "commsim run: interrupted; %s keeps %u days (complete = 0); %s is not "
                   "written; run again to start over\n",
                   sim::partial_path(out).c_str(), outcome.report.days, out.c_str());
    return 130;
  }
  if (!req.quiet) std::fprintf(stderr, "wrote %s\n", out.c_str());
  return 0;
}

}  // namespace cli
