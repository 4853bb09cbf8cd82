// commsim diagnose RUN.h5...: which failure modes each group shows, with the evidence.
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/diagnosis.hpp"
#include "models/community/failure_modes.hpp"

namespace cli {

int diagnose_main(int argc, char** argv) {
  cxxopts::Options options(
      "commsim diagnose",
      "Name the failure modes (C10-C14) each group of a run shows, from its daily series.");
  options.add_options()("runs", "run files", cxxopts::value<std::vector<std::string>>())(
      "summary", "one line per run: its verdict (modes shown by at least half of its groups)")(
      "allow-partial", "also diagnose runs that did not finish")(
      "modes", "list the failure modes and the rules that name them (a Markdown table)")(
      "h,help", "show this help");
  options.parse_positional({"runs"});
  options.positional_help("RUN.h5...");
  auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return 0;
  if (args.count("modes")) {
    std::fputs(community::failure_modes_markdown().c_str(), stdout);
    return 0;
  }
  if (!args.count("runs")) throw sim::InputError("no run file given (commsim diagnose RUN.h5)");
  const bool summary = args.count("summary") > 0;
  for (const auto& path : args["runs"].as<std::vector<std::string>>()) {
    sim::RunReader run(path);
    if (!args.count("allow-partial")) run.require_complete();
    auto d = community::diagnose_run(run);
    const std::string verdict = community::verdict_keys(d);
    if (summary) {
      std::printf("%s\t%s\n", path.c_str(), verdict.empty() ? "none" : verdict.c_str());
      continue;
    }
    std::printf("# %s: %s\n", path.c_str(),
                verdict.empty() ? "no failure mode in most groups" : verdict.c_str());
    for (const auto& g : d.groups) {
      std::printf("group %zu (%s): ", g.group,
                  g.died ? ("died on day " + std::to_string(g.last_alive_day + 1)).c_str()
                         : "alive at the end");
      if (g.findings.empty()) {
        std::printf("no failure mode\n");
        continue;
      }
      std::printf("\n");
      for (const auto& f : g.findings) {
        std::printf("  %s (%s)\n", f.mode->mode.c_str(), f.mode->claim.c_str());
        for (const auto& e : f.evidence) std::printf("    - %s\n", e.c_str());
      }
    }
  }
  return 0;
}

}  // namespace cli
