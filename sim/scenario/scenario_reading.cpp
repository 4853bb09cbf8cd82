#include "sim/scenario/scenario_reading.hpp"

#include <algorithm>

#include "sim/batch/toml_util.hpp"

namespace sim::scenario_reading {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

ParamSpec structural(std::string full_key, ParamType type, double min, double max) {
  ParamSpec spec;
  spec.path = std::move(full_key);
  spec.type = type;
  spec.min = min;
  spec.max = max;
  return spec;
}

ParamValue checked_at(const ParamSpec& spec, const toml::node& node, const SourcePlace& where) {
  auto raw = batch::toml_scalar(node);
  if (!raw)
    throw InputError(where, "key '" + spec.path + "': expects one " + type_name(spec.type) +
                                " value, not " + (node.is_table() ? "a table" : "a list"));
  try {
    return checked_value(spec, *raw);
  } catch (const InputError& e) {
    throw InputError(where, e.what());
  }
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 4) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

void read_settings(const std::string& path, const toml::node& node, const SourcePlace& where,
                   const std::string& owner, const std::string& file, const ParamRegistry& registry,
                   std::vector<ParamSetting>& out) {
  const std::string key = owner + "." + path;
  if (const ParamSpec* spec = registry.find(path)) {
    ParamSpec named = *spec;
    named.path = key;  // the message names the key as written here
    ParamValue value = checked_at(named, node, where);
    if (const ParamSetting* first = find_setting(out, path))
      throw InputError(where, "key '" + key + "': sets " + path + " a second time (first at " +
                                  first->where.str() + ")");
    out.push_back({path, std::move(value), where});
    return;
  }
  if (auto* table = node.as_table(); table && registry.has_section(path)) {
    for (auto& [name, sub] : batch::in_file_order(*table))
      read_settings(path + "." + name, *sub, batch::key_place(file, *table, name), owner, file,
                    registry, out);
    return;
  }
  std::string msg = "key '" + key + "': unknown parameter '" + path + "'";
  auto near = registry.nearest(path);
  if (!near.empty()) msg += " (did you mean '" + near[0] + "'?)";
  throw InputError(where, msg + "; `commsim params` lists every key");
}

}  // namespace sim::scenario_reading
