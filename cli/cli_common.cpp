#include "cli/cli_common.hpp"

#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>

#include "cli/commands.hpp"
#include "models/registry.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/output/output_lock.hpp"

namespace cli {
namespace {

// What the numeric options take, for messages about a value they cannot.
const std::map<std::string, std::string> option_kinds = {
    {"seed", "a whole number >= 0"},    {"threads", "a whole number (0 = all cores)"},
    {"jobs", "a whole number >= 1"},    {"replicates", "a whole number >= 1"},
    {"days", "a whole number of days"}, {"tasks", "a whole number >= 1"},
    {"wait", "a number of seconds"},    {"cpus-per-task", "a whole number >= 1"},
};

// cxxopts says "Argument 'x' failed to parse" without naming the option: find the option
// whose value that was.
std::string name_bad_value(int argc, char** argv, const std::string& message) {
  for (int i = 1; i < argc; ++i) {
    std::string token = argv[i];
    if (token.size() < 2 || token[0] != '-') continue;
    std::string name = token.substr(token[1] == '-' ? 2 : 1), value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[i + 1];
    }
    for (const char* quotes : {"''", "\xE2\x80\x98\xE2\x80\x99"}) {
      std::string open(quotes, std::strlen(quotes) / 2), close(quotes + open.size());
      if (message.find(open + value + close) == std::string::npos) continue;
      auto kind = option_kinds.find(name);
      return std::string(token[1] == '-' ? "--" : "-") + name + " '" + value + "': expects " +
             (kind != option_kinds.end() ? kind->second : "another kind of value (see --help)");
    }
  }
  return message;
}

}  // namespace

cxxopts::ParseResult parse_command_line(cxxopts::Options& options, int argc, char** argv) {
  try {
    auto args = options.parse(argc, argv);
    const auto& extra = args.unmatched();
    if (!extra.empty())
      throw sim::InputError("unexpected argument '" + extra[0] + "'" +
                            (extra.size() > 1
                                 ? " (and " + std::to_string(extra.size() - 1) + " more)"
                                 : std::string()) +
                            " (" + options.program() + " takes one file or folder; see --help)");
    return args;
  } catch (const cxxopts::exceptions::incorrect_argument_type& e) {
    throw sim::InputError(name_bad_value(argc, argv, e.what()));
  }
}

void add_scenario_options(cxxopts::Options& options) {
  options.add_options()("seed", "base seed (overrides run.seed)", cxxopts::value<std::uint64_t>())(
      "set", "override a parameter: section.key=value (repeatable)",
      cxxopts::value<std::vector<std::string>>())("threads", "worker threads (default: all cores)",
                                                  cxxopts::value<int>()->default_value("0"))(
      "quiet", "no progress output")("h,help", "show this help");
}

void add_arm_option(cxxopts::Options& options) {
  options.add_options()("arm", "for a file with [arms.NAME] tables: the arm to use",
                        cxxopts::value<std::string>());
}

void report_plan_warnings(const sim::batch::RunPlan& plan) {
  for (const auto& sp : plan.sources)
    for (const auto& w : sp.warnings) std::fprintf(stderr, "commsim: warning: %s\n", w.c_str());
}

LoadedScenario load_scenario_from(const cxxopts::ParseResult& args, const std::string& path) {
  // The planner reads a file's [arms], [sweep] and [replicates]; one run takes one arm.
  sim::batch::PlanOptions po;
  if (args.count("set")) po.overrides = args["set"].as<std::vector<std::string>>();
  if (args.count("seed")) po.seed = args["seed"].as<std::uint64_t>();
  const auto plan = sim::batch::plan_runs({path}, models::all_params(), po);
  report_plan_warnings(plan);
  const sim::batch::SourcePlan& sp = plan.sources.at(0);
  if (sp.sweep)
    throw sim::InputError(sim::SourcePlace{path, 0, 0},
                          "has a [sweep]: `commsim sweep` runs it (`--dry-run` lists its runs); "
                          "to run one point, set its values with --set");
  std::string names;
  for (const auto& arm : sp.arms) names += (names.empty() ? "" : ", ") + arm.name;
  const std::string wanted = args.count("arm") ? args["arm"].as<std::string>() : "";
  if (!sp.has_arms) {
    if (!wanted.empty())
      throw sim::InputError("--arm " + wanted + ": '" + path + "' declares no arms");
    return {*sp.arms[0].scenario, ""};
  }
  if (wanted.empty())
    throw sim::InputError(sim::SourcePlace{path, 0, 0},
                          "declares arms (" + names + "): choose one with --arm NAME");
  for (const auto& arm : sp.arms)
    if (arm.name == wanted) return {*arm.scenario, arm.name};
  throw sim::InputError("--arm " + wanted + ": '" + path + "' has no such arm (it has " + names +
                        ")");
}

std::unique_ptr<tbb::global_control> limit_threads(const cxxopts::ParseResult& args) {
  int n = args["threads"].as<int>();
  if (n < 0)
    throw sim::InputError("--threads " + std::to_string(n) + ": must be 0 (all cores) or more");
  if (n == 0) return nullptr;
  return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                               static_cast<std::size_t>(n));
}

namespace {
std::atomic<bool> stop_flag{false};
extern "C" void on_signal(int sig) {
  stop_flag.store(true);
  std::signal(sig, SIG_DFL);  // a second signal ends the process at once
}
}  // namespace

const std::atomic<bool>& stop_requested() {
  return stop_flag;
}

void install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

double peak_memory_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

bool wants_help(const cxxopts::Options& options, const cxxopts::ParseResult& args) {
  if (!args.count("help")) return false;
  std::printf("%s\n", options.help().c_str());
  return true;
}

void print_index_counts(std::FILE* to, const std::filesystem::path& index,
                        const sim::batch::IndexCounts& counts, std::size_t max_listed) {
  std::fprintf(to, "index: %s (%zu runs: %zu complete, %zu failed, %zu partial, %zu pending%s)\n",
               index.c_str(), counts.total, counts.complete, counts.failed, counts.partial,
               counts.pending,
               counts.damaged ? (", " + std::to_string(counts.damaged) + " damaged").c_str() : "");
  std::size_t shown = 0;
  for (const auto& p : counts.problems) {
    if (shown++ == max_listed) {
      std::fprintf(to, "  ... and %zu more (see the index)\n", counts.problems.size() - max_listed);
      break;
    }
    std::fprintf(to, "  %s\n", p.c_str());
  }
  for (const auto& n : counts.notes) std::fprintf(to, "  note: %s\n", n.c_str());
}

int report_error(const char* command, bool print) {
  auto say = [&](const char* kind, const std::string& what, const std::string& tail = "") {
    if (print)
      std::fprintf(stderr, "commsim %s: %s: %s%s\n", command, kind, what.c_str(), tail.c_str());
  };
  try {
    throw;
  } catch (const sim::InputError& e) {
    say("error", e.what());
    return 2;
  } catch (const cxxopts::exceptions::exception& e) {
    say("error", e.what(), std::string(" (see commsim ") + command + " --help)");
    return 2;
  } catch (const sim::BusyError& e) {
    say("error", e.what());
    return 75;  // another commsim writes there: not wrong, just not now (EX_TEMPFAIL)
  } catch (const sim::OutputError& e) {
    say("error", e.what());
    return 3;
  } catch (const std::exception& e) {
    say("internal error", e.what());
    return 1;
  }
}

void print_note(const char* command, const std::string& text) {
  if (!text.empty()) std::fprintf(stderr, "%s: note: %s\n", command, text.c_str());
}

}  // namespace cli
