#include "sim/batch/sweep_design.hpp"

#include <cmath>
#include <deque>
#include <numeric>
#include <set>

#include "sim/batch/design_table.hpp"
#include "sim/batch/seeds.hpp"
#include "sim/batch/sobol.hpp"
#include "sim/batch/toml_util.hpp"
#include "sim/params/parameters.hpp"

namespace sim::batch {
namespace {

constexpr std::size_t max_points = 10'000'000;

// One swept parameter as written: a list of values, or a range.
struct Axis {
  std::string path;
  SourcePlace where;
  const ParamSpec* spec = nullptr;
  std::vector<ParamValue> values;  // a list (or a grid range, expanded)
  bool is_range = false;           // lhs/sobol: sample [from, to]
  double from = 0, to = 0;
};

[[noreturn]] void fail(const SourcePlace& where, const std::string& key, const std::string& what) {
  throw InputError(where, "key '" + key + "': " + what);
}

ParamValue check(const Axis& axis, const ParamValue& v, const SourcePlace& where) {
  try {
    return checked_value(*axis.spec, v);
  } catch (const InputError& e) {
    throw InputError(where, std::string(e.what()) + " (in [sweep])");
  }
}

double number_of(const toml::node& node, const SourcePlace& where, const std::string& key) {
  if (auto v = node.as_integer()) return static_cast<double>(v->get());
  if (auto v = node.as_floating_point()) return v->get();
  fail(where, key, "expects a number");
}

void read_range(Axis& axis, const toml::table& t, const std::string& file, DesignKind kind) {
  const std::string key = "sweep." + axis.path;
  std::set<std::string> allowed = {"from", "to"};
  if (kind == DesignKind::grid) allowed.insert("step");
  for (auto&& [k, n] : t) {
    if (!allowed.count(std::string(k.str())))
      fail(place_of(file, k.source()), key + "." + std::string(k.str()),
           kind == DesignKind::grid
               ? "a grid range takes from, to and step"
               : std::string("a range in a ") + design_name(kind) +
                     " design takes from and to (no step: the design places the points)");
  }
  for (const char* need : {"from", "to"})
    if (!t.contains(need)) fail(axis.where, key, std::string("range lacks '") + need + "'");
  if (axis.spec->type != ParamType::integer && axis.spec->type != ParamType::real)
    fail(axis.where, key,
         std::string("a range needs a numeric parameter; this one is ") +
             type_name(axis.spec->type) + ": give a list of values");
  axis.from = number_of(*t.get("from"), key_place(file, t, "from"), key + ".from");
  axis.to = number_of(*t.get("to"), key_place(file, t, "to"), key + ".to");
  // Both ends must be valid values of the parameter.
  check(axis,
        axis.spec->type == ParamType::integer ? ParamValue{std::floor(axis.from)}
                                              : ParamValue{axis.from},
        key_place(file, t, "from"));
  check(
      axis,
      axis.spec->type == ParamType::integer ? ParamValue{std::floor(axis.to)} : ParamValue{axis.to},
      key_place(file, t, "to"));
  if (axis.from > axis.to)
    fail(axis.where, key, "empty range: from > to (the design would be empty)");
  if (axis.spec->type == ParamType::integer &&
      (std::floor(axis.from) != axis.from || std::floor(axis.to) != axis.to))
    fail(axis.where, key, "integer parameter: from and to must be whole numbers");
  if (kind != DesignKind::grid) {
    axis.is_range = true;
    return;
  }
  if (!t.contains("step"))
    fail(axis.where, key, "a grid range needs a step ({ from = a, to = b, step = s })");
  SourcePlace sp = key_place(file, t, "step");
  double step = number_of(*t.get("step"), sp, key + ".step");
  if (!(step > 0)) fail(sp, key + ".step", "must be greater than 0");
  if (axis.spec->type == ParamType::integer && std::floor(step) != step)
    fail(sp, key + ".step", "integer parameter: the step must be a whole number");
  double span = (axis.to - axis.from) / step;
  if (span + 1 > static_cast<double>(max_points))
    fail(axis.where, key, "range holds too many values");
  auto count = static_cast<std::size_t>(std::floor(span + 1e-9)) + 1;
  for (std::size_t i = 0; i < count; ++i) {
    double x = axis.from + static_cast<double>(i) * step;
    ParamValue v = axis.spec->type == ParamType::integer
                       ? ParamValue{static_cast<std::int64_t>(std::llround(x))}
                       : ParamValue{x};
    axis.values.push_back(check(axis, v, axis.where));
  }
}

void read_axis(Axis& axis, const toml::node& node, const std::string& file, DesignKind kind) {
  const std::string key = "sweep." + axis.path;
  if (auto* arr = node.as_array()) {
    if (arr->empty()) fail(axis.where, key, "empty list: the design would be empty");
    for (auto&& item : *arr) {
      auto v = toml_scalar(item);
      SourcePlace at = place_of(file, item.source());
      if (!v) fail(at, key, "list items must be single values");
      axis.values.push_back(check(axis, *v, at));
    }
    return;
  }
  if (auto* t = node.as_table()) {
    read_range(axis, *t, file, kind);
    return;
  }
  fail(axis.where, key,
       "expects a list of values ([a, b, c]) or a range ({ from = a, to = b" +
           std::string(kind == DesignKind::grid ? ", step = s" : "") + " })");
}

// Walks nested tables under [sweep] (dotted keys, [sweep.groups] ...) down to parameters.
void collect_axes(const toml::table& t, const std::string& prefix, const std::string& file,
                  const ParamRegistry& registry, DesignKind kind, std::vector<Axis>& axes,
                  const std::set<std::string>& options) {
  for (auto& [name, node] : in_file_order(t)) {
    if (prefix.empty() && options.count(name)) continue;
    std::string path = prefix.empty() ? name : prefix + "." + name;
    SourcePlace where = key_place(file, t, name);
    if (const ParamSpec* spec = registry.find(path)) {
      Axis axis{path, where, spec, {}, false, 0, 0};
      read_axis(axis, *node, file, kind);
      axes.push_back(std::move(axis));
      continue;
    }
    if (node->is_table() && registry.has_section(path)) {
      collect_axes(*node->as_table(), path, file, registry, kind, axes, options);
      continue;
    }
    std::string msg = "unknown parameter '" + path + "' in [sweep]";
    auto near = registry.nearest(path);
    if (!near.empty()) msg += " (did you mean '" + near[0] + "'?)";
    throw InputError(where,
                     "key 'sweep." + path + "': " + msg + "; `commsim params` lists every key");
  }
}

// Maps u in [0, 1) onto an axis: a range (integers spread evenly over from..to) or a list.
ParamValue place_on(const Axis& axis, double u) {
  if (!axis.is_range) {
    auto i = std::min(axis.values.size() - 1, static_cast<std::size_t>(u * axis.values.size()));
    return axis.values[i];
  }
  if (axis.spec->type == ParamType::integer) {
    double width = axis.to - axis.from + 1;
    auto v = static_cast<std::int64_t>(axis.from + std::min(width - 1, std::floor(u * width)));
    return checked_value(*axis.spec, v);
  }
  return checked_value(*axis.spec, axis.from + u * (axis.to - axis.from));
}

std::size_t read_samples(const toml::table& sweep, const std::string& file, DesignKind kind) {
  auto* node = sweep.get("samples");
  if (!node)
    throw InputError(key_place(file, sweep, "design"),
                     std::string("key 'sweep.samples': a ") + design_name(kind) +
                         " design needs a sample count (samples = N)");
  SourcePlace at = key_place(file, sweep, "samples");
  auto n = node->as_integer();
  if (!n) fail(at, "sweep.samples", "expects an integer");
  if (n->get() < 1) fail(at, "sweep.samples", "must be at least 1 (0 samples is an empty design)");
  if (static_cast<std::uint64_t>(n->get()) > max_points)
    fail(at, "sweep.samples", "too many samples");
  return static_cast<std::size_t>(n->get());
}

}  // namespace

const char* design_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::grid:
      return "grid";
    case DesignKind::lhs:
      return "lhs";
    case DesignKind::sobol:
      return "sobol";
    case DesignKind::table:
      return "table";
  }
  return "?";
}

