#pragma once
// Progress on stderr: a bar with ETA on a terminal, plain lines every ~10% (or 30 s)
// otherwise (logs, Slurm output files), nothing when quiet.
#include <chrono>
#include <cstdint>
#include <string>

namespace sim {

class Progress {
 public:
  Progress(std::string label, std::uint64_t total, bool quiet);
  void update(std::uint64_t done);
  void finish(const std::string& closing = "");

 private:
  std::string label_;
  std::uint64_t total_;
  bool quiet_, tty_;
  std::chrono::steady_clock::time_point start_, last_print_;
  int last_decile_ = -1;
};

}  // namespace sim
