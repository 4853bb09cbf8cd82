#pragma once
// The subcommands of `commsim`. Each lives in its own cmd_<name>.cpp.
namespace cli {

struct Command {
  const char* name;
  const char* summary;
  int (*main)(int argc, char** argv);  // argv[0] is "commsim <name>"
};

int run_main(int argc, char** argv);
int params_main(int argc, char** argv);
int metrics_main(int argc, char** argv);
int bench_main(int argc, char** argv);
int inspect_main(int argc, char** argv);
int diagnose_main(int argc, char** argv);
int batch_main(int argc, char** argv);
int sweep_main(int argc, char** argv);
int index_main(int argc, char** argv);
int slurm_main(int argc, char** argv);
int compare_main(int argc, char** argv);

}  // namespace cli
