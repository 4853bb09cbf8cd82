#include "sim/scenario/group_types.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "sim/batch/toml_util.hpp"
#include "sim/scenario/scenario_reading.hpp"

namespace sim {

Parameters group_type_params(const Parameters& run, const GroupTypeSpec& type) {
  return with_settings(run, type.settings);
}

std::vector<std::string> group_type_names(const std::vector<GroupTypeSpec>& types) {
  if (types.empty()) return {"default"};
  std::vector<std::string> names;
  for (const auto& t : types) names.push_back(t.name);
  return names;
}

std::string founding_text(const GroupTypeSpec& type) {
  std::ostringstream s;
  if (type.count) s << "count " << *type.count;
  if (type.share) s << "share " << *type.share;
  if (type.per_day > 0) {
    if (type.count || type.share) s << ", ";
    s << type.per_day << "/day";
    if (type.hour >= 0)
      s << " at " << (type.hour < 10 ? "0" : "") << type.hour << ":00";
    else
      s << " spread over the day";
  }
  return s.str();
}

namespace scenario_reading {
namespace {

bool valid_type_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

constexpr double infinite = std::numeric_limits<double>::infinity();

const std::vector<std::string> type_keys = {"count", "share", "per_day", "hour"};

GroupTypeSpec read_type(const std::string& name, const toml::table& table, const SourcePlace& at,
                        const std::string& file, const ParamRegistry& registry) {
  const std::string owner = "group_types." + name;
  GroupTypeSpec type;
  type.name = name;
  type.where = at;
  SourcePlace count_place, share_place;
  for (auto& [key, node] : batch::in_file_order(table)) {
    const SourcePlace where = batch::key_place(file, table, key);
    const std::string full = owner + "." + key;
    if (key == "count") {
      type.count = std::get<std::int64_t>(
          checked_at(structural(full, ParamType::integer, 0, infinite), *node, where));
      count_place = where;
    } else if (key == "share") {
      type.share =
          std::get<double>(checked_at(structural(full, ParamType::real, 0, 1), *node, where));
      share_place = where;
    } else if (key == "per_day") {
      type.per_day = std::get<double>(
          checked_at(structural(full, ParamType::real, 0, infinite), *node, where));
      if (!std::isfinite(type.per_day))
        throw InputError(where, "key '" + full + "': must be a finite number of groups a day");
    } else if (key == "hour") {
      type.hour = static_cast<int>(std::get<std::int64_t>(
          checked_at(structural(full, ParamType::integer, -1, 23), *node, where)));
    } else if (registry.find(key) || registry.has_section(key)) {
      read_settings(key, *node, where, owner, file, registry, type.settings);
    } else {
      std::string hint = did_you_mean(key, type_keys);
      if (hint.empty()) {
        auto near = registry.nearest(key);
        if (!near.empty()) hint = " (did you mean '" + near[0] + "'?)";
      }
      throw InputError(where, "key '" + full + "': unknown" + hint +
                                  "; a group type takes count or share, per_day, hour and "
                                  "group-scope parameters (`commsim params` lists every key)");
    }
  }
  if (type.count && type.share) {
    const bool share_last =
        share_place.line > count_place.line ||
        (share_place.line == count_place.line && share_place.column > count_place.column);
    throw InputError(
        share_last ? share_place : count_place,
        "key '" + owner + (share_last ? ".share" : ".count") +
            "': a type gives count or share, not both (" +
            (share_last ? "count at " + count_place.str() : "share at " + share_place.str()) + ")");
  }
  if (!type.count && !type.share && type.per_day == 0)
    throw InputError(at, "key '" + owner +
                             "': the type founds no groups; give count or share (groups at day "
                             "0) or per_day > 0 (groups founded during the run)");
  for (const auto& s : type.settings) {
    const ParamSpec* spec = registry.find(s.path);
    if (spec->scope == ParamScope::group) continue;
    throw InputError(s.where, "key '" + owner + "." + s.path + "': " + s.path +
                                  " is one value for the whole platform; a group type sets only "
                                  "group-scope keys (settings a group may have of its own)");
  }
  return type;
}

}  // namespace

std::vector<GroupTypeSpec> read_group_types(const toml::node& node, const SourcePlace& key_where,
                                            const std::string& file,
                                            const ParamRegistry& registry) {
  auto* table = node.as_table();
  if (!table)
    throw InputError(key_where, "key 'group_types': expects tables such as [group_types.friends]");
  if (table->empty())
    throw InputError(key_where,
                     "[group_types] declares no type; add [group_types.NAME] tables or remove it");
  std::vector<GroupTypeSpec> types;
  for (auto& [name, sub] : batch::in_file_order(*table)) {
    SourcePlace at = batch::key_place(file, *table, name);
    if (sub->source().begin.line > 0) at = batch::place_of(file, sub->source());
    if (!valid_type_name(name))
      throw InputError(at, "key 'group_types." + name +
                               "': a type name uses letters, digits, '_' and '-' (at most 64)");
    auto* type_table = sub->as_table();
    if (!type_table)
      throw InputError(at, "key 'group_types." + name + "': expects a table ([group_types." + name +
                               "] count = 10)");
    types.push_back(read_type(name, *type_table, at, file, registry));
  }
  return types;
}

}  // namespace scenario_reading
}  // namespace sim
