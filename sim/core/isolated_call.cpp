#include "sim/core/isolated_call.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace sim {
namespace {

void write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// "30", "0.5": the time limit as people write it.
std::string wall_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

IsolatedResult run_isolated(const std::function<std::string()>& work, double timeout_seconds) {
  IsolatedResult result;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    result.text = std::string("cannot start a child process (") + std::strerror(errno) + ")";
    return result;
  }
  const pid_t pid = ::fork();
  result.started = pid >= 0;
  if (pid < 0) {
    result.text = std::string("cannot start a child process (") + std::strerror(errno) + ")";
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return result;
  }
  if (pid == 0) {
    ::close(pipe_fds[0]);
    // A crash here is an answer, not an event: die at once, without the crash reports of a
    // sanitizer or fuzzer the parent may run under (their reports of our own errors, which
    // do not come through these signals, still appear).
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) ::signal(sig, SIG_DFL);
    int code = 0;
    try {
      // The result, capped so that the pipe never fills while the parent waits.
      write_all(pipe_fds[1], work().substr(0, 65536));
    } catch (...) {
      code = 2;
    }
    ::_exit(code);  // no atexit handlers, no destructors of the parent's objects
  }
  ::close(pipe_fds[1]);
  // The child's end of the pipe closes when it exits, however it exits: wait for that (or
  // the deadline) on the pipe, collecting what it writes.
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(timeout_seconds > 0 ? timeout_seconds : 1);
  bool ended = false;
  char buf[4096];
  while (!ended) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{pipe_fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n > 0)
      result.text.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR)
      ended = true;
  }
  ::close(pipe_fds[0]);
  int status = 0;
  if (!ended) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    result.text = "did not finish within " + wall_seconds(timeout_seconds) + " s (killed)";
    return result;
  }
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    result.finished = true;
  } else if (WIFSIGNALED(status)) {
    result.text = std::string("crashed (") + strsignal(WTERMSIG(status)) + ")";
  } else {
    result.text = "failed (exit code " + std::to_string(WEXITSTATUS(status)) + ")";
  }
  return result;
}

}  // namespace sim
