#include "cli/index_on_stop.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

extern char** environ;

namespace cli {
namespace {

// Starts `commsim index DIR --wait 300 --quiet` detached: its own session (out of reach of
// signals sent to this process's group), no terminal, none of this process's descriptors
// (mpirun's output pipes would otherwise stay open). Returns its pid, or -1.
pid_t spawn_detached_index(const std::filesystem::path& dir) {
  std::error_code ec;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec) return -1;
  std::vector<std::string> words = {"commsim", "index", dir.string(), "--wait", "300", "--quiet"};
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t files;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  posix_spawn_file_actions_init(&files);
  for (int fd : {0, 1, 2}) posix_spawn_file_actions_addopen(&files, fd, "/dev/null", O_RDWR, 0);
  posix_spawn_file_actions_addclosefrom_np(&files, 3);
  pid_t pid = -1;
  if (posix_spawn(&pid, self.c_str(), &files, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  return pid;
}

}  // namespace

IndexOnStop::IndexOnStop(const std::atomic<bool>& stop, std::filesystem::path dir)
    : stop_(stop), dir_(std::move(dir)) {
  watcher_ = std::thread([this] {
    while (!done_.load()) {
      if (stop_.load()) {
        const pid_t pid = spawn_detached_index(dir_);
        if (pid > 0)
          std::fprintf(stderr,
                       "commsim: stopping; `commsim index %s` (pid %d) writes the index once "
                       "this job has ended\n",
                       dir_.c_str(), static_cast<int>(pid));
        else
          std::fprintf(stderr, "commsim: stopping; run `commsim index %s` to write the index\n",
                       dir_.c_str());
        std::fflush(stderr);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

IndexOnStop::~IndexOnStop() {
  done_ = true;
  if (watcher_.joinable()) watcher_.join();
}

}  // namespace cli
