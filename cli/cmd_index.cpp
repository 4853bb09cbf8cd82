// commsim index DIR: rebuild DIR/index.h5 from the run files in DIR (after a Slurm job
// array, after copying runs together, or to check a folder).
#include <cstdio>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "sim/batch/run_index.hpp"

namespace cli {

int index_main(int argc, char** argv) {
  cxxopts::Options options("commsim index", "Rebuild DIR/index.h5 from the run files in DIR.");
  options.add_options()("dir", "folder of run files", cxxopts::value<std::string>())(
      "quiet", "print nothing")("h,help", "show this help");
  options.parse_positional({"dir"});
  options.positional_help("DIR");
  auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("dir")) throw sim::InputError("no folder given (commsim index DIR)");
  const std::string dir = args["dir"].as<std::string>();
  auto counts = sim::batch::build_index(dir);
  if (!args.count("quiet")) {
    std::printf("%s/%s: %zu runs: %zu complete, %zu failed, %zu partial, %zu pending\n",
                dir.c_str(), sim::batch::index_file_name, counts.total, counts.complete,
                counts.failed, counts.partial, counts.pending);
    for (const auto& f : counts.failures) std::printf("  failed: %s\n", f.c_str());
  }
  return 0;
}

}  // namespace cli
