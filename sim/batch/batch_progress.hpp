#pragma once
// Progress of a batch on stderr: runs done/total, failures, runs/s and ETA. A bar on a
// terminal; plain lines every 10% (or 30 s) otherwise, with one line per MPI rank when
// there are several. Thread-safe; nothing when quiet.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "sim/batch/run_one.hpp"

namespace sim::batch {

class BatchProgress {
 public:
  BatchProgress(std::string label, std::size_t total, bool quiet, int ranks = 1);
  void record(const RunResult& result, int rank = 0);
  void finish();                   // final line: counts, elapsed, runs/s
  double runs_per_second() const;  // runs actually run (not reused) per second of wall time

 private:
  void print(bool final);
  struct PerRank {
    std::size_t done = 0, failed = 0;
  };
  std::string label_;
  std::size_t total_, done_ = 0, failed_ = 0, partial_ = 0, reused_ = 0;
  bool quiet_, tty_;
  std::vector<PerRank> ranks_;
  std::chrono::steady_clock::time_point start_, last_print_;
  int last_decile_ = -1;
  mutable std::mutex mutex_;
};

}  // namespace sim::batch
