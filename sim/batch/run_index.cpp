#include "sim/batch/run_index.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "sim/batch/toml_util.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/version.hpp"

namespace sim::batch {
namespace {

using h5::Handle;
namespace fs = std::filesystem;

// ---- manifest -------------------------------------------------------------------------

constexpr std::size_t manifest_fixed_columns = 8;

struct ManifestRow {
  std::string run_id, file, scenario_name, arm;
  std::int64_t point = -1, replicate = -1, seed = 0;
  std::map<std::string, ParamValue> params;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

std::optional<ParamValue> parse_value(const std::string& raw) {
  try {
    toml::table t = toml::parse("v = " + raw);
    return toml_scalar(*t.get("v"));
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

std::vector<ManifestRow> read_manifest(const fs::path& dir, std::vector<std::string>& columns) {
  std::vector<ManifestRow> rows;
  std::ifstream in(dir / manifest_file_name);
  if (!in) return rows;
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cells = split(line, '\t');
    if (header.empty()) {
      header = cells;
      if (header.size() < manifest_fixed_columns)
        throw InputError("'" + (dir / manifest_file_name).string() + "': not a commsim run plan");
      columns.assign(header.begin() + manifest_fixed_columns, header.end());
      continue;
    }
    if (cells.size() != header.size()) continue;
    ManifestRow r;
    r.run_id = cells[1];
    r.file = cells[2];
    r.scenario_name = cells[3];
    r.arm = cells[4];
    r.point = std::stoll(cells[5]);
    r.replicate = std::stoll(cells[6]);
    r.seed = std::stoll(cells[7]);
    for (std::size_t c = manifest_fixed_columns; c < cells.size(); ++c)
      if (auto v = parse_value(cells[c])) r.params[header[c]] = *v;
    rows.push_back(std::move(r));
  }
  return rows;
}

// ---- reading run files ----------------------------------------------------------------

std::optional<ParamValue> read_attr(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return std::nullopt;
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  Handle type(H5Aget_type(attr.get()), H5Tclose);
  switch (H5Tget_class(type.get())) {
    case H5T_INTEGER: {
      std::int64_t v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_INT64, &v) < 0) return std::nullopt;
      if (H5Tget_size(type.get()) == 1) return ParamValue{v != 0};
      return ParamValue{v};
    }
    case H5T_FLOAT: {
      double v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v) < 0) return std::nullopt;
      return ParamValue{v};
    }
    case H5T_STRING: {
      if (!H5Tis_variable_str(type.get())) return std::nullopt;
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      H5Tset_size(mem.get(), H5T_VARIABLE);
      H5Tset_cset(mem.get(), H5T_CSET_UTF8);
      char* s = nullptr;
      if (H5Aread(attr.get(), mem.get(), &s) < 0 || !s) return std::nullopt;
      std::string out(s);
      H5free_memory(s);
      return ParamValue{out};
    }
    default:
      return std::nullopt;
  }
}

std::string attr_text(hid_t obj, const char* name) {
  auto v = read_attr(obj, name);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : std::string();
}
std::int64_t attr_int(hid_t obj, const char* name, std::int64_t fallback) {
  auto v = read_attr(obj, name);
  return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : fallback;
}

struct Row {
  std::string run_id, file, scenario_name, arm, status = "pending", error;
  std::int64_t point = -1, replicate = -1, seed = -1, days_written = 0, days_planned = 0;
  std::vector<std::string> setting_paths;    // from the `settings` attribute
  std::map<std::string, ParamValue> params;  // every parameter of the run
  std::map<std::string, double> summary;
  bool has_file = false;
};

herr_t collect_names(hid_t, const char* name, const H5L_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->push_back(name);
  return 0;
}

