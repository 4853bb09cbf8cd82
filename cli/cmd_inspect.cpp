// commsim inspect SCENARIO.toml: what a run would use, without running it.
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/community_model.hpp"
#include "models/registry.hpp"
#include "sim/graph/graph_from_params.hpp"

namespace cli {

int inspect_main(int argc, char** argv) {
  cxxopts::Options options("commsim inspect",
                           "Show a scenario's resolved parameters, social graph and tick order.");
  options.add_options()("scenario", "scenario file (TOML)", cxxopts::value<std::string>());
  add_arm_option(options);
  add_scenario_options(options);
  options.parse_positional({"scenario"});
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("scenario"))
    throw sim::InputError("no scenario file given (commsim inspect SCENARIO.toml)");
  const auto loaded = load_scenario_from(args, args["scenario"].as<std::string>());
  const sim::Scenario& scenario = loaded.scenario;

  std::printf("# scenario %s%s (seed %llu)\n", scenario.path.c_str(),
              loaded.arm.empty() ? "" : (", arm " + loaded.arm).c_str(),
              static_cast<unsigned long long>(scenario.seed()));
  for (const auto& s : scenario.params.registry().all()) {
    std::string origin = scenario.params.origin(s.path);
    std::printf("%-34s = %-14s %s\n", s.path.c_str(),
                sim::format_value(scenario.params.value(s.path)).c_str(),
                origin == "default" ? "" : ("# " + origin).c_str());
  }
  auto graph = sim::build_graph(scenario, scenario.seed());
  auto stats = sim::graph_stats(graph);
  std::printf(
      "\n# social graph\npeople %u, friendships %llu, mean degree %.2f, max degree %zu, clustering "
      "%.3f\n",
      graph.size(), static_cast<unsigned long long>(graph.edge_count()), stats.mean_degree,
      stats.max_degree, stats.mean_local_clustering);
  std::printf("\n# tick order (each hour)\n");
  int i = 1;
  for (const auto& step : community::tick_order().order())
    std::printf("%d. %s\n", i++, step.c_str());
  return 0;
}

}  // namespace cli
