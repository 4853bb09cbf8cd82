#pragma once
// The files this process wrote and closed itself, each as its identity (device, inode), size
// and a hash of its bytes, taken right after publishing it. Reading a run file back costs a
// child process when its provenance is unknown (RunReader::probe_in_child: libhdf5 can crash
// or loop on a damaged file); a file this process just wrote through the same library, whose
// bytes are still those it wrote, cannot be damaged in that way, so it is read here directly.
// That saves a fork per file when a sweep indexes its own runs (docs/PERFORMANCE.md). Any
// change to the file, even within the file system's time resolution, changes its size or
// hash, and it is probed like any other file.
#include <filesystem>

namespace sim {

// Records `path` (an existing regular file) as written by this process, as it is now.
void note_written_here(const std::filesystem::path& path);

// True when `path` is a file recorded by note_written_here and its bytes are unchanged.
bool written_here_unchanged(const std::filesystem::path& path);

}  // namespace sim
