#include "sim/output/output_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace sim {
namespace {

namespace fs = std::filesystem;

std::string system_error(int err) {
  return std::strerror(err);
}

// "commsim sweep on host node12, pid 4242, since 2026-12-02 10:11:12 UTC"
std::string holder_line(const std::string& purpose) {
  char host[256] = "unknown";
  gethostname(host, sizeof host - 1);
  char since[64] = "";
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return purpose + " on host " + host + ", pid " + std::to_string(getpid()) + ", since " + since;
}

std::string read_all(int fd) {
  std::string text;
  char buf[512];
  for (off_t at = 0;;) {
    ssize_t n = pread(fd, buf, sizeof buf, at);
    if (n <= 0 || text.size() > 4096) break;
    text.append(buf, static_cast<std::size_t>(n));
    at += n;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text;
}

// Sets (or, with F_UNLCK, tests) a whole-file lock without waiting. Open file description
// locks belong to the open file, not the process, so two opens in one process conflict as
// two processes would; kernels before 3.15 lack them and get classic POSIX locks.
int set_lock(int fd, short type, bool test = false) {
  struct flock fl {};
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  int rc = fcntl(fd, test ? F_OFD_GETLK : F_OFD_SETLK, &fl);
  if (rc < 0 && errno == EINVAL) rc = fcntl(fd, test ? F_GETLK : F_SETLK, &fl);
  if (rc == 0 && test) return fl.l_type == F_UNLCK ? 0 : 1;
  return rc;
}

bool no_locks_here(int err) {
  return err == ENOLCK || err == ENOSYS || err == EOPNOTSUPP;
}

}  // namespace

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    writes_holder_ = other.writes_holder_;
    writable_ = other.writable_;
    note_ = std::move(other.note_);
  }
  return *this;
}

OutputLock::~OutputLock() {
  release();
}

void OutputLock::release() {
  if (fd_ < 0) return;
  // The last holder removes the lock file. It may do so only while it holds the lock
  // exclusively: acquire() checks that the file it locked is still the one at the path,
  // so a process that opened the old file just before the unlink tries again.
  if (writable_ && (writes_holder_ || set_lock(fd_, F_WRLCK) == 0)) ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

OutputLock OutputLock::acquire(const fs::path& lock_file, Mode mode, const std::string& purpose) {
  OutputLock lock;
  lock.path_ = lock_file;
  for (int attempt = 0;; ++attempt) {
    lock.writable_ = true;
    lock.fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock.fd_ < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
      // A read-only folder: nobody can write here, but a reader may still check that no
      // writer is busy (a finished sweep on read-only storage, resumed).
      lock.writable_ = false;
      lock.fd_ = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC);
      if (lock.fd_ < 0 && errno == ENOENT) return lock;
    }
    if (lock.fd_ < 0)
      throw OutputError("cannot open lock file '" + lock_file.string() +
                        "': " + system_error(errno));
    const bool exclusive = mode == Mode::exclusive && lock.writable_;
    if (set_lock(lock.fd_, exclusive ? F_WRLCK : F_RDLCK) != 0) {
      const int err = errno;
      if (no_locks_here(err)) {
        lock.note_ = "cannot lock '" + lock_file.string() + "' (" + system_error(err) +
                     "): this file system gives no locks (Lustre without -o flock?), so make "
                     "sure no other commsim writes here";
        return lock;
      }
      const std::string holder = read_all(lock.fd_);
      ::close(lock.fd_);
      lock.fd_ = -1;
      if (err != EAGAIN && err != EACCES)
        throw OutputError("cannot lock '" + lock_file.string() + "': " + system_error(err));
      throw BusyError("in use by " + (holder.empty() ? std::string("another commsim") : holder) +
                      " (lock file '" + lock_file.string() +
                      "'); wait for it to finish or stop it, then try again");
    }
    // The file locked must still be the one at the path: a holder that was releasing may
    // have removed it between our open and our lock.
    struct stat held {
    }, named{};
    if (::fstat(lock.fd_, &held) == 0 && ::stat(lock_file.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev)
      break;
    ::close(lock.fd_);
    lock.fd_ = -1;
    if (attempt == 100)
      throw OutputError("cannot lock '" + lock_file.string() + "': it keeps being replaced");
  }
  if (mode == Mode::exclusive && lock.writable_) {
    // A holder line left in an unlocked file is that of a process that ended without
    // releasing its lock (killed, or its machine died): say so, then take over.
    const std::string previous = read_all(lock.fd_);
    if (!previous.empty())
      lock.note_ = "took over the lock of " + previous + ", which ended without releasing it";
    const std::string line = holder_line(purpose) + "\n";
    if (::ftruncate(lock.fd_, 0) != 0 ||
        ::pwrite(lock.fd_, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size()))
      throw OutputError("cannot write lock file '" + lock_file.string() +
                        "': " + system_error(errno));
    lock.writes_holder_ = true;
  }
  return lock;
}

std::string FolderLock::note() const {
  std::string a = folder.note(), b = shard.note();
  return a.empty() ? b : b.empty() ? a : a + "; " + b;
}

FolderLock lock_output_folder(const fs::path& dir, const std::string& purpose,
                              std::optional<std::pair<std::size_t, std::size_t>> shard) {
  const fs::path folder_file = dir / ".commsim.lock";
  const std::string what = "output folder '" + dir.string() + "': ";
  FolderLock lock;
  try {
    lock.folder = OutputLock::acquire(
        folder_file, shard ? OutputLock::Mode::shared : OutputLock::Mode::exclusive, purpose);
    if (shard) {
      const std::string name = ".commsim.shard-" + std::to_string(shard->first) + "-of-" +
                               std::to_string(shard->second) + ".lock";
      lock.shard = OutputLock::acquire(dir / name, OutputLock::Mode::exclusive,
                                       purpose + " (shard " + std::to_string(shard->first) + "/" +
                                           std::to_string(shard->second) + ")");
    }
  } catch (const BusyError& e) {
    // Shards share the folder lock and name themselves in their own lock files.
    std::string holders;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(".commsim.shard-", 0) != 0) continue;
      int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      if (set_lock(fd, F_WRLCK, true) == 1) holders += "\n  " + read_all(fd);
      ::close(fd);
    }
    throw BusyError(what + e.what() + (holders.empty() ? "" : "; running shards:" + holders));
  } catch (const OutputError& e) {
    throw OutputError(what + e.what());
  }
  return lock;
}

OutputLock lock_run_file(const fs::path& file, const std::string& purpose) {
  fs::path lock_file = file;
  lock_file += ".lock";
  try {
    return OutputLock::acquire(lock_file, OutputLock::Mode::exclusive, purpose);
  } catch (const BusyError& e) {
    throw BusyError("run file '" + file.string() + "': " + e.what());
  }
}

}  // namespace sim
