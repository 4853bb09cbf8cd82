#pragma once
// The catalogue of every parameter the engine and the models understand. A scenario key
// that is not registered here is an error, never silently ignored.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/params/param_spec.hpp"

namespace sim {

class ParamRegistry {
 public:
  // Declaration helpers; each returns the stored spec so a caller can add a claim.
  ParamSpec& integer(std::string path, std::int64_t def, std::string unit, double min, double max,
                     std::string meaning);
  ParamSpec& real(std::string path, double def, std::string unit, double min, double max,
                  std::string meaning);
  ParamSpec& boolean(std::string path, bool def, std::string meaning);
  ParamSpec& choice(std::string path, std::string def, std::vector<std::string> choices,
                    std::string meaning);
  ParamSpec& text(std::string path, std::string def, std::string unit, std::string meaning);

  // A spec declared elsewhere (sim/params/key.hpp); throws std::logic_error on a duplicate.
  ParamSpec& add(ParamSpec spec);

  const ParamSpec* find(std::string_view path) const;
  const std::vector<ParamSpec>& all() const { return specs_; }
  bool has_section(std::string_view section) const;

  // The registered paths nearest to a misspelt one, for "did you mean" hints.
  std::vector<std::string> nearest(std::string_view path, std::size_t max_results = 2) const;

 private:
  std::vector<ParamSpec> specs_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace sim
