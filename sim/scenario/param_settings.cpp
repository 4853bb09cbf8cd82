#include "sim/scenario/param_settings.hpp"

namespace sim {

Parameters with_settings(Parameters base, const std::vector<ParamSetting>& settings) {
  for (const auto& s : settings) base.set(s.path, s.value, s.where);
  return base;
}

const ParamSetting* find_setting(const std::vector<ParamSetting>& settings, std::string_view path) {
  for (const auto& s : settings)
    if (s.path == path) return &s;
  return nullptr;
}

}  // namespace sim
