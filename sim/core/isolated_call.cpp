#include "sim/core/isolated_call.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

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

}  // namespace

IsolatedResult run_isolated(const std::function<std::string()>& work, double timeout_seconds) {
  IsolatedResult result;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    result.text = std::string("cannot start a child process (") + std::strerror(errno) + ")";
    return result;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.text = std::string("cannot start a child process (") + std::strerror(errno) + ")";
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return result;
  }
  if (pid == 0) {
    ::close(pipe_fds[0]);
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
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(timeout_seconds > 0 ? timeout_seconds : 1);
  int status = 0;
  auto nap = std::chrono::microseconds(200);
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      result.text = std::string("lost its child process (") + std::strerror(errno) + ")";
      ::close(pipe_fds[0]);
      return result;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ::close(pipe_fds[0]);
      result.text = "did not finish within " + std::to_string(static_cast<long>(timeout_seconds)) +
                    " s (killed)";
      return result;
    }
    std::this_thread::sleep_for(nap);
    nap = std::min(nap * 2, std::chrono::microseconds(20000));
  }
  char buf[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    result.text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
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
