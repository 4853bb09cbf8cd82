#pragma once
// An index even when an MPI job is torn down. When one rank dies, mpirun sends SIGTERM to
// every other rank and SIGKILL a second later (odls_base_sigkill_timeout), too soon for
// rank 0 to wait for its own runs to stop and read every run file. So rank 0, at the first
// stop signal, starts `commsim index DIR --wait 300` in a session of its own, which mpirun's
// kill does not reach; it writes DIR/index.h5 as soon as rank 0 has let go of the folder
// (exited, or been killed). Under srun the whole job step is killed; the index job that
// `commsim slurm` writes runs afterwards in any case.
#include <atomic>
#include <filesystem>
#include <thread>

namespace cli {

class IndexOnStop {
 public:
  IndexOnStop(const std::atomic<bool>& stop, std::filesystem::path dir);
  ~IndexOnStop();
  IndexOnStop(const IndexOnStop&) = delete;
  IndexOnStop& operator=(const IndexOnStop&) = delete;

 private:
  const std::atomic<bool>& stop_;
  std::filesystem::path dir_;
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

}  // namespace cli
