#pragma once
// Small text files commsim writes beside its HDF5 files (plan.tsv, summary.md, summary.csv):
// written whole under a temporary name and renamed, so a reader sees the old file or the new
// one, never half of one; and not written at all when the file already says the same.
#include <filesystem>
#include <string>

namespace sim {

// Writes `text` to `path` atomically unless `path` already holds exactly `text` (so a
// finished folder on read-only storage can be resumed). OutputError naming the file.
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

// A temporary name beside `path`, unique to this process and call: writers that share a
// folder (the shards of a sweep) never write or rename each other's temporary files.
std::filesystem::path temporary_name(const std::filesystem::path& path);

}  // namespace sim
