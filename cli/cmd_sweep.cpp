// commsim sweep FILE --out DIR [--resume] [--fail-fast] [--shard I/N | --mpi] ...
// One scenario file with a [sweep] section: its design × arms × replicates.
#include "cli/batch_command.hpp"
#include "cli/commands.hpp"

namespace cli {

int sweep_main(int argc, char** argv) {
  return run_batch_command(argc, argv, BatchMode::sweep);
}

}  // namespace cli
