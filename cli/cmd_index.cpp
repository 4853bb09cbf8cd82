// commsim index DIR: rebuild DIR/index.h5 from the run files in DIR (after a Slurm job
// array, after copying runs together, or to check a folder).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/output/output_lock.hpp"

namespace cli {

namespace {

// The folder's lock, retried for up to `seconds` while another commsim holds it.
sim::FolderLock lock_folder_waiting(const std::string& dir, double seconds) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(std::max(0.0, seconds));
  while (true) {
    try {
      return sim::lock_output_folder(dir, "commsim index");
    } catch (const sim::BusyError&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace

int index_main(int argc, char** argv) {
  cxxopts::Options options("commsim index", "Rebuild DIR/index.h5 from the run files in DIR.");
  options.add_options()("dir", "folder of run files", cxxopts::value<std::string>())(
      "wait", "if another commsim writes into DIR, wait up to this many seconds for it",
      cxxopts::value<double>()->default_value("0"))("quiet", "print nothing")("h,help",
                                                                              "show this help");
  options.parse_positional({"dir"});
  options.positional_help("DIR");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("dir")) throw sim::InputError("no folder given (commsim index DIR)");
  const std::string dir = args["dir"].as<std::string>();
  if (!std::filesystem::is_directory(dir)) throw sim::InputError("'" + dir + "' is not a folder");
  // Not while a batch writes there: it rewrites the index when it ends anyway.
  const auto lock = lock_folder_waiting(dir, args["wait"].as<double>());
  print_note("commsim index", lock.note());
  auto counts = sim::batch::build_index(dir);
  if (!args.count("quiet"))
    print_index_counts(stdout, std::filesystem::path(dir) / sim::batch::index_file_name, counts,
                       counts.problems.size());
  return 0;
}

}  // namespace cli
