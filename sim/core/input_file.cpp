#include "sim/core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sim/core/input_error.hpp"

namespace sim {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

// Opens `path` for reading without blocking (a FIFO would wait for a writer) and checks,
// on the open descriptor, that it is a regular file. Returns the descriptor.
int open_regular(const std::filesystem::path& path, const std::string& what, struct stat& st) {
  auto fail = [&](const std::string& fault) -> int {
    throw InputError(what + " '" + path.string() + "': " + fault);
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return fail("no such file");
    if (err == EISDIR) return fail("is a folder, not a file");
    return fail(std::string("cannot be read (") + std::strerror(err) + ")");
  }
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(kind_of(st.st_mode));
  }
  // Regular files never block; clear the flag so reads behave as usual.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

}  // namespace

void check_input_file(const std::filesystem::path& path, const std::string& what) {
  struct stat st {};
  ::close(open_regular(path, what, st));
}

std::string read_input_file(const std::filesystem::path& path, const std::string& what,
                            std::size_t max_bytes) {
  struct stat st {};
  const int fd = open_regular(path, what, st);
  auto fail = [&](const std::string& fault) {
    ::close(fd);
    throw InputError(what + " '" + path.string() + "': " + fault);
  };
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
    fail("is " + std::to_string(st.st_size) + " bytes; a " + what + " holds at most " +
         std::to_string(max_bytes) + " (is it the file you meant?)");
  std::string text;
  char buf[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::string("cannot be read (") + std::strerror(errno) + ")");
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > max_bytes)  // it grew while we read (a log being written?)
      fail("grew past " + std::to_string(max_bytes) + " bytes while it was read");
  }
  ::close(fd);
  return text;
}

}  // namespace sim
