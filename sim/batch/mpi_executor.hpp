#pragma once
// A plan's runs spread over MPI ranks with dynamic load balancing: rank 0 hands out run
// positions one at a time, in plan order, to whichever rank has a free slot (rank 0 runs
// runs too; its main thread does all of its MPI calls, so MPI_THREAD_FUNNELED suffices).
// Each rank writes its own run files into the shared output folder; ranks report finished
// runs to rank 0, which prints progress (one line per rank) and, after a barrier, may
// write the index. A run is a pure function of (scenario, seed), so results are
// bit-identical to a single-machine batch whatever the number of ranks.
#include "sim/batch/local_executor.hpp"

namespace sim::batch {

// MPI_Init_thread / MPI_Finalize for the life of the object.
class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  void barrier() const;
  // Rank 0's value, on every rank (to agree on going on after a check, or on an exit code).
  int broadcast(int value) const;

 private:
  int rank_ = 0, size_ = 1;
};

// Runs `runs` (positions in `plan`) over all ranks. Every rank returns; the summary on
// rank 0 covers all ranks, elsewhere only the rank's own runs. Ends with a barrier.
BatchSummary run_mpi(const MpiSession& mpi, const RunPlan& plan,
                     const std::vector<std::size_t>& runs, const ModelFactory& factory,
                     const BatchOptions& options);

}  // namespace sim::batch
