// commsim bench SCENARIO.toml [--days D] [--threads N]: throughput and peak memory of one
// run, without writing output (so disk speed does not blur the figure).
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/registry.hpp"
#include "sim/core/clock.hpp"
#include "sim/run/run_scenario.hpp"

namespace cli {

int bench_main(int argc, char** argv) {
  cxxopts::Options options("commsim bench",
                           "Measure ticks/s, member-ticks/s and peak memory of a scenario.");
  options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>())(
      "days", "simulate this many days instead of run.days", cxxopts::value<int>());
  add_arm_option(options);
  add_scenario_options(options);
  options.parse_positional({"scenario"});
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("scenario"))
    throw sim::InputError("no scenario file given (commsim bench SCENARIO.toml)");
  sim::Scenario scenario = load_scenario_from(args, args["scenario"].as<std::string>()).scenario;
  if (args.count("days"))
    sim::apply_override(scenario.params, "run.days=" + std::to_string(args["days"].as<int>()));
  auto threads = limit_threads(args);

  sim::RunRequest req;
  req.scenario = &scenario;
  req.seed = scenario.seed();
  req.quiet = true;
  auto outcome = sim::run_scenario(models::make_model, req);
  const auto& r = outcome.report;
  const double ticks = static_cast<double>(r.days) * sim::ticks_per_day;
  std::printf("scenario          %s\n", scenario.path.c_str());
  std::printf("threads           %zu\n",  // the effective count, --threads or all cores
              tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  std::printf("days              %u\n", r.days);
  std::printf("setup_s           %.3f\n", outcome.setup_seconds);
  std::printf("run_s             %.3f\n", r.seconds);
  std::printf("ticks_per_s       %.1f\n", ticks / r.seconds);
  std::printf("member_ticks_per_s %.4g\n", static_cast<double>(r.membership_ticks) / r.seconds);
  std::printf("runs_per_s        %.4g\n", 1.0 / (r.seconds + outcome.setup_seconds));
  std::printf("peak_memory_mib   %.1f\n", peak_memory_mib());
  return 0;
}

}  // namespace cli
