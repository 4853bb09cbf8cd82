// commsim batch FILE...|DIR --out DIR [--replicates R] [--jobs J] [--resume] [--fail-fast]
//                          [--shard I/N | --mpi] [--dry-run] [--bench] [--threads N] ...
// Runs many scenario files (their arms, sweep points and replicates) concurrently, one
// HDF5 file per run, then writes DIR/index.h5. See docs/cluster.md.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/batch_command.hpp"
#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "cli/index_on_stop.hpp"
#include "models/registry.hpp"
#include "sim/batch/local_executor.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/batch/shard.hpp"
#include "sim/output/output_lock.hpp"
#ifdef COMMSIM_WITH_MPI
#include "sim/batch/mpi_executor.hpp"
#endif

namespace cli {
namespace fs = std::filesystem;

std::vector<std::string> expand_scenario_paths(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& g : given) {
    if (fs::is_directory(g)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(g))
        if (e.is_regular_file() && e.path().extension() == ".toml")
          found.push_back(e.path().string());
      if (found.empty())
        throw sim::InputError("folder '" + g + "' holds no scenario files (*.toml)");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(g);  // load_scenario reports a missing file
    }
  }
  return out;
}

void print_plan(const sim::batch::RunPlan& plan, const std::vector<std::size_t>& selected,
                const std::string& where) {
  std::printf("%zu runs planned%s\n", selected.size(), where.c_str());
  for (auto i : selected) {
    std::string settings = sim::batch::settings_text(plan.settings(i));
    std::replace(settings.begin(), settings.end(), '\n', ';');
    std::printf("%-40s seed %-17llu %s\n", plan.runs[i].run_id.c_str(),
                static_cast<unsigned long long>(plan.runs[i].seed), settings.c_str());
  }
}

void refuse_existing_runs(const fs::path& out, const sim::batch::RunPlan& plan,
                          const std::vector<std::size_t>& selected,
                          const cxxopts::ParseResult& args, const std::string& what) {
  if (args.count("resume") || args.count("overwrite")) return;
  std::size_t existing = 0;
  for (auto i : selected) existing += fs::exists(out / plan.file_name(i)) ? 1 : 0;
  if (existing)
    throw sim::InputError("'" + out.string() + "' already holds " + std::to_string(existing) +
                          " run files of " + what +
                          ": add --resume to keep the complete ones, --overwrite to redo them "
                          "all, or choose another --out");
}

namespace {

// Takes the output folder (its lock), refuses to overwrite finished runs unless asked, and
// writes the run list. Returns true when the folder is read-only and every selected run is
// already complete there (a finished sweep resumed on read-only storage: nothing to write).
bool prepare_folder(const fs::path& out, const sim::batch::RunPlan& plan,
                    const std::vector<std::size_t>& selected, const cxxopts::ParseResult& args,
                    const char* command, const std::optional<sim::batch::Shard>& shard,
                    sim::FolderLock& lock) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw sim::OutputError("cannot create folder '" + out.string() + "': " + ec.message());
  std::optional<std::pair<std::size_t, std::size_t>> shard_of;
  if (shard) shard_of = std::make_pair(shard->index, shard->count);
  lock = sim::lock_output_folder(out, command, shard_of);
  print_note(command, lock.note());
  if (!lock.writable()) {
    std::size_t done = 0;
    if (args.count("resume"))
      for (auto i : selected) done += sim::batch::run_is_done(plan, i, out / plan.file_name(i));
    if (args.count("resume") && done == selected.size()) return true;
    throw sim::OutputError("output folder '" + out.string() + "' is read-only" +
                           (args.count("resume") ? ": " + std::to_string(selected.size() - done) +
                                                       " of " + std::to_string(selected.size()) +
                                                       " runs are not complete there"
                                                 : std::string()));
  }
  refuse_existing_runs(out, plan, selected, args, "this plan");
  // Each shard writes the same run list; the write is atomic, and skipped when unchanged.
  sim::batch::write_manifest(out, plan);
  return false;
}

}  // namespace

