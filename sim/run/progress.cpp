#include "sim/run/progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "sim/core/wall_clock_text.hpp"

namespace sim {

Progress::Progress(std::string label, std::uint64_t total, bool quiet)
    : label_(std::move(label)),
      total_(total ? total : 1),
      quiet_(quiet),
      tty_(isatty(fileno(stderr)) != 0),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

void Progress::update(std::uint64_t done) {
  if (quiet_) return;
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double frac = static_cast<double>(done) / total_;
  double remaining = done ? elapsed * (1 - frac) / frac : 0;
  if (tty_) {
    if (now - last_print_ < std::chrono::milliseconds(100) && done < total_) return;
    const int width = 30;
    int filled = static_cast<int>(frac * width);
    std::string bar(filled, '=');
    if (filled < width) bar += '>' + std::string(width - filled - 1, ' ');
    std::fprintf(stderr, "\r%s [%s] %3.0f%% %llu/%llu ETA %s ", label_.c_str(), bar.c_str(),
                 100 * frac, static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total_), wall_clock_text(remaining).c_str());
  } else {
    int decile = static_cast<int>(frac * 10);
    if (decile == last_decile_ && now - last_print_ < std::chrono::seconds(30)) return;
    last_decile_ = decile;
    std::fprintf(stderr, "%s: %3.0f%% (%llu/%llu), elapsed %s, ETA %s\n", label_.c_str(),
                 100 * frac, static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total_), wall_clock_text(elapsed).c_str(),
                 wall_clock_text(remaining).c_str());
  }
  std::fflush(stderr);
  last_print_ = now;
}

void Progress::finish(const std::string& closing) {
  if (quiet_) return;
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (tty_) std::fprintf(stderr, "\n");
  std::fprintf(stderr, "%s: done in %s%s%s\n", label_.c_str(), wall_clock_text(elapsed).c_str(),
               closing.empty() ? "" : ", ", closing.c_str());
}

}  // namespace sim
