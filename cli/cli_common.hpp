#pragma once
// Options and chores shared by the subcommands: parsing the command line, loading a scenario
// with --seed/--set/--arm, the thread count, Ctrl-C handling, peak memory, index reports.
#include <tbb/global_control.h>

#include <atomic>
#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "sim/scenario/scenario.hpp"

namespace sim::batch {
struct IndexCounts;
struct RunPlan;
}

namespace cli {

// Parses argv. A value the option cannot take is an InputError naming the option
// ("--seed 'x': expects a whole number >= 0"); positional arguments beyond those the
// command takes are refused, never dropped.
cxxopts::ParseResult parse_command_line(cxxopts::Options& options, int argc, char** argv);

// Adds --seed, --set, --threads, --quiet.
void add_scenario_options(cxxopts::Options& options);
// Adds --arm NAME: run, inspect and bench take one arm of a file that declares arms.
void add_arm_option(cxxopts::Options& options);

// A scenario as run/inspect/bench use it: the file with --set and --seed applied, and for a
// file with [arms.NAME] tables the arm that --arm names.
struct LoadedScenario {
  sim::Scenario scenario;
  std::string arm;  // "" for a file without arms
};
LoadedScenario load_scenario_from(const cxxopts::ParseResult& args, const std::string& path);

// Prints the settings the plan's files make irrelevant ("commsim: warning: ..."), on stderr.
void report_plan_warnings(const sim::batch::RunPlan& plan);

// Limits TBB to --threads (0 or absent: all cores). Keep the result alive for the run.
std::unique_ptr<tbb::global_control> limit_threads(const cxxopts::ParseResult& args);

// Raised by the first SIGINT/SIGTERM; a second one kills the process as usual.
const std::atomic<bool>& stop_requested();
void install_interrupt_handlers();

double peak_memory_mib();

// Prints help and returns true when --help was given.
bool wants_help(const cxxopts::Options& options, const cxxopts::ParseResult& args);

// "index: DIR/index.h5 (N runs: ...)" and up to `max_listed` failed or damaged runs.
void print_index_counts(std::FILE* to, const std::filesystem::path& index,
                        const sim::batch::IndexCounts& counts, std::size_t max_listed);

// "commsim <command>: note: <text>" on stderr when text is not empty.
void print_note(const char* command, const std::string& text);

}  // namespace cli
