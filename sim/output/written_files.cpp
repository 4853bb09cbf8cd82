#include "sim/output/written_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <set>
#include <tuple>
#include <vector>

namespace sim {
namespace {

struct Less {
  bool operator()(const FileFingerprint& a, const FileFingerprint& b) const {
    return std::tie(a.size, a.hash) < std::tie(b.size, b.hash);
  }
};

std::mutex registry_lock;
std::set<FileFingerprint, Less>& registry() {
  static std::set<FileFingerprint, Less> files;
  return files;
}

}  // namespace

// A multiply-xor hash of the bytes, eight at a time: it detects damage, it is no defence
// against forgery (nor does it need to be: the danger is a damaged file, not a crafted one).
std::optional<FileFingerprint> fingerprint_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<FileFingerprint> out;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::uint64_t hash = 0xcbf29ce484222325ull, total = 0;
    std::vector<char> block(1 << 16);
    ssize_t got = 0;
    while ((got = ::read(fd, block.data(), block.size())) > 0) {
      total += static_cast<std::uint64_t>(got);
      std::memset(block.data() + got, 0, static_cast<std::size_t>((8 - got % 8) % 8));
      for (ssize_t i = 0; i < got; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, block.data() + i, 8);
        hash = (hash ^ word) * 0x100000001b3ull;
        hash ^= hash >> 29;
      }
    }
    if (got == 0 && total == static_cast<std::uint64_t>(st.st_size))
      out = FileFingerprint{total, hash};
  }
  ::close(fd);
  return out;
}

void note_written(const FileFingerprint& file) {
  std::lock_guard lock(registry_lock);
  registry().insert(file);
}

void note_written_here(const std::filesystem::path& path) {
  if (auto f = fingerprint_file(path)) note_written(*f);
}

bool written_by_this_job(const std::filesystem::path& path) {
  {
    std::lock_guard lock(registry_lock);
    if (registry().empty()) return false;  // nothing written here: no need to read the file
  }
  auto f = fingerprint_file(path);
  if (!f) return false;
  std::lock_guard lock(registry_lock);
  return registry().count(*f) > 0;
}

}  // namespace sim
