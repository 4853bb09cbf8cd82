#include "sim/output/text_file.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>

#include "sim/core/input_error.hpp"

namespace sim {

std::filesystem::path temporary_name(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
  return tmp;
}

void write_text_atomically(const std::filesystem::path& path, const std::string& text) {
  {
    std::ifstream old(path, std::ios::binary);
    if (old && std::string(std::istreambuf_iterator<char>(old), {}) == text) return;
  }
  const std::filesystem::path tmp = temporary_name(path);
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    f.flush();
    if (!f) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw OutputError("cannot write '" + tmp.string() + "'");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw OutputError("cannot rename '" + tmp.string() + "' to '" + path.string() +
                      "': " + ec.message());
  }
}

}  // namespace sim
