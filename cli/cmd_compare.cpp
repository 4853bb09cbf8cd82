// commsim compare SCENARIO --out DIR [--replicates R] [--jobs J] [--resume] [--overwrite]
//                          [--threads N] [--seed S] [--set k=v] [--quiet]
// Runs every arm x replicate of a scenario file that declares arms ([arms.control],
// [arms.failure], ...), or a one-parameter [sweep] (a dose-response) with or without arms,
// with the batch machinery (one HDF5 file per run, DIR/index.h5), then summarizes the
// headline metrics per arm (and point) against the reference: the first arm at the same
// point, or, for a sweep of one arm, the first point. DIR/summary.h5, summary.md,
// summary.csv, runs.csv. The summary is written only when every run is complete.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <toml++/toml.h>

#include "cli/batch_command.hpp"
#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/community/headline_metrics.hpp"
#include "models/community/signature_check.hpp"
#include "models/registry.hpp"
#include "sim/batch/local_executor.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/batch/toml_util.hpp"
#include "sim/compare/compare_summary.hpp"
#include "sim/compare/summary_files.hpp"
#include "sim/compare/sweep_axis.hpp"
#include "sim/output/output_lock.hpp"

namespace cli {
namespace {

namespace fs = std::filesystem;
constexpr int min_replicates = 2;

// Where `section` (and `section.key`) were written in the file; the file alone if unknown.
sim::SourcePlace place_in_file(const std::string& file, const std::string& section,
                               const std::string& key = "") {
  try {
    toml::table doc = toml::parse_file(file);
    auto* t = doc.get(section) ? doc.get(section)->as_table() : nullptr;
    if (t && !key.empty() && t->get(key)) return sim::batch::key_place(file, *t, key);
    return sim::batch::key_place(file, doc, section);
  } catch (const std::exception&) {
    return {file, 0, 0};
  }
}

// Checks that the plan is one a comparison can be made of: two or more arms, or a sweep of
// one parameter (sim/compare/sweep_axis.hpp) over two or more points, or both; replicates >= 2.
void check_plan(const sim::batch::RunPlan& plan, const std::string& file,
                bool replicates_from_command_line) {
  const sim::batch::SourcePlan& sp = plan.sources.at(0);
  if (!sp.has_arms && !sp.sweep)
    throw sim::InputError(
        sim::SourcePlace{file, 0, 0},
        "declares no arms and no [sweep]: compare runs the arms of a file ([arms.control], "
        "[arms.failure], ...) and compares each with the first, or the points of a one-parameter "
        "[sweep]; see docs/cluster.md, \"Arms and replicates\"");
  if (sp.sweep) {
    const auto axis = sim::compare::one_axis(*sp.sweep);  // throws for other designs
    if (sp.arms.size() < 2 && axis.values.size() < 2)
      throw sim::InputError(sp.sweep->places.at(0),
                            "key 'sweep." + axis.parameter +
                                "': one value and one arm: nothing to compare (a sweep of one "
                                "arm compares its points with the first)");
    if (place_in_file(file, "signature").line > 0)
      throw sim::InputError(place_in_file(file, "signature"),
                            "key 'signature': a signature compares two arms over replicates; "
                            "with a [sweep] it would pool the points: check it without one");
  } else if (sp.arms.size() < 2) {
    throw sim::InputError(place_in_file(file, "arms"),
                          "key 'arms': declares one arm ('" + sp.arms[0].name +
                              "'); compare needs two or more (the first is the reference), or a "
                              "[sweep] of one parameter");
  }
  if (sp.replicates < min_replicates && !replicates_from_command_line) {
    sim::SourcePlace at = place_in_file(file, "replicates", "count");
    std::string why = "compare needs at least " + std::to_string(min_replicates) +
                      " replicates per arm (a confidence interval needs two runs)";
    if (at.line > 0)
      throw sim::InputError(
          at, "key 'replicates.count': " + std::to_string(sp.replicates) + " replicate; " + why);
    throw sim::InputError(sim::SourcePlace{file, 0, 0},
                          "no [replicates] count (1 replicate by default); " + why +
                              ": add `[replicates] count = 5` or --replicates 5");
  }
}

// The planned runs whose files are not complete, as "run_id: what is wrong" lines.
std::vector<std::string> unfinished_runs(const sim::batch::RunPlan& plan, const fs::path& out) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    auto check = sim::batch::check_done(plan, i, out / plan.file_name(i));
    if (!check.done) lines.push_back(plan.runs[i].run_id + ": " + check.why);
  }
  return lines;
}

