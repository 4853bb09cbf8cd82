#pragma once
// One declared parameter: its path in the scenario file, type, default, unit, valid range
// and meaning. Every tunable number in commsim is declared exactly once as a ParamSpec;
// `commsim params` and docs/ODD.md are generated from / checked against these.
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

namespace sim {

enum class ParamType { integer, real, boolean, text };

// Which object holds a parameter's value during a run: the world (one value for the run),
// or each group (so that groups of different types can differ).
enum class ParamScope : std::uint8_t { world, group };

using ParamValue = std::variant<std::int64_t, double, bool, std::string>;

struct ParamSpec {
  std::string path;  // "section.key"
  ParamType type = ParamType::real;
  ParamValue default_value;
  std::string unit;  // "members", "1/hour", "share", "" for dimensionless choices
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;  // for text: allowed values; empty means free text
  std::string meaning;               // one line
  std::string claim;                 // the practitioners' claim it implements, e.g. "C12"
  ParamScope scope = ParamScope::world;
};

const char* type_name(ParamType t);
std::string format_value(const ParamValue& v);  // TOML spelling: 3, 0.5, true, "sbm"
std::string format_range(const ParamSpec& spec);

}  // namespace sim
