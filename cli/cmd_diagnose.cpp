// commsim diagnose RUN.h5...|DIR: which failure modes each group shows, with the evidence.
// A folder stands for its run files; the index and summary files a batch or comparison writes
// beside its runs are skipped with a note (so `diagnose DIR/*.h5` works too). A file that
// cannot be diagnosed (damaged, not complete) is reported and the others are still done.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/diagnosis.hpp"
#include "models/community/failure_modes.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/compare/summary_files.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/run_file.hpp"

namespace cli {
namespace {

namespace fs = std::filesystem;

bool is_folder_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == sim::batch::index_file_name || name == sim::compare::summary_h5_name;
}

// The run files named: files as given (less index/summary files), folders as their *.h5
// (and *.h5.part with --allow-partial), sorted.
std::vector<fs::path> run_files(const std::vector<std::string>& given, bool partial) {
  std::vector<fs::path> out;
  for (const auto& g : given) {
    std::error_code ec;
    if (fs::is_directory(g, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(g)) {
        const std::string name = e.path().filename().string();
        const bool run = name.ends_with(".h5") ||
                         (partial && name.ends_with(std::string(".h5") + sim::partial_suffix));
        if (e.is_regular_file() && run && !is_folder_file(e.path())) found.push_back(e.path());
      }
      if (found.empty()) throw sim::InputError("folder '" + g + "' holds no run files (*.h5)");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (is_folder_file(g)) {
      print_note("commsim diagnose", "skipped " + g + ": a folder's index or summary, not a run");
    } else if (partial && !fs::exists(g, ec) && fs::exists(sim::partial_path(g), ec)) {
      out.push_back(sim::partial_path(g));  // a stopped run: its days are in RUN.h5.part
    } else {
      out.emplace_back(g);
    }
  }
  return out;
}

void print_groups(const community::RunDiagnosis& d) {
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

}  // namespace

int diagnose_main(int argc, char** argv) {
  cxxopts::Options options(
      "commsim diagnose",
      "Name the failure modes (C10-C14) each group of a run shows, from its daily series.");
  options.add_options()("runs", "run files or folders of them",
                        cxxopts::value<std::vector<std::string>>())(
      "summary", "one line per run: its verdict (modes shown by at least half of its groups)")(
      "allow-partial", "also diagnose runs that did not finish")(
      "modes", "list the failure modes and the rules that name them (a Markdown table)")(
      "h,help", "show this help");
  options.parse_positional({"runs"});
  options.positional_help("RUN.h5...|DIR");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (args.count("modes")) {
    std::fputs(community::failure_modes_markdown().c_str(), stdout);
    return 0;
  }
  if (!args.count("runs")) throw sim::InputError("no run file given (commsim diagnose RUN.h5)");
  const bool summary = args.count("summary") > 0, partial = args.count("allow-partial") > 0;
  const auto files = run_files(args["runs"].as<std::vector<std::string>>(), partial);
  if (files.empty()) throw sim::InputError("no run file left to diagnose");
  std::size_t refused = 0;
  for (const auto& path : files) {
    try {
      sim::RunReader run(path);
      if (!partial) run.require_complete();
      auto d = community::diagnose_run(run);
      const std::string verdict = community::verdict_keys(d);
      if (summary) {
        std::printf("%s\t%s\n", path.c_str(), verdict.empty() ? "none" : verdict.c_str());
        continue;
      }
      std::printf("# %s: %s\n", path.c_str(),
                  verdict.empty() ? "no failure mode in most groups" : verdict.c_str());
      print_groups(d);
    } catch (const sim::InputError& e) {
      // One bad file among many: say which and why, and go on with the others.
      if (files.size() == 1) throw;
      std::fflush(stdout);
      std::fprintf(stderr, "commsim diagnose: error: %s\n", e.what());
      ++refused;
    }
  }
  if (refused) {
    std::fprintf(stderr, "commsim diagnose: %zu of %zu run files could not be diagnosed\n", refused,
                 files.size());
    return 2;
  }
  return 0;
}

}  // namespace cli
