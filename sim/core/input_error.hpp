#pragma once
// Errors in what a researcher gave us (scenario files, edge lists, command-line values).
// The message always says where: "file:line:column: key 'x.y': what is wrong".
#include <stdexcept>
#include <string>

namespace sim {

struct SourcePlace {
  std::string file;  // a path, or "--set" for command-line overrides
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;

  std::string str() const {
    std::string s = file;
    if (line > 0) s.append(":").append(std::to_string(line));
    if (line > 0 && column > 0) s.append(":").append(std::to_string(column));
    return s;
  }
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  InputError(const SourcePlace& where, const std::string& message)
      : std::runtime_error(where.str().empty() ? message : where.str() + ": " + message) {}
};

// Failures writing results (disk full, permission denied, HDF5 refusing a write).
class OutputError : public std::runtime_error {
 public:
  explicit OutputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace sim