// Keeps the runs of the named arms only (their seeds and file names unchanged, so they are
// the same runs as in the full comparison). With a sweep one arm is enough: its points are
// compared with the first.
void restrict_arms(sim::batch::RunPlan& plan, const std::string& list, const std::string& file) {
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) names.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  auto& arms = plan.sources.at(0).arms;
  std::vector<std::size_t> new_index(arms.size(), arms.size());
  std::vector<sim::batch::Arm> kept;
  for (std::size_t a = 0; a < arms.size(); ++a)
    if (std::find(names.begin(), names.end(), arms[a].name) != names.end()) {
      new_index[a] = kept.size();
      kept.push_back(arms[a]);
    }
  for (const auto& n : names)
    if (std::none_of(kept.begin(), kept.end(), [&](const auto& a) { return a.name == n; }))
      throw sim::InputError(sim::SourcePlace{file, 0, 0},
                            "--arms: the file declares no arm '" + n + "'");
  const std::size_t least = plan.sources.at(0).sweep ? 1 : 2;
  if (kept.size() < least) throw sim::InputError("--arms: compare needs at least two arms");
  std::vector<sim::batch::PlannedRun> runs;
  for (auto r : plan.runs)
    if (new_index[r.arm] < kept.size()) {
      r.arm = new_index[r.arm];
      runs.push_back(r);
    }
  arms = std::move(kept);
  plan.runs = std::move(runs);
}

}  // namespace

