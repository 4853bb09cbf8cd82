// commsim inspect SCENARIO.toml: what a run would use, without running it.
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/community_model.hpp"
#include "models/registry.hpp"
#include "sim/graph/graph_from_params.hpp"

namespace cli {
namespace {

std::string commented(const sim::SourcePlace& where) {
  return "# " + where.str();
}

void print_settings(const std::vector<sim::ParamSetting>& settings, const char* lead) {
  for (const auto& s : settings) {
    const std::string line = lead + s.path + " = " + sim::format_value(s.value);
    std::printf("  %-48s %s\n", line.c_str(), commented(s.where).c_str());
  }
}

// [group_types.NAME]: how each type is founded and the values it sets.
void print_group_types(const sim::Scenario& scenario) {
  std::printf("\n# group types\n");
  if (scenario.group_types.empty())
    std::printf(
        "(none declared: every group is of the implicit type 'default', with the values "
        "above)\n");
  for (const auto& type : scenario.group_types) {
    const std::string head = type.name + ": " + sim::founding_text(type);
    std::printf("%-50s %s\n", head.c_str(), commented(type.where).c_str());
    print_settings(type.settings, "");
  }
}

// [[events]]: when each fires, what it does, to which groups, with which values.
void print_events(const sim::Scenario& scenario) {
  if (scenario.events.empty()) return;
  std::printf("\n# events\n");
  for (const auto& e : scenario.events) {
    const std::string head = "events[" + std::to_string(e.index) + "] " + sim::when_text(e) + ": " +
                             e.action + ", target " + sim::target_text(e);
    std::printf("%-50s %s\n", head.c_str(), commented(e.where).c_str());
    print_settings(e.settings, "set ");
    for (const auto& [name, arg] : e.args) {
      const std::string line = name + " = " + sim::format_value(arg.first);
      std::printf("  %-48s %s\n", line.c_str(), commented(arg.second).c_str());
    }
  }
}

}  // namespace

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
  print_group_types(scenario);
  print_events(scenario);
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
