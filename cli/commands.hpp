#pragma once
// The subcommands of `commsim`. Each lives in its own cmd_<name>.cpp.
namespace cli {

struct Command {
  const char* name;
  const char* summary;
  int (*main)(int argc, char** argv);  // argv[0] is "commsim <name>"
};

// Prints the exception being handled as "commsim <command>: error: ..." and returns the exit
// code for it: 2 bad input, 3 output failed, 75 output busy (another commsim writes there),
// 1 anything else (an internal error). Call from a catch block. With print = false only the
// exit code (MPI ranks other than 0 fail silently: rank 0 speaks for them).
int report_error(const char* command, bool print = true);

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
