#pragma once
// A sweep design given as a CSV table: the header names the parameters, each further row
// is one point. Values are read as TOML values (3, 0.5, true, "sbm") or, failing that, as
// bare strings; blank lines and lines starting with '#' are skipped.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/core/input_error.hpp"
#include "sim/params/param_registry.hpp"

namespace sim::batch {

struct DesignTable {
  std::vector<std::string> paths;
  std::vector<SourcePlace> places;            // header cells
  std::vector<std::vector<ParamValue>> rows;  // checked against the registry
};

// `where` is the place of the `table = ...` key, used when the file cannot be read.
DesignTable read_design_table(const std::filesystem::path& path, const ParamRegistry& registry,
                              const SourcePlace& where);

}  // namespace sim::batch
