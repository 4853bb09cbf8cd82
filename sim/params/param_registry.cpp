#include "sim/params/param_registry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace sim {

const char* type_name(ParamType t) {
  switch (t) {
    case ParamType::integer:
      return "integer";
    case ParamType::real:
      return "number";
    case ParamType::boolean:
      return "boolean";
    case ParamType::text:
      return "string";
  }
  return "?";
}

std::string format_value(const ParamValue& v) {
  struct Visitor {
    std::string operator()(std::int64_t x) const { return std::to_string(x); }
    std::string operator()(double x) const {
      if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
      char buf[32];
      auto res = std::to_chars(buf, buf + sizeof buf, x);  // shortest form that reads back exactly
      std::string out(buf, res.ptr);
      // Keep it a TOML float so that a re-read gives the same type.
      if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
      return out;
    }
    std::string operator()(bool x) const { return x ? "true" : "false"; }
    std::string operator()(const std::string& x) const {
      std::string out = "\"";
      for (char c : x) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      return out + "\"";
    }
  };
  return std::visit(Visitor{}, v);
}

std::string format_range(const ParamSpec& spec) {
  auto num = [](double x) {
    if (std::isinf(x)) return std::string(x > 0 ? "inf" : "-inf");
    std::ostringstream s;
    s << x;
    return s.str();
  };
  switch (spec.type) {
    case ParamType::integer:
    case ParamType::real:
      return "[" + num(spec.min) + ", " + num(spec.max) + "]";
    case ParamType::boolean:
      return "true|false";
    case ParamType::text: {
      if (spec.choices.empty()) return "text";
      std::string s;
      for (const auto& c : spec.choices) s += (s.empty() ? "" : "|") + c;
      return s;
    }
  }
  return "";
}

ParamSpec& ParamRegistry::add(ParamSpec spec) {
  if (index_.count(spec.path)) throw std::logic_error("parameter declared twice: " + spec.path);
  index_.emplace(spec.path, specs_.size());
  specs_.push_back(std::move(spec));
  return specs_.back();
}

ParamSpec& ParamRegistry::integer(std::string path, std::int64_t def, std::string unit, double min,
                                  double max, std::string meaning) {
  return add({std::move(path),
              ParamType::integer,
              def,
              std::move(unit),
              min,
              max,
              {},
              std::move(meaning),
              {}});
}

ParamSpec& ParamRegistry::real(std::string path, double def, std::string unit, double min,
                               double max, std::string meaning) {
  return add({std::move(path),
              ParamType::real,
              def,
              std::move(unit),
              min,
              max,
              {},
              std::move(meaning),
              {}});
}

ParamSpec& ParamRegistry::boolean(std::string path, bool def, std::string meaning) {
  return add({std::move(path), ParamType::boolean, def, "", 0, 1, {}, std::move(meaning), {}});
}

ParamSpec& ParamRegistry::choice(std::string path, std::string def,
                                 std::vector<std::string> choices, std::string meaning) {
  return add({std::move(path),
              ParamType::text,
              std::move(def),
              "",
              0,
              0,
              std::move(choices),
              std::move(meaning),
              {}});
}

ParamSpec& ParamRegistry::text(std::string path, std::string def, std::string unit,
                               std::string meaning) {
  return add({std::move(path),
              ParamType::text,
              std::move(def),
              std::move(unit),
              0,
              0,
              {},
              std::move(meaning),
              {}});
}

const ParamSpec* ParamRegistry::find(std::string_view path) const {
  auto it = index_.find(std::string(path));
  return it == index_.end() ? nullptr : &specs_[it->second];
}

bool ParamRegistry::has_section(std::string_view section) const {
  std::string prefix = std::string(section) + ".";
  return std::any_of(specs_.begin(), specs_.end(),
                     [&](const ParamSpec& s) { return s.path.rfind(prefix, 0) == 0; });
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::vector<std::string> ParamRegistry::nearest(std::string_view path,
                                                std::size_t max_results) const {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& s : specs_) {
    std::size_t d = edit_distance(path, s.path);
    // Also match the key alone, so "strictness" finds "groups.strictness".
    auto dot = s.path.rfind('.');
    if (dot != std::string::npos)
      d = std::min(d, edit_distance(path, std::string_view(s.path).substr(dot + 1)) + 1);
    if (d <= std::max<std::size_t>(2, path.size() / 4)) scored.emplace_back(d, s.path);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < max_results; ++i)
    out.push_back(scored[i].second);
  return out;
}

}  // namespace sim