std::vector<std::size_t> coverage_order(std::size_t n) {
  std::vector<std::size_t> order;
  if (n == 0) return order;
  order.push_back(0);
  if (n == 1) return order;
  order.push_back(n - 1);
  std::deque<std::pair<std::size_t, std::size_t>> gaps{{0, n - 1}};
  while (!gaps.empty()) {
    auto [lo, hi] = gaps.front();
    gaps.pop_front();
    if (hi - lo < 2) continue;
    std::size_t mid = lo + (hi - lo) / 2;
    order.push_back(mid);
    gaps.push_back({lo, mid});
    gaps.push_back({mid, hi});
  }
  return order;
}

std::vector<std::size_t> interleaved_grid_order(const std::vector<std::size_t>& lengths) {
  std::size_t total = 1;
  for (auto k : lengths) total *= k;
  // rank[a][j]: when value j of axis a comes in that axis's coverage order.
  std::vector<std::vector<std::size_t>> rank(lengths.size());
  for (std::size_t a = 0; a < lengths.size(); ++a) {
    rank[a].resize(lengths[a]);
    auto o = coverage_order(lengths[a]);
    for (std::size_t r = 0; r < o.size(); ++r) rank[a][o[r]] = r;
  }
  struct Key {
    std::size_t level, sum, flat;
    bool operator<(const Key& o) const {
      return std::tie(level, sum, flat) < std::tie(o.level, o.sum, o.flat);
    }
  };
  std::vector<Key> keys(total);
  for (std::size_t flat = 0; flat < total; ++flat) {
    std::size_t rest = flat, level = 0, sum = 0;
    for (std::size_t a = lengths.size(); a-- > 0;) {
      std::size_t j = rest % lengths[a];
      rest /= lengths[a];
      level = std::max(level, rank[a][j]);
      sum += rank[a][j];
    }
    keys[flat] = {level, sum, flat};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> order(total);
  for (std::size_t i = 0; i < total; ++i) order[i] = keys[i].flat;
  return order;
}

SweepDesign parse_sweep(const toml::table& sweep, const std::string& file,
                        const ParamRegistry& registry, std::uint64_t base_seed,
                        const std::filesystem::path& scenario_dir) {
  const std::set<std::string> options = {"design", "samples", "seed", "table", "order"};
  SweepDesign d;
  d.design_place = sweep.contains("design") ? key_place(file, sweep, "design")
                   : sweep.contains("table")
                       ? key_place(file, sweep, "table")
                       : SourcePlace{file, static_cast<int>(sweep.source().begin.line), 0};
  if (auto* node = sweep.get("design")) {
    SourcePlace at = key_place(file, sweep, "design");
    auto s = node->as_string();
    std::string name = s ? s->get() : "";
    if (name == "grid")
      d.kind = DesignKind::grid;
    else if (name == "lhs")
      d.kind = DesignKind::lhs;
    else if (name == "sobol")
      d.kind = DesignKind::sobol;
    else if (name == "table")
      d.kind = DesignKind::table;
    else
      fail(at, "sweep.design", "expects one of \"grid\", \"lhs\", \"sobol\", \"table\"");
  } else if (sweep.contains("table")) {
    d.kind = DesignKind::table;
  }
  bool interleave = true;
  if (auto* node = sweep.get("order")) {
    auto s = node->as_string();
    std::string v = s ? s->get() : "";
    if (v != "interleaved" && v != "sequential")
      fail(key_place(file, sweep, "order"), "sweep.order",
           "expects \"interleaved\" or \"sequential\"");
    interleave = v == "interleaved";
  }
  for (const char* k : {"samples", "seed"})
    if (sweep.contains(k) && d.kind != DesignKind::lhs &&
        !(d.kind == DesignKind::sobol && std::string(k) == "samples"))
      fail(key_place(file, sweep, k), std::string("sweep.") + k,
           std::string("has no meaning in a ") + design_name(d.kind) + " design");
  if (sweep.contains("table") && d.kind != DesignKind::table)
    fail(key_place(file, sweep, "table"), "sweep.table", "only a table design reads a table");

  if (d.kind == DesignKind::table) {
    auto* node = sweep.get("table");
    SourcePlace at = key_place(file, sweep, node ? "table" : "design");
    if (!node || !node->as_string())
      fail(at, "sweep.table", "a table design needs table = \"points.csv\"");
    std::filesystem::path p = node->as_string()->get();
    if (p.is_relative()) p = scenario_dir / p;
    std::vector<Axis> extra;
    collect_axes(sweep, "", file, registry, d.kind, extra, options);
    if (!extra.empty())
      fail(extra[0].where, "sweep." + extra[0].path,
           "a table design takes its parameters from the table; list them there, not here");
    DesignTable table = read_design_table(p, registry, at);
    d.paths = table.paths;
    d.places = table.places;
    d.points = std::move(table.rows);
    d.order = interleave ? coverage_order(d.points.size()) : std::vector<std::size_t>{};
    if (!interleave) {
      d.order.resize(d.points.size());
      std::iota(d.order.begin(), d.order.end(), 0);
    }
    return d;
  }

  std::vector<Axis> axes;
  collect_axes(sweep, "", file, registry, d.kind, axes, options);
  if (axes.empty())
    throw InputError(SourcePlace{file, static_cast<int>(sweep.source().begin.line), 0},
                     "[sweep] names no parameter to vary: the design is empty");
  for (auto& a : axes) {
    d.paths.push_back(a.path);
    d.places.push_back(a.where);
    if (d.kind == DesignKind::grid && a.is_range) throw std::logic_error("grid range not expanded");
  }

  if (d.kind == DesignKind::grid) {
    std::vector<std::size_t> lengths;
    std::size_t total = 1;
    for (auto& a : axes) {
      lengths.push_back(a.values.size());
      if (total > max_points / a.values.size())
        fail(a.where, "sweep." + a.path, "the grid has more than 10 million points");
      total *= a.values.size();
    }
    d.points.resize(total);
    for (std::size_t flat = 0; flat < total; ++flat) {
      std::size_t rest = flat;
      std::vector<ParamValue> point(axes.size());
      for (std::size_t a = axes.size(); a-- > 0;) {
        point[a] = axes[a].values[rest % lengths[a]];
        rest /= lengths[a];
      }
      d.points[flat] = std::move(point);
    }
    if (interleave) {
      d.order = interleaved_grid_order(lengths);
    } else {
      d.order.resize(total);
      std::iota(d.order.begin(), d.order.end(), 0);
    }
    return d;
  }

  const std::size_t n = read_samples(sweep, file, d.kind);
  const std::size_t dims = axes.size();
  std::vector<std::vector<double>> unit(n, std::vector<double>(dims));
  if (d.kind == DesignKind::sobol) {
    if (dims > sobol_max_dimensions)
      fail(axes[sobol_max_dimensions].where, "sweep." + axes[sobol_max_dimensions].path,
           "a sobol design supports at most " + std::to_string(sobol_max_dimensions) +
               " parameters");
    Sobol sobol(dims);
    for (std::size_t i = 0; i < n; ++i) unit[i] = sobol.point(i);
  } else {
    std::uint64_t seed = splitmix64(base_seed ^ 0x4C48535F53454544ull);  // "LHS_SEED"
    if (auto* node = sweep.get("seed")) {
      auto v = node->as_integer();
      if (!v || v->get() < 0)
        fail(key_place(file, sweep, "seed"), "sweep.seed", "expects a non-negative integer");
      seed = static_cast<std::uint64_t>(v->get());
    }
    // Latin hypercube: each axis cut into n equal strata; a random permutation assigns one
    // stratum per point and a uniform draw places the point inside it.
    SplitMix64 rng(seed);
    for (std::size_t a = 0; a < dims; ++a) {
      std::vector<std::size_t> perm(n);
      std::iota(perm.begin(), perm.end(), 0);
      for (std::size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[rng.below(i)]);
      for (std::size_t i = 0; i < n; ++i)
        unit[i][a] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(n);
    }
  }
  d.points.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t a = 0; a < dims; ++a) d.points[i].push_back(place_on(axes[a], unit[i][a]));
  // Sobol' and LHS points are already spread in sample order: every prefix covers the box.
  d.order.resize(n);
  std::iota(d.order.begin(), d.order.end(), 0);
  return d;
}

}  // namespace sim::batch
