#pragma once
// Resolved parameter values: every registered parameter has one, taken from the default,
// the scenario file or a command-line override, and we remember which.
#include <map>
#include <string>

#include "sim/core/input_error.hpp"
#include "sim/params/param_registry.hpp"

namespace sim {

class Parameters {
 public:
  explicit Parameters(const ParamRegistry& registry);

  // Checks type and range against the registry; throws InputError naming `where` and the key.
  void set(const std::string& path, const ParamValue& value, const SourcePlace& where);

  std::int64_t integer(const std::string& path) const;
  double real(const std::string& path) const;  // integers are widened
  bool flag(const std::string& path) const;
  const std::string& text(const std::string& path) const;
  const ParamValue& value(const std::string& path) const;

  // Where a value came from ("default", "scenario.toml:12:1", "--set").
  std::string origin(const std::string& path) const;

  // `section.key = value` lines in declaration order: the form stored in every run file.
  std::string to_toml() const;

  const ParamRegistry& registry() const { return *registry_; }

 private:
  const ParamSpec& spec(const std::string& path) const;
  const ParamRegistry* registry_;
  std::map<std::string, ParamValue> values_;
  std::map<std::string, std::string> origins_;
};

// Converts and checks one value for a spec. The message names the key but not the place.
ParamValue checked_value(const ParamSpec& spec, const ParamValue& raw);

}  // namespace sim
