#include "sim/output/written_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
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

void log_fingerprint(const std::filesystem::path& dir, const std::filesystem::path& file) {
  const auto f = fingerprint_file(file);
  if (!f) return;
  std::error_code ec;
  const auto folder = dir / fingerprint_folder;
  std::filesystem::create_directories(folder, ec);
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  const auto log = folder / (std::string(host) + "-" + std::to_string(::getpid()) + ".tsv");
  char line[600];
  const int length = std::snprintf(line, sizeof line, "%s\t%" PRIu64 "\t%016" PRIx64 "\n",
                                   file.filename().c_str(), f->size, f->hash);
  if (length <= 0 || length >= static_cast<int>(sizeof line)) return;
  // One write per line under O_APPEND, and one writer per log (this process), under a lock for
  // its run threads: lines never interleave.
  static std::mutex log_lock;
  std::lock_guard lock(log_lock);
  const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const ssize_t wrote = ::write(fd, line, static_cast<std::size_t>(length));
  ::close(fd);
}

void load_fingerprints(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir / fingerprint_folder, ec)) {
    if (!entry.is_regular_file(ec) || entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string name, size, hash;
      if (!std::getline(fields, name, '\t') || !std::getline(fields, size, '\t') ||
          !std::getline(fields, hash) || hash.size() != 16)
        continue;
      try {
        std::size_t used_size = 0, used_hash = 0;
        FileFingerprint f{std::stoull(size, &used_size), std::stoull(hash, &used_hash, 16)};
        if (used_size == size.size() && used_hash == hash.size()) note_written(f);
      } catch (const std::exception&) {
        // not a line of ours: skipped
      }
    }
  }
}

}  // namespace sim
