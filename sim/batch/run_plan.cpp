#include "sim/batch/run_plan.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/batch/seeds.hpp"
#include "sim/batch/toml_util.hpp"
#include "sim/params/consistency.hpp"
#include "sim/scenario/scenario_rules.hpp"

namespace sim::batch {
namespace {

bool valid_arm_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

// An arm's overrides: dotted keys or nested tables, down to registered parameters.
void collect_settings(const toml::table& t, const std::string& prefix, const std::string& arm,
                      const std::string& file, const ParamRegistry& registry,
                      std::vector<std::pair<Setting, SourcePlace>>& out) {
  for (auto& [name, node] : in_file_order(t)) {
    std::string path = prefix.empty() ? name : prefix + "." + name;
    SourcePlace where = key_place(file, t, name);
    if (registry.find(path)) {
      auto v = toml_scalar(*node);
      if (!v)
        throw InputError(where,
                         "key 'arms." + arm + "." + path +
                             "': an arm sets one value per parameter (lists belong in [sweep])");
      out.push_back({Setting{path, *v}, where});
      continue;
    }
    if (node->is_table() && registry.has_section(path)) {
      collect_settings(*node->as_table(), path, arm, file, registry, out);
      continue;
    }
    std::string msg = "key 'arms." + arm + "." + path + "': unknown parameter '" + path + "'";
    auto near = registry.nearest(path);
    if (!near.empty()) msg += " (did you mean '" + near[0] + "'?)";
    throw InputError(where, msg + "; `commsim params` lists every key");
  }
}

// Every run the plan will make is checked as it will run: each arm, and each arm at each sweep
// point (a contradiction an arm or a point makes is refused as surely as one in the base). A
// run's checks: the consistency rules on its values and on each group type's values (the run's
// with the type's settings), then the scenario rules (events against run.days, the model's own).
void check_consistency_of(SourcePlan& sp) {
  std::set<std::string> seen;
  auto keep = [&](const std::string& w) {
    if (seen.insert(w).second) sp.warnings.push_back(w);
  };
  // `of`: "FILE" or "arm 'a' of FILE"; `point`: "" or "at sweep point p3".
  auto check = [&](const Scenario& sc, const std::string& of, const std::string& point) {
    auto context = [&](const std::string& in) {
      return point.empty() ? in : point + " (" + in + ")";
    };
    const std::string run_context = context(sp.has_arms ? "in " + of : of);
    for (auto& w : require_consistent(sc.params, run_context)) keep(w);
    // A type's warnings about values it does not change were reported for the run already.
    const auto run_warnings =
        sc.group_types.empty() ? std::vector<std::string>() : check_consistency(sc.params).warnings;
    for (const auto& type : sc.group_types) {
      const Parameters typed = group_type_params(sc.params, type);
      const std::string type_context = context("in group type '" + type.name + "' of " + of);
      auto report = check_consistency(typed);
      if (!report.errors.empty()) require_consistent(typed, type_context);  // throws
      for (const auto& w : report.warnings)
        if (std::find(run_warnings.begin(), run_warnings.end(), w) == run_warnings.end())
          keep(type_context + ": " + w);
    }
    try {
      check_scenario_rules(sc);
    } catch (const InputError& e) {
      if (!sp.has_arms && point.empty()) throw;  // the file as parse_scenario checked it
      throw InputError(std::string(e.what()) + " (" + context("in " + of) + ")");
    }
  };
  for (const auto& arm : sp.arms) {
    const std::string of = sp.has_arms ? "arm '" + arm.name + "' of " + sp.path : sp.path;
    if (!sp.sweep) {
      check(*arm.scenario, of, "");
      continue;
    }
    Scenario sc = *arm.scenario;
    for (std::size_t point = 0; point < sp.sweep->points.size(); ++point) {
      for (std::size_t c = 0; c < sp.sweep->paths.size(); ++c)
        sc.params.set(sp.sweep->paths[c], sp.sweep->points[point][c], sp.sweep->places[c]);
      check(sc, of, "at sweep point p" + std::to_string(point));
    }
  }
}

SourcePlan plan_source(const std::string& path, const ParamRegistry& registry,
                       const PlanOptions& options) {
  ScenarioOptions so;
  so.overrides = options.overrides;
  if (options.seed) so.overrides.push_back("run.seed=" + std::to_string(*options.seed));
  so.reserved_sections = batch_sections;
  Scenario base = load_scenario(path, registry, so);  // checks syntax and every base key
  toml::table doc = toml::parse(base.text, path);
  SourcePlan sp;
  sp.path = path;
  sp.name = base.name;

  // [replicates]
  if (auto* node = doc.get("replicates")) {
    SourcePlace where = key_place(path, doc, "replicates");
    auto* t = node->as_table();
    if (!t) throw InputError(where, "key 'replicates': expects a table ([replicates] count = 5)");
    for (auto& [k, n] : in_file_order(*t)) {
      SourcePlace at = key_place(path, *t, k);
      if (k == "count") {
        auto v = n->as_integer();
        if (!v) throw InputError(at, "key 'replicates.count': expects an integer");
        if (v->get() < 1)
          throw InputError(at, "key 'replicates.count': must be at least 1 (got " +
                                   std::to_string(v->get()) + ")");
        if (v->get() > 1'000'000) throw InputError(at, "key 'replicates.count': at most 1000000");
        sp.replicates = static_cast<int>(v->get());
      } else if (k == "seeds") {
        auto v = n->as_string();
        if (!v || (v->get() != "independent" && v->get() != "common"))
          throw InputError(at, "key 'replicates.seeds': expects \"independent\" or \"common\"");
        sp.common_seeds = v->get() == "common";
      } else {
        throw InputError(at,
                         "key 'replicates." + k + "': unknown; [replicates] takes count and seeds");
      }
    }
  }
  if (options.replicates) {
    if (*options.replicates < 1)
      throw InputError("--replicates " + std::to_string(*options.replicates) +
                       ": must be at least 1");
    sp.replicates = *options.replicates;
  }

  // [sweep]
  if (auto* node = doc.get("sweep")) {
    auto* t = node->as_table();
    if (!t) throw InputError(key_place(path, doc, "sweep"), "key 'sweep': expects a table");
    sp.sweep =
        parse_sweep(*t, path, registry, base.seed(), std::filesystem::path(path).parent_path());
  }

  // [arms.NAME]
  auto base_ptr = std::make_shared<const Scenario>(base);
  if (auto* node = doc.get("arms")) {
    auto* t = node->as_table();
    SourcePlace where = key_place(path, doc, "arms");
    if (!t) throw InputError(where, "key 'arms': expects tables such as [arms.control]");
    if (t->empty())
      throw InputError(where, "[arms] declares no arm; add [arms.NAME] tables or remove it");
    sp.has_arms = true;
    for (auto& [name, arm_node] : in_file_order(*t)) {
      SourcePlace at = key_place(path, *t, name);
      if (!valid_arm_name(name))
        throw InputError(at,
                         "arm name '" + name +
                             "': use letters, digits, '_' and '-' (it becomes part of file names)");
      auto* arm_table = arm_node->as_table();
      if (!arm_table)
        throw InputError(at, "key 'arms." + name + "': expects a table of parameter overrides");
      std::vector<std::pair<Setting, SourcePlace>> found;
      collect_settings(*arm_table, "", name, path, registry, found);
      Scenario sc = base;
      Arm arm{name, {}, nullptr};
      for (auto& [s, place] : found) {
        if (sp.sweep)
          for (std::size_t c = 0; c < sp.sweep->paths.size(); ++c)
            if (sp.sweep->paths[c] == s.path)
              throw InputError(place, "key 'arms." + name + "." + s.path +
                                          "': also swept in [sweep] (" + sp.sweep->places[c].str() +
                                          "); set it in one place");
        try {
          sc.params.set(s.path, s.value, place);
        } catch (const InputError& e) {
          throw InputError(std::string(e.what()) + " (in arm '" + name + "')");
        }
        s.value = sc.params.value(s.path);  // as checked (3.0 -> 3 for integers)
        arm.settings.push_back(s);
      }
      arm.scenario = std::make_shared<const Scenario>(std::move(sc));
      sp.arms.push_back(std::move(arm));
    }
  } else {
    sp.arms.push_back(Arm{"base", {}, base_ptr});
  }
  check_consistency_of(sp);
  return sp;
}

std::string run_id_of(const SourcePlan& sp, const PlannedRun& r) {
  std::string id = sp.name;
  if (sp.has_arms) id += "." + sp.arms[r.arm].name;
  if (r.point >= 0) id += ".p" + std::to_string(r.point);
  id += ".r" + std::to_string(r.replicate);
  return id;
}

}  // namespace

std::string settings_text(const std::vector<Setting>& settings) {
  std::string out;
  for (const auto& s : settings) out += s.path + " = " + format_value(s.value) + "\n";
  return out;
}

RunPlan plan_runs(const std::vector<std::string>& files, const ParamRegistry& registry,
                  const PlanOptions& options) {
  if (files.empty()) throw InputError("no scenario files given");
  RunPlan plan;
  std::map<std::string, std::string> name_owner;
  for (const auto& f : files) {
    SourcePlan sp = plan_source(f, registry, options);
    auto [it, fresh] = name_owner.emplace(sp.name, f);
    if (!fresh)
      throw InputError("scenario files '" + it->second + "' and '" + f + "' share the name '" +
                       sp.name + "'; run ids are built from file names, so rename one");
    plan.sources.push_back(std::move(sp));
  }
  // Counted before anything is allocated: a million replicates of a large sweep is a typo,
  // not a plan, and must not end in std::bad_alloc.
  constexpr long double max_runs = 10'000'000;
  long double total = 0;
  for (const auto& sp : plan.sources) {
    const long double points = sp.sweep ? static_cast<long double>(sp.sweep->order.size()) : 1;
    const long double runs = static_cast<long double>(sp.replicates) * points * sp.arms.size();
    total += runs;
    if (total > max_runs)
      throw InputError(SourcePlace{sp.path, 0, 0},
                       "the plan has " + std::to_string(static_cast<std::uint64_t>(runs)) +
                           " runs (" + std::to_string(sp.replicates) + " replicates x " +
                           std::to_string(static_cast<std::uint64_t>(points)) + " sweep points x " +
                           std::to_string(sp.arms.size()) +
                           " arms); one plan holds at most 10000000");
  }
  plan.runs.reserve(static_cast<std::size_t>(total));
  for (std::size_t s = 0; s < plan.sources.size(); ++s) {
    const SourcePlan& sp = plan.sources[s];
    std::vector<std::int64_t> points{-1};
    std::size_t seed_column = SIZE_MAX;
    if (sp.sweep) {
      points.assign(sp.sweep->order.begin(), sp.sweep->order.end());
      for (std::size_t c = 0; c < sp.sweep->paths.size(); ++c)
        if (sp.sweep->paths[c] == "run.seed") seed_column = c;
    }
    for (int rep = 0; rep < sp.replicates; ++rep)
      for (std::int64_t point : points)
        for (std::size_t a = 0; a < sp.arms.size(); ++a) {
          PlannedRun r;
          r.source = s;
          r.arm = a;
          r.point = point;
          r.replicate = rep;
          std::uint64_t base = sp.arms[a].scenario->seed();
          if (seed_column != SIZE_MAX)
            base = static_cast<std::uint64_t>(
                std::get<std::int64_t>(sp.sweep->points[point][seed_column]));
          r.seed =
              sp.common_seeds
                  ? derive_seed(base, 0, 0, rep)
                  : derive_seed(base, a, point < 0 ? 0 : static_cast<std::uint64_t>(point), rep);
          r.run_id = run_id_of(sp, r);
          plan.runs.push_back(std::move(r));
        }
  }
  return plan;
}

std::vector<Setting> RunPlan::settings(std::size_t i) const {
  const PlannedRun& r = runs[i];
  const SourcePlan& sp = sources[r.source];
  std::vector<Setting> out = sp.arms[r.arm].settings;
  if (r.point >= 0)
    for (std::size_t c = 0; c < sp.sweep->paths.size(); ++c)
      out.push_back({sp.sweep->paths[c], sp.sweep->points[r.point][c]});
  return out;
}

Scenario RunPlan::scenario(std::size_t i) const {
  const PlannedRun& r = runs[i];
  const SourcePlan& sp = sources[r.source];
  Scenario sc = *sp.arms[r.arm].scenario;
  if (r.point >= 0)
    for (std::size_t c = 0; c < sp.sweep->paths.size(); ++c)
      sc.params.set(sp.sweep->paths[c], sp.sweep->points[r.point][c], sp.sweep->places[c]);
  sc.params.set("run.seed", static_cast<std::int64_t>(r.seed),
                SourcePlace{"seed of " + r.run_id, 0, 0});
  return sc;
}

std::vector<std::pair<std::string, ParamValue>> RunPlan::attributes(std::size_t i) const {
  const PlannedRun& r = runs[i];
  const SourcePlan& sp = sources[r.source];
  return {
      {"run_id", r.run_id},
      {"arm", sp.arms[r.arm].name},
      {"arm_index", static_cast<std::int64_t>(r.arm)},
      {"replicate", static_cast<std::int64_t>(r.replicate)},
      {"point", r.point},
      {"settings", settings_text(settings(i))},
  };
}

}  // namespace sim::batch