int run_batch_command(int argc, char** argv, BatchMode mode) {
  const char* command = mode == BatchMode::sweep ? "sweep" : "batch";
  const std::string name = std::string("commsim ") + command;
  cxxopts::Options options(
      name, mode == BatchMode::sweep
                ? "Run the [sweep] of a scenario file: every design point, arm and "
                  "replicate, one HDF5 file each, plus DIR/index.h5."
                : "Run many scenario files (their arms, sweep points and replicates), one "
                  "HDF5 file per run, plus DIR/index.h5.");
  options.add_options()("files", "scenario files or folders",
                        cxxopts::value<std::vector<std::string>>())(
      "o,out", "output folder (one file per run, index.h5)", cxxopts::value<std::string>())(
      "replicates", "runs per arm and point (overrides [replicates] count)", cxxopts::value<int>())(
      "jobs", "runs at once on this machine (default: --threads, or all cores)",
      cxxopts::value<int>())("resume",
                             "keep complete runs already in --out, redo partial and failed ones")(
      "overwrite", "rerun every run even when --out already holds its file")(
      "fail-fast", "stop at the first failed run (default: record it and go on)")(
      "shard", "run only shard I of N (0 <= I < N): for Slurm job arrays",
      cxxopts::value<std::string>())(
      "mpi", "spread the runs over MPI ranks (mpirun -np N commsim ... --mpi)")(
      "dry-run", "list the planned runs (id, seed, settings) and exit")(
      "bench", "print throughput figures (runs, seconds, runs/s) on stdout at the end");
  add_scenario_options(options);
  options.parse_positional({"files"});
  options.positional_help(mode == BatchMode::sweep ? "FILE" : "FILE...|DIR");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;

  const bool use_mpi = args.count("mpi") > 0;
#ifdef COMMSIM_WITH_MPI
  std::unique_ptr<sim::batch::MpiSession> mpi;
  if (use_mpi) mpi = std::make_unique<sim::batch::MpiSession>(nullptr, nullptr);
  const bool root = !mpi || mpi->rank() == 0;
#else
  if (use_mpi)
    throw sim::InputError("--mpi: this commsim was built without MPI (COMMSIM_WITH_MPI=OFF)");
  const bool root = true;
#endif

  sim::batch::RunPlan plan;
  std::optional<sim::batch::Shard> shard;
  fs::path out;
  try {
    if (!args.count("files"))
      throw sim::InputError(std::string("no scenario file given (") + name + " " +
                            (mode == BatchMode::sweep ? "FILE" : "FILE...|DIR") + " --out DIR)");
    if (!args.count("out")) throw sim::InputError("no output folder given: add --out DIR");
    if (args.count("resume") && args.count("overwrite"))
      throw sim::InputError("--resume and --overwrite contradict each other: pick one");
    if (args.count("shard") && use_mpi)
      throw sim::InputError("--shard and --mpi: use one (a Slurm job array, or one MPI job)");
    if (args.count("shard")) shard = sim::batch::parse_shard(args["shard"].as<std::string>());
    if (args.count("jobs") && args["jobs"].as<int>() < 1)
      throw sim::InputError("--jobs " + std::to_string(args["jobs"].as<int>()) +
                            ": must be at least 1");
    auto files = expand_scenario_paths(args["files"].as<std::vector<std::string>>());
    if (mode == BatchMode::sweep && files.size() != 1)
      throw sim::InputError("commsim sweep takes one scenario file (commsim batch takes several)");
    sim::batch::PlanOptions po;
    if (args.count("set")) po.overrides = args["set"].as<std::vector<std::string>>();
    if (args.count("seed")) po.seed = args["seed"].as<std::uint64_t>();
    if (args.count("replicates")) po.replicates = args["replicates"].as<int>();
    plan = sim::batch::plan_runs(files, models::all_params(), po);
    report_plan_warnings(plan);
    if (mode == BatchMode::sweep && !plan.sources[0].sweep)
      throw sim::InputError(
          files[0] + ": no [sweep] section (commsim batch runs a file's arms and replicates)");
    out = args["out"].as<std::string>();
    if (fs::exists(out) && !fs::is_directory(out))
      throw sim::InputError("--out '" + out.string() + "' exists and is not a folder");
  } catch (...) {
#ifdef COMMSIM_WITH_MPI
    // Every rank checks the same input and fails alike; rank 0 says why, and no rank exits
    // before it has (mpirun ends the whole job when the first rank exits with an error).
    if (mpi) {
      const int code = report_error(command, root);
      std::fflush(stderr);
      mpi->barrier();
      return code;
    }
#endif
    throw;
  }
  auto threads = limit_threads(args);
  install_interrupt_handlers();

  std::vector<std::size_t> selected = shard ? sim::batch::shard_positions(*shard, plan.runs.size())
                                            : sim::batch::shard_positions({0, 1}, plan.runs.size());
  if (args.count("dry-run")) {
    if (root) print_plan(plan, selected, shard ? " in this shard" : "");
    return 0;
  }

  // Rank 0 takes the folder, checks what is on disk and writes the run list; every rank
  // learns whether that worked before any run starts.
  sim::FolderLock lock;
  bool read_only = false;
  std::exception_ptr refused;
  if (root) {
    try {
      read_only = prepare_folder(out, plan, selected, args, name.c_str(), shard, lock);
    } catch (...) {
      refused = std::current_exception();
    }
  }
#ifdef COMMSIM_WITH_MPI
  if (mpi) {
    int code = 0;
    if (refused) try {
        std::rethrow_exception(refused);
      } catch (...) {
        code = report_error(command);
      }
    std::fflush(stderr);
    if ((code = mpi->broadcast(code)) != 0) return code;
  }
#endif
  if (refused) std::rethrow_exception(refused);

  sim::batch::BatchOptions bo;
  bo.out_dir = out;
  bo.resume = args.count("resume") > 0;
  bo.fail_fast = args.count("fail-fast") > 0;
  bo.quiet = args.count("quiet") > 0;
  if (args.count("jobs")) bo.jobs = static_cast<std::size_t>(args["jobs"].as<int>());
  bo.label = mode == BatchMode::sweep ? "sweep" : "batch";
  if (shard)
    bo.label += " shard " + std::to_string(shard->index) + "/" + std::to_string(shard->count);
  bo.stop = &stop_requested();

  sim::batch::BatchSummary summary;
#ifdef COMMSIM_WITH_MPI
  if (mpi) {
    // A dead rank takes the whole job down within a second: see index_on_stop.hpp.
    std::unique_ptr<IndexOnStop> index_on_stop;
    if (root && !shard && !read_only)
      index_on_stop = std::make_unique<IndexOnStop>(stop_requested(), out);
    summary = sim::batch::run_mpi(*mpi, plan, selected, models::make_model, bo);
  } else
#endif
    summary = sim::batch::run_local(plan, selected, models::make_model, bo);
  if (!root) return summary.interrupted ? 130 : summary.failed ? 4 : 0;
  if (read_only) {
    std::fprintf(stderr,
                 "%s: every run is complete; '%s' is read-only, so its index is left as it is\n",
                 bo.label.c_str(), out.c_str());
    return 0;
  }

  if (args.count("bench")) {
    std::printf("runs              %zu\n",
                summary.complete + summary.failed + summary.partial - summary.reused);
    std::printf("jobs              %zu\n", bo.jobs ? bo.jobs : sim::batch::default_jobs());
    std::printf("runs_per_s        %.4g\n", summary.runs_per_second);
  }
  if (shard) {
    if (!bo.quiet)
      std::fprintf(stderr,
                   "%s: done; when every shard is done, `commsim index %s` writes the index\n",
                   bo.label.c_str(), out.c_str());
  } else {
    auto counts = sim::batch::build_index(out);
    if (!bo.quiet) print_index_counts(stderr, out / sim::batch::index_file_name, counts, 10);
  }
  if (summary.interrupted) {
    std::fprintf(stderr, "%s: interrupted; rerun with --resume to finish\n", bo.label.c_str());
    return 130;
  }
  if (summary.aborted) {
    std::fprintf(stderr, "%s: stopped at the first failure (--fail-fast): %s\n", bo.label.c_str(),
                 summary.first_error.c_str());
    return 4;
  }
  return summary.failed ? 4 : 0;
}

int batch_main(int argc, char** argv) {
  return run_batch_command(argc, argv, BatchMode::batch);
}

}  // namespace cli
