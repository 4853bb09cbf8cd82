#pragma once
// The run files this job wrote itself, each recorded as its size and a 64-bit hash of its bytes,
// taken right after it was published. Reading a run file back costs a child process when its
// provenance is unknown (RunReader::probe_in_child: libhdf5 can crash or loop on a damaged
// file); a file whose bytes are exactly those commsim wrote through the same library cannot be
// damaged in that way, so it is read directly. That saves a fork per file when a sweep, batch
// or compare indexes its own runs (docs/PERFORMANCE.md). Any change to a file, even a byte
// rewritten in place within the file system's time resolution, changes its size or hash, and
// it is probed like any other file. Under MPI each rank sends rank 0 the fingerprints of the
// files it wrote (mpi_executor.cpp).
#include <cstdint>
#include <filesystem>
#include <optional>

namespace sim {

struct FileFingerprint {
  std::uint64_t size = 0, hash = 0;
  bool operator==(const FileFingerprint&) const = default;
};

// The fingerprint of a regular file; nullopt for anything else or a file that cannot be read.
std::optional<FileFingerprint> fingerprint_file(const std::filesystem::path& path);

// Records `path` (a file this process just published) as written by this job, as it is now.
void note_written_here(const std::filesystem::path& path);
// Records a file that another process of this job (an MPI rank) published.
void note_written(const FileFingerprint& file);

// True when `path` holds exactly the bytes of a file recorded as written by this job.
bool written_by_this_job(const std::filesystem::path& path);

}  // namespace sim
