#pragma once
// Where tests find the source tree, the built binary, and a scratch folder of their own.
#include <filesystem>
#include <string>

namespace testing_support {

std::filesystem::path source_dir();
std::filesystem::path commsim_binary();
// A fresh, empty folder under the system temp dir, unique to this process and `name`.
std::filesystem::path scratch_dir(const std::string& name);
// Runs a shell command, returns its exit status; output goes to `log` if given.
int run_command(const std::string& command, std::string* output = nullptr);

}  // namespace testing_support