void read_run_file(const fs::path& path, Row& row) {
  h5::silence_library_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    row.status = "partial";
    row.error = "not a readable HDF5 file (killed while it was created?)";
    return;
  }
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file) {
    row.status = "partial";
    row.error = "cannot open: " + h5::last_error();
    return;
  }
  hid_t f = file.get();
  row.has_file = true;
  if (auto id = attr_text(f, "run_id"); !id.empty()) row.run_id = id;
  row.scenario_name = attr_text(f, "scenario_name");
  row.arm = attr_text(f, "arm");
  row.point = attr_int(f, "point", -1);
  row.replicate = attr_int(f, "replicate", -1);
  row.seed = attr_int(f, "seed", -1);
  row.days_written = attr_int(f, "days_written", 0);
  row.days_planned = attr_int(f, "days_planned", 0);
  row.error = attr_text(f, "error");
  bool complete = attr_int(f, "complete", 0) == 1;
  row.status = complete ? "complete" : H5Aexists(f, "error") > 0 ? "failed" : "partial";
  for (const auto& line : split(attr_text(f, "settings"), '\n')) {
    auto eq = line.find(" = ");
    if (eq != std::string::npos) row.setting_paths.push_back(line.substr(0, eq));
  }
  if (H5Lexists(f, "parameters", H5P_DEFAULT) > 0) {
    Handle g(H5Gopen2(f, "parameters", H5P_DEFAULT), H5Gclose);
    H5O_info_t info;
    if (g && H5Oget_info2(g.get(), &info, H5O_INFO_NUM_ATTRS) >= 0) {
      for (hsize_t i = 0; i < info.num_attrs; ++i) {
        char name[512];
        if (H5Aget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name,
                               H5P_DEFAULT) < 0)
          continue;
        if (auto v = read_attr(g.get(), name)) row.params[name] = *v;
      }
    }
  }
  if (complete && H5Lexists(f, "platform", H5P_DEFAULT) > 0) {
    Handle g(H5Gopen2(f, "platform", H5P_DEFAULT), H5Gclose);
    std::vector<std::string> names;
    H5Literate(g.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_names, &names);
    for (const auto& m : names) {
      Handle set(H5Dopen2(g.get(), m.c_str(), H5P_DEFAULT), H5Dclose);
      if (!set) continue;
      Handle space(H5Dget_space(set.get()), H5Sclose);
      if (H5Sget_simple_extent_ndims(space.get()) != 1) continue;
      hsize_t n = 0;
      H5Sget_simple_extent_dims(space.get(), &n, nullptr);
      std::vector<double> v(n);
      if (n && H5Dread(set.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
        continue;
      double sum = 0;
      std::size_t count = 0;
      for (double x : v)
        if (!std::isnan(x)) sum += x, ++count;
      row.summary[m + "_final"] = n ? v.back() : std::nan("");
      row.summary[m + "_mean"] = count ? sum / static_cast<double>(count) : std::nan("");
    }
  }
}

// ---- writing --------------------------------------------------------------------------

// A column of parameter values written with the type of its first value.
void write_param_column(h5::Writer& w, hid_t group, const std::string& path,
                        const std::vector<std::optional<ParamValue>>& values) {
  std::optional<ParamValue> first;
  for (const auto& v : values)
    if (v) {
      first = v;
      break;
    }
  if (!first) return;
  auto as_double = [](const ParamValue& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
    return std::nan("");
  };
  bool any_real = false;
  for (const auto& v : values) any_real = any_real || (v && std::holds_alternative<double>(*v));
  if (std::holds_alternative<std::string>(*first)) {
    std::vector<std::string> col;
    for (const auto& v : values)
      col.push_back(v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "");
    w.strings(group, path, col);
  } else if (std::holds_alternative<bool>(*first)) {
    std::vector<std::int8_t> col;
    for (const auto& v : values)
      col.push_back(v ? static_cast<std::int8_t>(as_double(*v) != 0) : std::int8_t{-1});
    w.bytes(group, path, col);
  } else if (std::holds_alternative<std::int64_t>(*first) && !any_real) {
    std::vector<std::int64_t> col;
    for (const auto& v : values) col.push_back(v ? std::get<std::int64_t>(*v) : 0);
    w.ints(group, path, col);
  } else {
    std::vector<double> col;
    for (const auto& v : values) col.push_back(v ? as_double(*v) : std::nan(""));
    w.doubles(group, path, col);
  }
}

}  // namespace

void write_manifest(const fs::path& dir, const RunPlan& plan) {
  std::set<std::string> seen;
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < plan.runs.size(); ++i)
    for (const auto& s : plan.settings(i))
      if (seen.insert(s.path).second) columns.push_back(s.path);
  std::ostringstream out;
  out << "# commsim run plan: every run of this batch, in order (commsim index reads it)\n";
  out << "order\trun_id\tfile\tscenario_name\tarm\tpoint\treplicate\tseed";
  for (const auto& c : columns) out << '\t' << c;
  out << '\n';
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& r = plan.runs[i];
    out << i << '\t' << r.run_id << '\t' << plan.file_name(i) << '\t' << plan.sources[r.source].name
        << '\t' << plan.sources[r.source].arms[r.arm].name << '\t' << r.point << '\t' << r.replicate
        << '\t' << r.seed;
    Scenario sc = plan.scenario(i);
    for (const auto& c : columns) out << '\t' << format_value(sc.params.value(c));
    out << '\n';
  }
  fs::path tmp = dir / (std::string(manifest_file_name) + ".tmp");
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << out.str();
    if (!f) throw OutputError("cannot write '" + tmp.string() + "'");
  }
  fs::rename(tmp, dir / manifest_file_name);
}

