// commsim: one binary, one subcommand per job.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include <cxxopts.hpp>

#include "cli/commands.hpp"
#include "sim/core/input_error.hpp"
#include "sim/version.hpp"

namespace {

const std::vector<cli::Command> commands = {
    {"run", "run one scenario and write its HDF5 file", cli::run_main},
    {"params", "list every parameter: default, unit, range, meaning", cli::params_main},
    {"metrics", "list every metric a run or comparison records: unit, definition",
     cli::metrics_main},
    {"inspect", "show a scenario's resolved parameters, graph and tick order", cli::inspect_main},
    {"bench", "measure throughput (ticks/s, member-ticks/s) and peak memory", cli::bench_main},
    {"batch", "run many scenario files (arms, replicates) at once, one HDF5 file per run",
     cli::batch_main},
    {"sweep", "run a scenario file's [sweep] (grid, LHS, Sobol, table) x arms x replicates",
     cli::sweep_main},
    {"index", "rebuild DIR/index.h5 from the run files in DIR", cli::index_main},
    {"slurm", "write Slurm scripts (job array or MPI job) for a sweep or batch", cli::slurm_main},
    {"diagnose", "name the failure modes each group of a run shows, with the evidence",
     cli::diagnose_main},
    {"compare", "run a file's arms x replicates and compare them (means, CIs, Welch, Hedges' g)",
     cli::compare_main},
};

void usage(std::FILE* to) {
  std::fprintf(to, "commsim %s: agent-based simulation of online community dynamics\n\n",
               sim::version);
  std::fprintf(to,
               "usage: commsim <command> [options]   (commsim <command> --help for details)\n\n");
  for (const auto& c : commands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(stdout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::printf("commsim %s\n", sim::version);
    return 0;
  }
  for (const auto& c : commands) {
    if (name != c.name) continue;
    std::string label = std::string("commsim ") + c.name;
    std::vector<char*> args{label.data()};
    for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
    try {
      return c.main(static_cast<int>(args.size()), args.data());
    } catch (const sim::InputError& e) {
      std::fprintf(stderr, "commsim %s: error: %s\n", c.name, e.what());
      return 2;
    } catch (const cxxopts::exceptions::exception& e) {
      std::fprintf(stderr, "commsim %s: error: %s (see commsim %s --help)\n", c.name, e.what(),
                   c.name);
      return 2;
    } catch (const sim::OutputError& e) {
      std::fprintf(stderr, "commsim %s: error: %s\n", c.name, e.what());
      return 3;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "commsim %s: internal error: %s\n", c.name, e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "commsim: unknown command '%s'\n\n", name.c_str());
  usage(stderr);
  return 2;
}