int compare_main(int argc, char** argv) {
  cxxopts::Options options(
      "commsim compare",
      "Run every arm x replicate of a scenario file with [arms.NAME] tables and/or a "
      "one-parameter [sweep] (one HDF5 file per run, plus DIR/index.h5), then compare them on "
      "the headline metrics: DIR/summary.md, summary.csv, runs.csv, summary.h5 (mean and 95% "
      "CI per arm and point; difference from the first arm at the same point, or without arms "
      "from the first point, with Welch's 95% CI; Hedges' g).");
  options.add_options()("file", "scenario file with arms and/or a one-parameter sweep",
                        cxxopts::value<std::vector<std::string>>())(
      "o,out", "output folder (one file per run, index.h5, summary.*)",
      cxxopts::value<std::string>())(
      "replicates", "runs per arm and point, at least 2 (overrides [replicates] count)",
      cxxopts::value<int>())("jobs",
                             "runs at once on this machine (default: --threads, or all cores)",
                             cxxopts::value<int>())(
      "resume", "keep complete runs already in --out, redo missing, partial and failed ones")(
      "overwrite", "rerun every run even when --out already holds its file")(
      "dry-run", "list the planned runs (id, seed, settings) and exit")(
      "check-signature",
      "exit 5 unless the file's [signature] holds (its checks, and diagnose naming the mode)")(
      "arms",
      "run and compare only these arms (comma-separated, in the file's order; the "
      "first is the reference)",
      cxxopts::value<std::string>());
  add_scenario_options(options);
  options.parse_positional({"file"});
  options.positional_help("SCENARIO");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;

  // Everything is checked before anything is run or written.
  if (!args.count("file"))
    throw sim::InputError("no scenario file given (commsim compare SCENARIO --out DIR)");
  const auto files = args["file"].as<std::vector<std::string>>();
  if (files.size() != 1)
    throw sim::InputError("compare takes one scenario file (got " + std::to_string(files.size()) +
                          ")");
  if (!args.count("out")) throw sim::InputError("no output folder given: add --out DIR");
  if (args.count("resume") && args.count("overwrite"))
    throw sim::InputError("--resume and --overwrite contradict each other: pick one");
  if (args.count("replicates") && args["replicates"].as<int>() < min_replicates)
    throw sim::InputError("--replicates " + std::to_string(args["replicates"].as<int>()) +
                          ": compare needs at least " + std::to_string(min_replicates) +
                          " replicates per arm (a confidence interval needs two runs)");
  if (args.count("jobs") && args["jobs"].as<int>() < 1)
    throw sim::InputError("--jobs " + std::to_string(args["jobs"].as<int>()) +
                          ": must be at least 1");
  if (fs::is_directory(files[0]))
    throw sim::InputError("'" + files[0] + "' is a folder; compare takes one scenario file");

  sim::batch::PlanOptions po;
  if (args.count("set")) po.overrides = args["set"].as<std::vector<std::string>>();
  if (args.count("seed")) po.seed = args["seed"].as<std::uint64_t>();
  if (args.count("replicates")) po.replicates = args["replicates"].as<int>();
  sim::batch::RunPlan plan = sim::batch::plan_runs(files, models::all_params(), po);
  report_plan_warnings(plan);
  check_plan(plan, files[0], args.count("replicates") > 0);
  if (args.count("arms")) restrict_arms(plan, args["arms"].as<std::string>(), files[0]);
  const auto signature = community::plan_signature(plan);
  if (args.count("check-signature") && !signature)
    throw sim::InputError(sim::SourcePlace{files[0], 0, 0},
                          "--check-signature: the file has no [signature] table to check");
  const fs::path out = args["out"].as<std::string>();
  if (fs::exists(out) && !fs::is_directory(out))
    throw sim::InputError("--out '" + out.string() + "' exists and is not a folder");
  auto threads = limit_threads(args);
  std::vector<std::size_t> all(plan.runs.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (args.count("dry-run")) {
    print_plan(plan, all);
    return 0;
  }
  install_interrupt_handlers();

  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw sim::OutputError("cannot create folder '" + out.string() + "': " + ec.message());
  const auto lock = sim::lock_output_folder(out, "commsim compare");
  print_note("commsim compare", lock.note());
  refuse_existing_runs(out, plan, all, args, "this comparison");
  // A summary describes a finished set of runs: drop any earlier one before runs change.
  sim::compare::remove_summary_files(out);
  sim::batch::write_manifest(out, plan);

  sim::batch::BatchOptions bo;
  bo.out_dir = out;
  bo.resume = args.count("resume") > 0;
  bo.quiet = args.count("quiet") > 0;
  if (args.count("jobs")) bo.jobs = static_cast<std::size_t>(args["jobs"].as<int>());
  bo.label = "compare";
  bo.stop = &stop_requested();
  const sim::batch::BatchSummary ran = sim::batch::run_local(plan, all, models::make_model, bo);

  const auto counts = sim::batch::build_index(out);
  if (!bo.quiet) print_index_counts(stderr, out / sim::batch::index_file_name, counts, 0);
  const auto unfinished = unfinished_runs(plan, out);
  if (ran.interrupted || !unfinished.empty()) {
    // Listed even with --quiet: the exit code alone does not say which runs to look at.
    std::size_t shown = 0;
    for (const auto& line : unfinished) {
      if (shown++ == 20) {
        std::fprintf(stderr, "  ... and %zu more (see %s)\n", unfinished.size() - 20,
                     (out / sim::batch::index_file_name).c_str());
        break;
      }
      std::fprintf(stderr, "  %s\n", line.c_str());
    }
    if (ran.interrupted) {
      std::fprintf(stderr,
                   "compare: interrupted; no summary written; rerun with --resume to finish\n");
      return 130;
    }
    std::fprintf(
        stderr,
        "compare: %zu of %zu runs did not complete; no summary written (fix the cause, then rerun "
        "with --resume)\n",
        unfinished.size(), plan.runs.size());
    return 4;
  }

  const auto& metrics = community::headline_metrics();
  auto measures = sim::compare::measure_runs(plan, out, metrics);
  const auto summary = sim::compare::summarize_plan(plan, metrics, std::move(measures));
  sim::compare::write_summary_files(out, summary);
  if (!bo.quiet) {
    const std::string points = summary.sweep ? std::to_string(summary.sweep->values.size()) +
                                                   " points of " + summary.sweep->parameter + " x "
                                             : "";
    std::fprintf(stderr,
                 "compare: %s%zu arms x %d replicates; summary in %s (also summary.csv, runs.csv, "
                 "summary.h5)\n",
                 points.c_str(), summary.arms.size(), summary.replicates,
                 (out / sim::compare::summary_md_name).c_str());
  }
  if (!signature) return 0;
  const auto result = community::check_signature(*signature, plan, out);
  sim::compare::write_signature_files(out.string(), *signature, result);
  if (!bo.quiet || !result.holds())
    std::fprintf(stderr, "compare: signature of %s %s (%s)\n", signature->mode.c_str(),
                 result.verdict().c_str(), (out / "signature.md").c_str());
  return args.count("check-signature") && !result.holds() ? 5 : 0;
}

}  // namespace cli