IndexCounts build_index(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw InputError("'" + dir.string() + "' is not a folder");
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();

  // Rows: the manifest's runs in plan order, then run files it does not list, by name.
  std::vector<std::string> manifest_columns;
  std::vector<ManifestRow> manifest = read_manifest(dir, manifest_columns);
  std::vector<Row> rows;
  std::set<std::string> listed;
  for (const auto& m : manifest) {
    Row r;
    r.run_id = m.run_id;
    r.file = m.file;
    r.scenario_name = m.scenario_name;
    r.arm = m.arm;
    r.point = m.point;
    r.replicate = m.replicate;
    r.seed = m.seed;
    r.params = m.params;
    listed.insert(m.file);
    rows.push_back(std::move(r));
  }
  std::vector<std::string> others;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".h5" && name != index_file_name &&
        !listed.count(name))
      others.push_back(name);
  }
  std::sort(others.begin(), others.end());
  for (const auto& name : others) {
    if (H5Fis_hdf5((dir / name).c_str()) <= 0) continue;
    Handle f(H5Fopen((dir / name).c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!f || H5Aexists(f.get(), "commsim_version") <= 0) continue;  // not a run file
    Row r;
    r.run_id = fs::path(name).stem().string();
    r.file = name;
    rows.push_back(std::move(r));
  }
  for (auto& r : rows) {
    if (!fs::exists(dir / r.file)) continue;
    auto planned = r.params;
    auto planned_paths = r.setting_paths;
    read_run_file(dir / r.file, r);
    if (!r.has_file) {
      r.params = planned;
      r.setting_paths = planned_paths;
    }
  }

  // Columns: every parameter some run sets apart, in order of first appearance.
  std::vector<std::string> param_columns = manifest_columns;
  std::set<std::string> seen(param_columns.begin(), param_columns.end());
  for (const auto& r : rows)
    for (const auto& p : r.setting_paths)
      if (seen.insert(p).second) param_columns.push_back(p);
  std::set<std::string> summary_set;
  for (const auto& r : rows)
    for (const auto& [m, v] : r.summary) summary_set.insert(m);

  IndexCounts counts;
  counts.total = rows.size();
  for (const auto& r : rows) {
    if (r.status == "complete")
      ++counts.complete;
    else if (r.status == "failed")
      ++counts.failed, counts.failures.push_back(r.run_id + ": " + r.error);
    else if (r.status == "partial")
      ++counts.partial;
    else
      ++counts.pending;
  }

  const fs::path final_path = dir / index_file_name;
  const fs::path tmp = dir / (std::string(index_file_name) + ".tmp");
  {
    h5::Writer w(tmp, "index");
    w.create();
    w.attribute("commsim_version", std::string(version));
    w.attribute("index_format_version", std::int64_t{index_format_version});
    w.attribute("runs_total", static_cast<std::int64_t>(counts.total));
    w.attribute("runs_complete", static_cast<std::int64_t>(counts.complete));
    w.attribute("runs_failed", static_cast<std::int64_t>(counts.failed));
    w.attribute("runs_partial", static_cast<std::int64_t>(counts.partial));
    w.attribute("runs_pending", static_cast<std::int64_t>(counts.pending));
    std::string pc, sc;
    for (const auto& p : param_columns) pc += p + "\n";
    for (const auto& s : summary_set) sc += s + "\n";
    w.attribute("parameter_columns", pc);
    w.attribute("summary_columns", sc);

    Handle runs = w.group(w.file(), "runs");
    auto text_col = [&](const char* name, auto get) {
      std::vector<std::string> v;
      for (const auto& r : rows) v.push_back(get(r));
      w.strings(runs.get(), name, v);
    };
    auto int_col = [&](const char* name, auto get) {
      std::vector<std::int64_t> v;
      for (const auto& r : rows) v.push_back(get(r));
      w.ints(runs.get(), name, v);
    };
    text_col("run_id", [](const Row& r) { return r.run_id; });
    text_col("file", [](const Row& r) { return r.file; });
    text_col("scenario_name", [](const Row& r) { return r.scenario_name; });
    text_col("arm", [](const Row& r) { return r.arm; });
    int_col("point", [](const Row& r) { return r.point; });
    int_col("replicate", [](const Row& r) { return r.replicate; });
    int_col("seed", [](const Row& r) { return r.seed; });
    text_col("status", [](const Row& r) { return r.status; });
    text_col("error", [](const Row& r) { return r.error; });
    int_col("days_written", [](const Row& r) { return r.days_written; });
    int_col("days_planned", [](const Row& r) { return r.days_planned; });

    Handle params = w.group(runs.get(), "params");
    for (const auto& p : param_columns) {
      std::vector<std::optional<ParamValue>> col;
      for (const auto& r : rows) {
        auto it = r.params.find(p);
        col.push_back(it == r.params.end() ? std::nullopt : std::optional<ParamValue>(it->second));
      }
      write_param_column(w, params.get(), p, col);
    }
    Handle summary = w.group(runs.get(), "summary");
    for (const auto& m : summary_set) {
      std::vector<double> col;
      for (const auto& r : rows) {
        auto it = r.summary.find(m);
        col.push_back(it == r.summary.end() ? std::nan("") : it->second);
      }
      w.doubles(summary.get(), m, col);
    }
    Handle files = w.group(w.file(), "files");
    for (const auto& r : rows)
      if (r.has_file && H5Lcreate_external(r.file.c_str(), "/", files.get(), r.run_id.c_str(),
                                           H5P_DEFAULT, H5P_DEFAULT) < 0)
        w.fail("link " + r.run_id);
    w.flush();
  }  // closed here, after the groups
  fs::rename(tmp, final_path);
  return counts;
}

}  // namespace sim::batch
