// commsim params [--markdown]: the catalogue of every parameter.
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/registry.hpp"

namespace cli {

int params_main(int argc, char** argv) {
  cxxopts::Options options("commsim params",
                           "List every parameter with its default, unit, range and meaning.");
  options.add_options()("markdown", "print a Markdown table")("h,help", "show this help");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  const bool md = args.count("markdown") > 0;
  if (md) {
    std::printf("| parameter | type | default | unit | range | claim | meaning |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
  }
  for (const auto& s : models::all_params().all()) {
    std::string def = sim::format_value(s.default_value);
    if (md) {
      // A '|' inside a cell would end it: escape the choice lists.
      auto cell = [](std::string s) {
        for (std::size_t at = s.find('|'); at != std::string::npos; at = s.find('|', at + 2))
          s.replace(at, 1, "\\|");
        return s;
      };
      std::printf("| `%s` | %s | `%s` | %s | %s | %s | %s |\n", s.path.c_str(),
                  sim::type_name(s.type), def.c_str(), s.unit.c_str(),
                  cell(sim::format_range(s)).c_str(), s.claim.c_str(), s.meaning.c_str());
    } else {
      std::printf("%-34s %-9s default %-12s %-14s range %-22s %s%s%s\n", s.path.c_str(),
                  sim::type_name(s.type), def.c_str(), s.unit.c_str(), sim::format_range(s).c_str(),
                  s.meaning.c_str(), s.claim.empty() ? "" : " [",
                  s.claim.empty() ? "" : (s.claim + "]").c_str());
    }
  }
  return 0;
}

}  // namespace cli
