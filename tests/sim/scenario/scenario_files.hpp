#pragma once
// Scenario files written for a test and the error a batch plan gives on them (shared by the
// group-type and event tests). Header-only: the tests' *_test.cpp glob needs no extra source.
#include <filesystem>
#include <fstream>
#include <string>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/core/input_error.hpp"

namespace scenario_files {

inline std::filesystem::path write(const std::filesystem::path& dir, const std::string& name,
                                   const std::string& text) {
  std::ofstream(dir / name) << text;
  return dir / name;
}

// The message planning `file` fails with, or "no error".
inline std::string plan_error(const std::filesystem::path& file) {
  try {
    sim::batch::plan_runs({file.string()}, models::all_params());
  } catch (const sim::InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace scenario_files
