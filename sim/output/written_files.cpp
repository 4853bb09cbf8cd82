#include "sim/output/written_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace sim {
namespace {

using Identity = std::pair<dev_t, ino_t>;

struct Fingerprint {
  off_t size = 0;
  std::uint64_t hash = 0;
  bool operator==(const Fingerprint&) const = default;
};

std::mutex registry_lock;
std::map<Identity, Fingerprint>& registry() {
  static std::map<Identity, Fingerprint> files;
  return files;
}

// Identity and fingerprint of a regular file: a 64-bit multiply-xor hash of its bytes, eight
// at a time (it detects damage, it is no defence against forgery).
std::optional<std::pair<Identity, Fingerprint>> fingerprint(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::pair<Identity, Fingerprint>> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    std::vector<char> block(1 << 16);
    off_t total = 0;
    ssize_t got = 0;
    while ((got = ::read(fd, block.data(), block.size())) > 0) {
      total += got;
      std::memset(block.data() + got, 0, (8 - got % 8) % 8);
      for (ssize_t i = 0; i < got; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, block.data() + i, 8);
        hash = (hash ^ word) * 0x100000001b3ull;
        hash ^= hash >> 29;
      }
    }
    if (got == 0 && total == st.st_size)
      out = std::pair{Identity{st.st_dev, st.st_ino}, Fingerprint{total, hash}};
  }
  ::close(fd);
  return out;
}

}  // namespace

void note_written_here(const std::filesystem::path& path) {
  auto f = fingerprint(path);
  if (!f) return;
  std::lock_guard lock(registry_lock);
  registry()[f->first] = f->second;
}

bool written_here_unchanged(const std::filesystem::path& path) {
  {
    std::lock_guard lock(registry_lock);
    if (registry().empty()) return false;  // nothing written here: no need to read the file
  }
  auto f = fingerprint(path);
  if (!f) return false;
  std::lock_guard lock(registry_lock);
  auto it = registry().find(f->first);
  return it != registry().end() && it->second == f->second;
}

}  // namespace sim
