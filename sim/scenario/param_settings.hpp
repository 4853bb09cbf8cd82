#pragma once
// A parameter value that applies to part of a run only: the settings of one group type
// ([group_types.NAME]) or of one event (`set = { ... }` in [[events]]). Each is a registered
// key with a value checked exactly as the same key at the top of the file would be.
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/input_error.hpp"
#include "sim/params/parameters.hpp"

namespace sim {

struct ParamSetting {
  // The registered key it sets ("groups.moderators"): the same path as at the top of the file,
  // so that the model reads it through the same declaration (sim::Key) it always uses.
  std::string path;
  // As checked against the key's declaration: of its type (3.0 -> 3 for an integer key, a
  // choice by its name) and in its range.
  ParamValue value;
  // Where it was written: for messages, and as the origin Parameters reports for it.
  SourcePlace where;
};

// `base` with every setting applied: the values a group of a type (or under an event) runs
// with. Origins name the settings' places.
Parameters with_settings(Parameters base, const std::vector<ParamSetting>& settings);

// The setting of `path`, or nullptr.
const ParamSetting* find_setting(const std::vector<ParamSetting>& settings, std::string_view path);

}  // namespace sim
