#include "sim/batch/batch_progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "sim/core/wall_clock_text.hpp"

namespace sim::batch {

BatchProgress::BatchProgress(std::string label, std::size_t total, bool quiet, int ranks)
    : label_(std::move(label)),
      total_(total),
      quiet_(quiet),
      tty_(isatty(fileno(stderr)) != 0),
      ranks_(static_cast<std::size_t>(ranks > 0 ? ranks : 1)),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

void BatchProgress::record(const RunResult& r, int rank) {
  std::lock_guard lock(mutex_);
  ++done_;
  if (r.status == RunStatus::failed) ++failed_;
  if (r.status == RunStatus::partial) ++partial_;
  if (r.reused) ++reused_;
  if (rank >= 0 && static_cast<std::size_t>(rank) < ranks_.size()) {
    ++ranks_[rank].done;
    if (r.status == RunStatus::failed) ++ranks_[rank].failed;
  }
  print(false);
}

double BatchProgress::runs_per_second() const {
  std::lock_guard lock(mutex_);
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return elapsed > 0 ? static_cast<double>(done_ - reused_ - partial_) / elapsed : 0;
}

void BatchProgress::print(bool final) {
  if (quiet_) return;
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double frac = total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1;
  std::size_t ran = done_ - reused_ - partial_;
  double rate = elapsed > 0 ? static_cast<double>(ran) / elapsed : 0;
  double remaining = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0;
  char tail[160];
  std::snprintf(tail, sizeof tail, "%zu/%zu runs, %zu failed%s, %.2f runs/s, ETA %s", done_, total_,
                failed_, reused_ ? (", " + std::to_string(reused_) + " already done").c_str() : "",
                rate, wall_clock_text(remaining).c_str());
  if (tty_ && !final && ranks_.size() == 1) {
    if (now - last_print_ < std::chrono::milliseconds(100) && done_ < total_) return;
    const int width = 24;
    int filled = static_cast<int>(frac * width);
    std::string bar(filled, '=');
    if (filled < width) bar += '>' + std::string(width - filled - 1, ' ');
    std::fprintf(stderr, "\r%s [%s] %s ", label_.c_str(), bar.c_str(), tail);
  } else if (!final) {
    int decile = static_cast<int>(frac * 10);
    if (decile == last_decile_ && now - last_print_ < std::chrono::seconds(30)) return;
    last_decile_ = decile;
    std::fprintf(stderr, "%s: %3.0f%% %s, elapsed %s\n", label_.c_str(), 100 * frac, tail,
                 wall_clock_text(elapsed).c_str());
    if (ranks_.size() > 1)
      for (std::size_t r = 0; r < ranks_.size(); ++r)
        std::fprintf(stderr, "%s:   rank %zu: %zu runs, %zu failed\n", label_.c_str(), r,
                     ranks_[r].done, ranks_[r].failed);
  }
  std::fflush(stderr);
  last_print_ = now;
}

void BatchProgress::finish() {
  std::lock_guard lock(mutex_);
  if (quiet_) return;
  if (tty_ && ranks_.size() == 1) std::fprintf(stderr, "\n");
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::size_t ran = done_ - reused_ - partial_;
  std::fprintf(stderr,
               "%s: %zu of %zu runs ended (%zu failed, %zu interrupted, %zu already done) in %s; "
               "throughput %.3g runs/s\n",
               label_.c_str(), done_ - partial_, total_, failed_, partial_, reused_,
               wall_clock_text(elapsed).c_str(),
               elapsed > 0 ? static_cast<double>(ran) / elapsed : 0.0);
  if (ranks_.size() > 1)
    for (std::size_t r = 0; r < ranks_.size(); ++r)
      std::fprintf(stderr, "%s:   rank %zu: %zu runs, %zu failed\n", label_.c_str(), r,
                   ranks_[r].done, ranks_[r].failed);
  std::fflush(stderr);
}

}  // namespace sim::batch
