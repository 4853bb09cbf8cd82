#include "sim/batch/mpi_executor.hpp"

#include <mpi.h>

#include <array>
#include <stdexcept>
#include <thread>

#include "sim/batch/batch_progress.hpp"
#include "sim/batch/run_slots.hpp"

namespace sim::batch {
namespace {

enum Tag : int { request = 1, assign = 2, finished_run = 3, rank_done = 4 };

// A finished run as sent to rank 0: position, status, reused.
using Report = std::array<std::int64_t, 3>;

RunResult from_report(const Report& r) {
  RunResult out;
  out.status = static_cast<RunStatus>(r[1]);
  out.reused = r[2] != 0;
  return out;
}

}  // namespace

MpiSession::MpiSession(int* argc, char*** argv) {
  int provided = 0;
  if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw std::runtime_error("MPI_Init_thread failed");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  MPI_Finalize();
}

void MpiSession::barrier() const {
  MPI_Barrier(MPI_COMM_WORLD);
}

int MpiSession::broadcast(int value) const {
  MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return value;
}

BatchSummary run_mpi(const MpiSession& mpi, const RunPlan& plan,
                     const std::vector<std::size_t>& runs, const ModelFactory& factory,
                     const BatchOptions& options) {
  BatchSummary summary;
  std::atomic<bool> halt{false};
  // --resume is settled before any run thread exists (see runs_done): each rank checks its
  // share of the runs, all learn the result, and rank 0 hands out only the runs not done.
  RunControl control{options.out_dir, false, &halt};
  const bool root = mpi.rank() == 0;
  summary.selected = root ? runs.size() : 0;
  BatchProgress progress(options.label, runs.size(), options.quiet || !root, mpi.size());
  std::vector<unsigned char> done(runs.size(), 0);
  if (options.resume) {
    std::vector<std::size_t> mine;
    for (std::size_t i = static_cast<std::size_t>(mpi.rank()); i < runs.size();
         i += static_cast<std::size_t>(mpi.size()))
      mine.push_back(runs[i]);
    const std::vector<char> mine_done = runs_done(plan, mine, options.out_dir);
    for (std::size_t k = 0; k < mine.size(); ++k)
      done[static_cast<std::size_t>(mpi.rank()) + k * static_cast<std::size_t>(mpi.size())] =
          static_cast<unsigned char>(mine_done[k]);
    MPI_Allreduce(MPI_IN_PLACE, done.data(), static_cast<int>(done.size()), MPI_UNSIGNED_CHAR,
                  MPI_MAX, MPI_COMM_WORLD);
  }
  std::size_t next = 0;  // rank 0: the next position to hand out
  // Rank 0: the next run to hand out (-1: none left); runs found done are counted on the way.
  auto next_position = [&]() -> std::int64_t {
    while (next < runs.size() && done[next]) {
      RunResult reused;
      reused.status = RunStatus::complete;
      reused.reused = true;
      summary.add(plan, runs[next++], reused);
      progress.record(reused, 0);
    }
    return next < runs.size() ? static_cast<std::int64_t>(runs[next++]) : -1;
  };
  {
    RunSlots slots(plan, factory, control, options.jobs ? options.jobs : default_jobs());
    bool exhausted = false;  // no more runs for this rank
    int ranks_done = 0;      // rank 0: other ranks that have finished
    auto check_stop = [&] {
      if (options.stop && options.stop->load() && !halt.load()) {
        halt = true;
        summary.interrupted = true;
      }
    };
    while (true) {
      check_stop();
      bool busy = false;
      // Fill free slots.
      while (!exhausted && slots.has_room()) {
        if (halt.load()) {
          exhausted = true;
          break;
        }
        std::int64_t position = -1;
        if (root) {
          position = next_position();
        } else {
          int me = mpi.rank();
          MPI_Send(&me, 1, MPI_INT, 0, request, MPI_COMM_WORLD);
          MPI_Recv(&position, 1, MPI_INT64_T, 0, assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        if (position < 0)
          exhausted = true;
        else
          slots.launch(static_cast<std::size_t>(position)), busy = true;
      }
      // Rank 0 answers the other ranks.
      if (root) {
        int pending = 1;
        while (pending) {
          MPI_Status st;
          MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &pending, &st);
          if (!pending) break;
          busy = true;
          if (st.MPI_TAG == request) {
            int who = 0;
            MPI_Recv(&who, 1, MPI_INT, st.MPI_SOURCE, request, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            std::int64_t position = -1;
            if (!halt.load()) position = next_position();
            MPI_Send(&position, 1, MPI_INT64_T, st.MPI_SOURCE, assign, MPI_COMM_WORLD);
          } else if (st.MPI_TAG == finished_run) {
            Report rep{};
            MPI_Recv(rep.data(), 3, MPI_INT64_T, st.MPI_SOURCE, finished_run, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
            RunResult r = from_report(rep);
            if (r.status == RunStatus::failed) {
              r.error = "on rank " + std::to_string(st.MPI_SOURCE) + " (see the index)";
              if (options.fail_fast && !halt.load()) halt = true, summary.aborted = true;
            }
            summary.add(plan, static_cast<std::size_t>(rep[0]), r);
            progress.record(r, st.MPI_SOURCE);
          } else if (st.MPI_TAG == rank_done) {
            int who = 0;
            MPI_Recv(&who, 1, MPI_INT, st.MPI_SOURCE, rank_done, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            ++ranks_done;
          }
        }
      }
      // Collect this rank's finished runs.
      for (auto& [run, result] : slots.collect(std::chrono::milliseconds(busy ? 0 : 2))) {
        if (root) {
          if (result.status == RunStatus::failed && options.fail_fast && !halt.load())
            halt = true, summary.aborted = true;
          summary.add(plan, run, result);
          progress.record(result, 0);
        } else {
          Report rep{static_cast<std::int64_t>(run), static_cast<std::int64_t>(result.status),
                     result.reused ? 1 : 0};
          MPI_Send(rep.data(), 3, MPI_INT64_T, 0, finished_run, MPI_COMM_WORLD);
          summary.add(plan, run, result);
        }
      }
      if (exhausted && slots.in_flight() == 0) {
        if (!root) {
          int me = mpi.rank();
          MPI_Send(&me, 1, MPI_INT, 0, rank_done, MPI_COMM_WORLD);
          break;
        }
        if (ranks_done == mpi.size() - 1) break;
      }
      if (!busy && slots.in_flight() == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  if (root) summary.not_started = runs.size() - next;
  summary.runs_per_second = progress.runs_per_second();
  if (root) progress.finish();
  // Everyone agrees whether the batch was stopped, then waits for the others.
  int flags[2] = {summary.interrupted ? 1 : 0, summary.aborted ? 1 : 0}, all[2] = {0, 0};
  MPI_Allreduce(flags, all, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  summary.interrupted = all[0] != 0;
  summary.aborted = all[1] != 0;
  return summary;
}

}  // namespace sim::batch
