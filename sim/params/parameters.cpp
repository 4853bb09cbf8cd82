#include "sim/params/parameters.hpp"

#include <cmath>
#include <sstream>

namespace sim {

Parameters::Parameters(const ParamRegistry& registry) : registry_(&registry) {
  for (const auto& s : registry.all()) {
    values_[s.path] = s.default_value;
    origins_[s.path] = "default";
  }
}

ParamValue checked_value(const ParamSpec& spec, const ParamValue& raw) {
  auto fail = [&](const std::string& what) {
    throw InputError("key '" + spec.path + "': " + what);
  };
  auto got = [&]() -> std::string {
    return std::visit(
        [](auto&& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::int64_t>) return "an integer";
          if constexpr (std::is_same_v<T, double>) return "a number";
          if constexpr (std::is_same_v<T, bool>) return "a boolean";
          return "a string";
        },
        raw);
  };
  auto in_range = [&](double x) {
    if (std::isnan(x) || x < spec.min || x > spec.max) {
      std::ostringstream s;
      s << "value " << format_value(raw) << " is out of range " << format_range(spec);
      if (!spec.unit.empty()) s << " " << spec.unit;
      fail(s.str());
    }
  };
  switch (spec.type) {
    case ParamType::integer: {
      std::int64_t v = 0;  // set below, or fail() throws
      if (auto* i = std::get_if<std::int64_t>(&raw)) {
        v = *i;
      } else if (auto* d = std::get_if<double>(&raw);
                 d && std::floor(*d) == *d && std::abs(*d) < 9e15) {
        v = static_cast<std::int64_t>(*d);  // 3.0 is accepted as 3 (sweep ranges produce floats)
      } else {
        fail("expects an integer, got " + got());
      }
      in_range(static_cast<double>(v));
      return v;
    }
    case ParamType::real: {
      double v = 0;  // set below, or fail() throws
      if (auto* i = std::get_if<std::int64_t>(&raw))
        v = static_cast<double>(*i);
      else if (auto* d = std::get_if<double>(&raw))
        v = *d;
      else
        fail("expects a number, got " + got());
      in_range(v);
      return v;
    }
    case ParamType::boolean:
      if (auto* b = std::get_if<bool>(&raw)) return *b;
      fail("expects true or false, got " + got());
      return raw;  // not reached: fail() throws
    case ParamType::text: {
      auto* s = std::get_if<std::string>(&raw);
      if (!s) fail("expects a string, got " + got());
      if (!spec.choices.empty()) {
        bool ok = false;
        for (const auto& c : spec.choices) ok = ok || c == *s;
        if (!ok) fail("value \"" + *s + "\" is not one of " + format_range(spec));
      }
      return *s;
    }
  }
  return raw;
}

void Parameters::set(const std::string& path, const ParamValue& value, const SourcePlace& where) {
  const ParamSpec* s = registry_->find(path);
  if (!s) {
    std::string msg = "unknown key '" + path + "'";
    auto near = registry_->nearest(path);
    if (!near.empty()) {
      msg += " (did you mean";
      for (std::size_t i = 0; i < near.size(); ++i) msg += (i ? " or '" : " '") + near[i] + "'";
      msg += "?)";
    }
    throw InputError(where, msg + "; `commsim params` lists every key");
  }
  try {
    values_[path] = checked_value(*s, value);
  } catch (const InputError& e) {
    throw InputError(where, e.what());
  }
  origins_[path] = where.str();
}

const ParamSpec& Parameters::spec(const std::string& path) const {
  const ParamSpec* s = registry_->find(path);
  if (!s) throw std::logic_error("parameter not declared: " + path);
  return *s;
}

const ParamValue& Parameters::value(const std::string& path) const {
  spec(path);
  return values_.at(path);
}

std::int64_t Parameters::integer(const std::string& path) const {
  return std::get<std::int64_t>(value(path));
}

double Parameters::real(const std::string& path) const {
  const auto& v = value(path);
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::get<double>(v);
}

bool Parameters::flag(const std::string& path) const {
  return std::get<bool>(value(path));
}

const std::string& Parameters::text(const std::string& path) const {
  return std::get<std::string>(value(path));
}

std::string Parameters::origin(const std::string& path) const {
  return origins_.at(path);
}

std::string Parameters::to_toml() const {
  std::string out;
  for (const auto& s : registry_->all())
    out += s.path + " = " + format_value(values_.at(s.path)) + "\n";
  return out;
}

}  // namespace sim
