#pragma once
// Reading a file a researcher named (a scenario, an edge list, a design table). Only regular
// files are read: a folder, a device (/dev/zero), a FIFO or a socket is refused by name
// before anything blocks on it, and so is a file too large to be what it claims to be.
#include <cstddef>
#include <filesystem>
#include <string>

namespace sim {

// The whole text of `path`. `what` names the file's role in messages ("scenario file",
// "edge list"); InputError "<what> '<path>': <fault>" when it is missing, not a regular
// file, unreadable, or larger than `max_bytes`.
std::string read_input_file(const std::filesystem::path& path, const std::string& what,
                            std::size_t max_bytes);

// The same checks without reading: InputError unless `path` is a readable regular file.
void check_input_file(const std::filesystem::path& path, const std::string& what);

}  // namespace sim
