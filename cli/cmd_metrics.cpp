// commsim metrics [--markdown] [--kind daily|platform|headline]: what a run file and a
// comparison hold, with units and definitions (docs/ODD.md's metric tables are this output).
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/headline_metrics.hpp"
#include "models/community/measurement.hpp"

namespace cli {
namespace {

struct Row {
  std::string name, unit, description;
};

void print(const char* kind, const std::vector<Row>& rows, bool markdown) {
  if (markdown) {
    std::printf("| metric | unit | definition |\n|---|---|---|\n");
    for (const auto& r : rows)
      std::printf("| `%s` | %s | %s |\n", r.name.c_str(), r.unit.c_str(), r.description.c_str());
    return;
  }
  for (const auto& r : rows)
    std::printf("%-9s %-24s %-20s %s\n", kind, r.name.c_str(), r.unit.c_str(),
                r.description.c_str());
}

std::vector<Row> rows_of(const std::vector<sim::MetricSpec>& specs) {
  std::vector<Row> out;
  for (const auto& s : specs) out.push_back({s.name, s.unit, s.description});
  return out;
}

}  // namespace

int metrics_main(int argc, char** argv) {
  cxxopts::Options options("commsim metrics",
                           "List the metrics: daily per group (/daily), daily for the platform "
                           "(/platform), and the headline metrics of `commsim compare`.");
  options.add_options()("markdown", "print Markdown tables")(
      "kind", "only one kind: daily, platform or headline", cxxopts::value<std::string>())(
      "h,help", "show this help");
  auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return 0;
  const bool md = args.count("markdown") > 0;
  const std::string only = args.count("kind") ? args["kind"].as<std::string>() : "";
  if (!only.empty() && only != "daily" && only != "platform" && only != "headline")
    throw sim::InputError("--kind " + only + ": expected daily, platform or headline");
  std::vector<Row> headline;
  for (const auto& m : community::headline_metrics())
    headline.push_back({m.name, m.unit, m.description});
  const std::pair<const char*, std::vector<Row>> kinds[] = {
      {"daily", rows_of(community::daily_metric_specs())},
      {"platform", rows_of(community::platform_metric_specs())},
      {"headline", headline}};
  for (const auto& [kind, rows] : kinds) {
    if (!only.empty() && only != kind) continue;
    if (md && only.empty()) std::printf("\n%s\n\n", kind);
    print(kind, rows, md);
  }
  return 0;
}

}  // namespace cli
