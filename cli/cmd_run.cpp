// commsim run SCENARIO.toml --out run.h5 [--seed S] [--threads N] [--set k=v ...] [--quiet]
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/registry.hpp"
#include "sim/run/run_scenario.hpp"

namespace cli {

int run_main(int argc, char** argv) {
  cxxopts::Options options("commsim run",
                           "Run one scenario and stream its results into an HDF5 file.");
  options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>())(
      "o,out", "output HDF5 file", cxxopts::value<std::string>());
  add_scenario_options(options);
  options.parse_positional({"scenario"});
  options.positional_help("SCENARIO.toml");
  auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("scenario"))
    throw sim::InputError("no scenario file given (commsim run SCENARIO.toml --out run.h5)");
  if (!args.count("out")) throw sim::InputError("no output file given: add --out run.h5");

  sim::Scenario scenario = load_scenario_from(args, args["scenario"].as<std::string>());
  auto threads = limit_threads(args);
  install_interrupt_handlers();

  sim::RunRequest req;
  req.scenario = &scenario;
  req.seed = scenario.seed();
  req.out = args["out"].as<std::string>();
  req.quiet = args.count("quiet") > 0;
  req.label = scenario.name;
  req.stop = &stop_requested();
  auto outcome = sim::run_scenario(models::make_model, req);
  if (outcome.report.interrupted) {
    std::fprintf(stderr,
                 "commsim run: interrupted; %s keeps days 0..%u (complete = 0); rerun to finish\n",
                 req.out.c_str(), outcome.report.days ? outcome.report.days - 1 : 0);
    return 130;
  }
  if (!req.quiet) std::fprintf(stderr, "wrote %s\n", req.out.c_str());
  return 0;
}

}  // namespace cli
