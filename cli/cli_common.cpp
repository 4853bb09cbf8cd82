#include "cli/cli_common.hpp"

#include <sys/resource.h>

#include <csignal>
#include <cstdio>

#include "models/registry.hpp"

namespace cli {

void add_scenario_options(cxxopts::Options& options) {
  options.add_options()("seed", "base seed (overrides run.seed)", cxxopts::value<std::uint64_t>())(
      "set", "override a parameter: section.key=value (repeatable)",
      cxxopts::value<std::vector<std::string>>())("threads", "worker threads (default: all cores)",
                                                  cxxopts::value<int>()->default_value("0"))(
      "quiet", "no progress output")("h,help", "show this help");
}

sim::Scenario load_scenario_from(const cxxopts::ParseResult& args, const std::string& path) {
  sim::ScenarioOptions opts;
  if (args.count("set")) opts.overrides = args["set"].as<std::vector<std::string>>();
  if (args.count("seed"))
    opts.overrides.push_back("run.seed=" + std::to_string(args["seed"].as<std::uint64_t>()));
  return sim::load_scenario(path, models::all_params(), opts);
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

}  // namespace cli
