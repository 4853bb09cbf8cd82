#pragma once
// One writer per output: an advisory lock taken before anything is written into an output
// folder (batch, sweep, compare, index) or to a run file (`commsim run --out`).
//
// The lock is an open-file-description lock (fcntl F_OFD_SETLK; F_SETLK on kernels without
// it) on a small lock file next to the output. The kernel drops such a lock when its holder
// exits, however it exits (kill -9 included), so a dead process never blocks the next one:
// its lock file is found unlocked and taken over, and the holder line it left says whose it
// was. Lock files are removed by the last holder on a normal exit; one left behind by a kill
// is harmless. NFS (v3 through the lock manager, v4 natively), GPFS and Lustre mounted with
// `-o flock` carry these locks between machines; see docs/RELIABILITY.md for the caveats.
// Where the file system gives no locks at all, writing goes ahead with a warning.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "sim/core/input_error.hpp"

namespace sim {

// Another process holds the lock; what() names it (host, pid, command, since when).
class BusyError : public OutputError {
 public:
  using OutputError::OutputError;
};

class OutputLock {
 public:
  enum class Mode {
    exclusive,  // the only writer
    shared,     // one of several that agree to share (the shards of one sweep)
  };

  OutputLock() = default;
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept { *this = std::move(other); }
  OutputLock& operator=(OutputLock&& other) noexcept;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // Locks `lock_file` (created if missing) without waiting. BusyError when another process
  // holds a lock that conflicts. `purpose` goes into the holder line others see
  // ("commsim sweep").
  static OutputLock acquire(const std::filesystem::path& lock_file, Mode mode,
                            const std::string& purpose);

  // Something the user should hear about: a lock taken over from a process that ended
  // without releasing it, or a file system that gives no locks. "" when there is none.
  const std::string& note() const { return note_; }
  // False when the lock file could be neither created nor opened for writing (a read-only
  // folder); a shared read lock was taken if the file existed. Nothing can be written there.
  bool writable() const { return writable_; }

  void release();

 private:
  int fd_ = -1;
  std::filesystem::path path_;
  bool writes_holder_ = false;  // an exclusive holder: its line is in the file
  bool writable_ = true;
  std::string note_;
};

// The lock of an output folder: DIR/.commsim.lock, taken exclusively; or, for shard I of N
// of a Slurm array, shared on DIR/.commsim.lock plus exclusive on
// DIR/.commsim.shard-I-of-N.lock, so that the shards of one sweep run side by side while a
// requeued twin of one, an unsharded writer, or `commsim index` is kept out.
struct FolderLock {
  OutputLock folder, shard;
  std::string note() const;
  bool writable() const { return folder.writable(); }
};
FolderLock lock_output_folder(
    const std::filesystem::path& dir, const std::string& purpose,
    std::optional<std::pair<std::size_t, std::size_t>> shard = std::nullopt);

// The lock of one run file written by `commsim run`: "<file>.lock", exclusive.
OutputLock lock_run_file(const std::filesystem::path& file, const std::string& purpose);

}  // namespace sim
