// commsim slurm FILE...|DIR --out DIR [--tasks N] [--cpus-per-task C] [--time T]
//              [--mode array|mpi] [--partition P] [--account A] [--mem M] [--job-name J]
// Checks the plan, then writes ready Slurm scripts into DIR:
//   commsim-sweep.sbatch  a job array of N tasks, each `commsim sweep ... --shard I/N`
//                         (mode array), or one job of N MPI tasks via srun (mode mpi)
//   commsim-index.sbatch  the follow-up `commsim index DIR`
//   submit.sh             submits both, the second after the first (afterany)
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/batch_command.hpp"
#include "cli/cli_common.hpp"
#include "cli/commands.hpp"
#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"

namespace cli {
namespace fs = std::filesystem;
namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string self_path() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("commsim") : p.string();
}

void write_script(const fs::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::trunc);
  f << text;
  if (!f) throw sim::OutputError("cannot write '" + path.string() + "'");
  f.close();
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add);
}

bool valid_time(const std::string& t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '-')) return false;
  return true;
}

}  // namespace

int slurm_main(int argc, char** argv) {
  cxxopts::Options options("commsim slurm",
                           "Write Slurm scripts that run a sweep or batch on a cluster.");
  options.add_options()("files", "scenario files or folders",
                        cxxopts::value<std::vector<std::string>>())(
      "o,out", "output folder of the runs (the scripts go there too)",
      cxxopts::value<std::string>())(
      "tasks", "array tasks (mode array) or MPI ranks (mode mpi); default: min(runs, 16)",
      cxxopts::value<int>())("cpus-per-task", "cores per task (each runs that many threads)",
                             cxxopts::value<int>()->default_value("1"))(
      "time", "time limit per task, as sbatch --time (e.g. 2:00:00)",
      cxxopts::value<std::string>()->default_value("1:00:00"))(
      "mode", "array (a job array of shards) or mpi (one MPI job via srun)",
      cxxopts::value<std::string>()->default_value("array"))("partition", "sbatch --partition",
                                                             cxxopts::value<std::string>())(
      "account", "sbatch --account", cxxopts::value<std::string>())(
      "mem", "sbatch --mem (per node), e.g. 4G", cxxopts::value<std::string>())(
      "job-name", "sbatch --job-name", cxxopts::value<std::string>()->default_value("commsim"))(
      "srun-mpi", "srun --mpi plugin for mode mpi",
      cxxopts::value<std::string>()->default_value("pmix"))(
      "replicates", "runs per arm and point (overrides [replicates] count)", cxxopts::value<int>())(
      "seed", "base seed (overrides run.seed)", cxxopts::value<std::uint64_t>())(
      "set", "override a parameter: section.key=value (repeatable)",
      cxxopts::value<std::vector<std::string>>())("h,help", "show this help");
  options.parse_positional({"files"});
  options.positional_help("FILE...|DIR");
  auto args = parse_command_line(options, argc, argv);
  if (wants_help(options, args)) return 0;
  if (!args.count("files"))
    throw sim::InputError("no scenario file given (commsim slurm FILE --out DIR)");
  if (!args.count("out")) throw sim::InputError("no output folder given: add --out DIR");
  const std::string mode = args["mode"].as<std::string>();
  if (mode != "array" && mode != "mpi")
    throw sim::InputError("--mode '" + mode + "': expects array or mpi");
  const int cpus = args["cpus-per-task"].as<int>();
  if (cpus < 1)
    throw sim::InputError("--cpus-per-task " + std::to_string(cpus) + ": must be at least 1");
  const std::string time = args["time"].as<std::string>();
  if (!valid_time(time))
    throw sim::InputError("--time '" + time +
                          "': expects a Slurm time such as 30:00 or 1-12:00:00");

  // Check everything now, not on the cluster.
  std::vector<std::string> files;
  for (const auto& f : expand_scenario_paths(args["files"].as<std::vector<std::string>>()))
    files.push_back(fs::absolute(f).lexically_normal().string());
  sim::batch::PlanOptions po;
  std::string pass;  // options handed on to the runs
  if (args.count("set"))
    for (const auto& s : args["set"].as<std::vector<std::string>>()) {
      po.overrides.push_back(s);
      pass += " --set " + quote(s);
    }
  if (args.count("seed")) {
    po.seed = args["seed"].as<std::uint64_t>();
    pass += " --seed " + std::to_string(*po.seed);
  }
  if (args.count("replicates")) {
    po.replicates = args["replicates"].as<int>();
    pass += " --replicates " + std::to_string(*po.replicates);
  }
  auto plan = sim::batch::plan_runs(files, models::all_params(), po);
  report_plan_warnings(plan);
  const std::size_t runs = plan.runs.size();
  int tasks = args.count("tasks") ? args["tasks"].as<int>()
                                  : static_cast<int>(std::min<std::size_t>(runs, 16));
  if (tasks < 1) throw sim::InputError("--tasks " + std::to_string(tasks) + ": must be at least 1");
  if (static_cast<std::size_t>(tasks) > runs && mode == "array") tasks = static_cast<int>(runs);

  const fs::path out = fs::absolute(args["out"].as<std::string>()).lexically_normal();
  fs::create_directories(out / "logs");
  const std::string exe = quote(self_path());
  const bool one_sweep = files.size() == 1 && plan.sources[0].sweep;
  std::string command = exe + (one_sweep ? " sweep" : " batch");
  for (const auto& f : files) command += " " + quote(f);
  command += " --out " + quote(out.string()) + pass + " --resume --threads " + std::to_string(cpus);

  std::string header =
      "#!/bin/bash\n# Written by `commsim slurm`: " + std::to_string(runs) + " runs of";
  for (const auto& f : files) header += " " + f;
  header += "\n#SBATCH --job-name=" + args["job-name"].as<std::string>() +
            "\n#SBATCH --time=" + time + "\n";
  if (args.count("partition"))
    header += "#SBATCH --partition=" + args["partition"].as<std::string>() + "\n";
  if (args.count("account"))
    header += "#SBATCH --account=" + args["account"].as<std::string>() + "\n";
  if (args.count("mem")) header += "#SBATCH --mem=" + args["mem"].as<std::string>() + "\n";

  std::string sweep = header;
  if (mode == "array") {
    sweep += "#SBATCH --array=0-" + std::to_string(tasks - 1) +
             "\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=" + std::to_string(cpus) +
             "\n#SBATCH --output=" + (out / "logs" / "sweep-%A_%a.out").string() +
             "\nset -euo pipefail\n# Each array task runs every " + std::to_string(tasks) +
             "th run of the plan; --resume makes a requeued task skip what is done.\n" + command +
             " --shard \"${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT:-" +
             std::to_string(tasks) + "}\"\n";
  } else {
    sweep += "#SBATCH --ntasks=" + std::to_string(tasks) +
             "\n#SBATCH --cpus-per-task=" + std::to_string(cpus) +
             "\n#SBATCH --output=" + (out / "logs" / "sweep-%j.out").string() +
             "\nset -uo pipefail\n# One MPI job: rank 0 hands out runs as ranks free up and writes "
             "the index.\n"
             "srun --mpi=" +
             args["srun-mpi"].as<std::string>() + " " + command + " --mpi\nstatus=$?\n" + exe +
             " index " + quote(out.string()) + "\nexit $status\n";
  }
  std::string index = header + "#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n#SBATCH --output=" +
                      (out / "logs" / "index-%j.out").string() + "\nset -euo pipefail\n" + exe +
                      " index " + quote(out.string()) + "\n";
  std::string submit =
      "#!/bin/bash\n# Submits the sweep, then the index job once the sweep has ended (whatever its "
      "outcome).\n"
      "set -euo pipefail\ncd " +
      quote(out.string()) +
      "\n"
      "sweep=$(sbatch --parsable commsim-sweep.sbatch)\n"
      "index=$(sbatch --parsable --dependency=afterany:${sweep%%;*} commsim-index.sbatch)\n"
      "echo \"submitted sweep job $sweep and index job $index\"\n";
  write_script(out / "commsim-sweep.sbatch", sweep);
  write_script(out / "commsim-index.sbatch", index);
  write_script(out / "submit.sh", submit);
  std::printf("%zu runs in %d %s; wrote\n  %s\n  %s\n  %s\nsubmit with: bash %s\n", runs, tasks,
              mode == "array" ? "array tasks" : "MPI ranks", (out / "commsim-sweep.sbatch").c_str(),
              (out / "commsim-index.sbatch").c_str(), (out / "submit.sh").c_str(),
              (out / "submit.sh").c_str());
  return 0;
}

}  // namespace cli
