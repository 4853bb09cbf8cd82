#pragma once
// Options and chores shared by the subcommands: loading a scenario with --seed/--set,
// the thread count, Ctrl-C handling, peak memory.
#include <tbb/global_control.h>

#include <atomic>
#include <cxxopts.hpp>
#include <memory>
#include <optional>
#include <string>

#include "sim/scenario/scenario.hpp"

namespace cli {

// Adds --seed, --set, --threads, --quiet.
void add_scenario_options(cxxopts::Options& options);

// Loads the scenario named by the positional argument, applying --set and --seed.
sim::Scenario load_scenario_from(const cxxopts::ParseResult& args, const std::string& path);

// Limits TBB to --threads (0 or absent: all cores). Keep the result alive for the run.
std::unique_ptr<tbb::global_control> limit_threads(const cxxopts::ParseResult& args);

// Raised by the first SIGINT/SIGTERM; a second one kills the process as usual.
const std::atomic<bool>& stop_requested();
void install_interrupt_handlers();

double peak_memory_mib();

// Prints help and returns true when --help was given.
bool wants_help(const cxxopts::Options& options, const cxxopts::ParseResult& args);

}  // namespace cli
