#pragma once
// The run files commsim published, each recorded as its size and a 64-bit hash of its bytes,
// taken right after it was published. Reading a run file back costs a child process when its
// provenance is unknown (RunReader::probe_in_child: libhdf5 can crash or loop on a damaged
// file); a file whose bytes are exactly those commsim wrote through the same library cannot be
// damaged in that way, so it is read directly. That saves a fork per file when a sweep, batch
// or compare indexes its runs or --resume checks them (docs/PERFORMANCE.md). Any change to a file,
// even a byte rewritten in place within the file system's time resolution, changes its size or
// hash, and it is probed like any other file.
//
// A batch folder keeps the fingerprints too, so that another process can trust the files (rank
// 0 of an MPI sweep those of the other ranks, `commsim index DIR` those of the shards of a
// Slurm array): each process appends a line per published run file to a log of its own,
// DIR/.fingerprints/<host>-<pid>.tsv, and the index loads every log of the folder first.
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
// Records a file that another process published (a line of a fingerprint log).
void note_written(const FileFingerprint& file);

// True when `path` holds exactly the bytes of a file recorded as written by this job.
bool written_by_this_job(const std::filesystem::path& path);

// Appends the fingerprint of `file` (published in `dir`) to this process's log in `dir`. Best
// effort: a log that cannot be written costs only a probe later, never the run.
void log_fingerprint(const std::filesystem::path& dir, const std::filesystem::path& file);
// Records every fingerprint of the logs in `dir` (lines that do not parse are skipped).
void load_fingerprints(const std::filesystem::path& dir);

inline constexpr const char* fingerprint_folder = ".fingerprints";

}  // namespace sim
