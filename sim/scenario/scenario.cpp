#include "sim/scenario/scenario.hpp"

#include <toml++/toml.h>

#include "sim/core/input_error.hpp"
#include "sim/core/input_file.hpp"
#include "sim/scenario/scenario_reading.hpp"
#include "sim/scenario/scenario_rules.hpp"

namespace sim {
namespace {

SourcePlace place_of(const std::string& file, const toml::source_region& r) {
  return {file, static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

// Top-level tables parse_scenario reads itself (scenario_reading.hpp), not as parameters.
bool own_section(const std::string& key) {
  return key == "group_types" || key == "events";
}

// Reads a TOML scalar as a ParamValue; nullopt for arrays and tables.
std::optional<ParamValue> scalar(const toml::node& node) {
  if (auto v = node.as_integer()) return ParamValue{v->get()};
  if (auto v = node.as_floating_point()) return ParamValue{v->get()};
  if (auto v = node.as_boolean()) return ParamValue{v->get()};
  if (auto v = node.as_string()) return ParamValue{v->get()};
  return std::nullopt;
}

void walk(const toml::table& table, const std::string& prefix, const std::string& file,
          const ScenarioOptions& options, Parameters& params) {
  for (auto&& [key, node] : table) {
    std::string path =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    SourcePlace where = place_of(file, key.source());
    if (prefix.empty() && (options.reserved_sections.count(path) || own_section(path))) continue;
    if (auto* sub = node.as_table()) {
      if (!params.registry().has_section(path) && !params.registry().find(path)) {
        std::string msg = "unknown section or key '" + path + "'";
        auto near = params.registry().nearest(path);
        if (!near.empty()) msg += " (did you mean '" + near[0] + "'?)";
        throw InputError(where, msg + "; `commsim params` lists every key");
      }
      walk(*sub, path, file, options, params);
      continue;
    }
    auto value = scalar(node);
    if (!value) {
      throw InputError(where, "key '" + path +
                                  "' holds an array; a parameter takes one value "
                                  "(lists of values belong in a [sweep] section)");
    }
    params.set(path, *value, where);
  }
}

}  // namespace

std::filesystem::path Scenario::resolve(const std::string& relative) const {
  std::filesystem::path p(relative);
  if (p.is_absolute() || path.empty()) return p;
  return std::filesystem::path(path).parent_path() / p;
}

Scenario parse_scenario(const std::string& text, const std::string& path,
                        const ParamRegistry& registry, const ScenarioOptions& options) {
  const std::string label = path.empty() ? "<scenario>" : path;
  toml::table document;
  try {
    document = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    throw InputError(place_of(label, e.source()),
                     "TOML syntax error: " + std::string(e.description()));
  }
  Parameters params(registry);
  walk(document, "", label, options, params);
  for (const auto& a : options.overrides) apply_override(params, a);
  std::string name = path.empty() ? "scenario" : std::filesystem::path(path).stem().string();
  Scenario scenario{path, name, text, std::move(params), {}, {}};
  if (auto* node = document.get("group_types"))
    scenario.group_types = scenario_reading::read_group_types(
        *node, place_of(label, document.find("group_types")->first.source()), label, registry);
  if (auto* node = document.get("events"))
    scenario.events = scenario_reading::read_events(
        *node, place_of(label, document.find("events")->first.source()), label, registry,
        scenario.group_types);
  check_scenario_rules(scenario);
  return scenario;
}

Scenario load_scenario(const std::string& path, const ParamRegistry& registry,
                       const ScenarioOptions& options) {
  // A scenario is a page of TOML; anything near this size is the wrong file.
  constexpr std::size_t max_scenario_bytes = 16u << 20;
  return parse_scenario(read_input_file(path, "scenario file", max_scenario_bytes), path, registry,
                        options);
}

void apply_override(Parameters& params, const std::string& assignment) {
  SourcePlace where{"--set " + assignment, 0, 0};
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) throw InputError(where, "expected section.key=value");
  auto trim = [](std::string s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  std::string key = trim(assignment.substr(0, eq));
  std::string raw = trim(assignment.substr(eq + 1));
  ParamValue value = raw;
  try {
    toml::table t = toml::parse("v = " + raw);
    if (auto v = scalar(*t.get("v"))) value = *v;
  } catch (const toml::parse_error&) {
    // Not a TOML value: a bare word such as `sbm` is meant as a string.
  }
  params.set(key, value, where);
}

}  // namespace sim
