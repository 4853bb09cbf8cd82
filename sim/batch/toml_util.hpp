#pragma once
// Small helpers for reading the batch sections of a scenario file with toml++.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "sim/core/input_error.hpp"
#include "sim/params/param_spec.hpp"

namespace sim::batch {

inline SourcePlace place_of(const std::string& file, const toml::source_region& r) {
  return {file, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

// A TOML scalar as a ParamValue; nullopt for arrays, tables, dates.
inline std::optional<ParamValue> toml_scalar(const toml::node& node) {
  if (auto v = node.as_integer()) return ParamValue{v->get()};
  if (auto v = node.as_floating_point()) return ParamValue{v->get()};
  if (auto v = node.as_boolean()) return ParamValue{v->get()};
  if (auto v = node.as_string()) return ParamValue{v->get()};
  return std::nullopt;
}

// A table's entries in the order they were written (toml++ keeps keys sorted).
inline std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& t) {
  std::vector<std::pair<std::string, const toml::node*>> out;
  std::vector<std::pair<std::pair<unsigned, unsigned>, std::size_t>> keys;
  for (auto&& [key, node] : t) {
    keys.push_back({{key.source().begin.line, key.source().begin.column}, out.size()});
    out.emplace_back(std::string(key.str()), &node);
  }
  std::stable_sort(keys.begin(), keys.end());
  std::vector<std::pair<std::string, const toml::node*>> sorted;
  for (auto& k : keys) sorted.push_back(out[k.second]);
  return sorted;
}

// Where a key was written, found by name in its table.
inline SourcePlace key_place(const std::string& file, const toml::table& t,
                             const std::string& name) {
  for (auto&& [key, node] : t)
    if (key.str() == name) return place_of(file, key.source());
  return {file, 0, 0};
}

}  // namespace sim::batch
