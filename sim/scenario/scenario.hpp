#pragma once
// A scenario: the text of one TOML file, validated against the parameter registry, with
// command-line overrides applied. A run is a pure function of (scenario, seed).
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sim/params/parameters.hpp"

namespace sim {

struct ScenarioOptions {
  std::vector<std::string> overrides;       // "section.key=value", applied after the file
  std::set<std::string> reserved_sections;  // top-level tables read by someone else ([sweep])
};

struct Scenario {
  std::string path;  // as given; "" for text not read from a file
  std::string name;  // file stem, used in titles and run ids
  std::string text;  // the whole file, stored in every run file
  Parameters params;

  std::uint64_t seed() const { return static_cast<std::uint64_t>(params.integer("run.seed")); }
  // Resolves a path named in the scenario (an edge list) relative to the scenario's folder.
  std::filesystem::path resolve(const std::string& relative) const;
};

Scenario load_scenario(const std::string& path, const ParamRegistry& registry,
                       const ScenarioOptions& options = {});
Scenario parse_scenario(const std::string& text, const std::string& path,
                        const ParamRegistry& registry, const ScenarioOptions& options = {});

// Applies "section.key=value"; the value is read as a TOML value, or as a bare string.
void apply_override(Parameters& params, const std::string& assignment);

}  // namespace sim
