#include "sim/batch/run_index.hpp"

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "sim/batch/toml_util.hpp"
#include "sim/compare/summary_files.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/run_file.hpp"
#include "sim/output/run_reader.hpp"
#include "sim/output/text_file.hpp"
#include "sim/output/written_files.hpp"
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

struct Row {
  std::string run_id, file, scenario_name, arm, status = "pending", error;
  std::int64_t point = -1, replicate = -1, seed = -1, days_written = 0, days_planned = 0;
  std::vector<std::string> setting_paths;    // from the `settings` attribute
  std::map<std::string, ParamValue> params;  // every parameter of the run
  std::map<std::string, double> summary;
  bool has_file = false;
};

// Fills a row from one run file, whatever state it is in: a damaged file is a row saying
// so, never an exception. Attributes a damaged file cannot give keep the planned values.
void fill_row(RunReader& run, bool partial_file, Row& row) {
  auto get = [&](const char* name) -> std::optional<ParamValue> {
    try {
      return run.attribute(name);
    } catch (const InputError&) {
      return std::nullopt;
    }
  };
  auto text = [&](const char* name, const std::string& fallback) {
    auto v = get(name);
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : fallback;
  };
  auto integer = [&](const char* name, std::int64_t fallback) {
    auto v = get(name);
    return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : fallback;
  };
  const RunFileState state = run.state();
  // A .part file is a run stopped before its last day, even one killed mid-write.
  row.status = partial_file ? "partial" : state_name(state);
  row.error = state == RunFileState::failed ? text("error", "") : run.fault();
  row.has_file = run.is_open();
  if (!row.has_file) return;
  row.run_id = text("run_id", row.run_id);
  row.scenario_name = text("scenario_name", row.scenario_name);
  row.arm = text("arm", row.arm);
  row.point = integer("point", row.point);
  row.replicate = integer("replicate", row.replicate);
  row.seed = integer("seed", row.seed);
  row.days_written = integer("days_written", 0);
  row.days_planned = integer("days_planned", 0);
  for (const auto& line : split(text("settings", ""), '\n')) {
    auto eq = line.find(" = ");
    if (eq != std::string::npos) row.setting_paths.push_back(line.substr(0, eq));
  }
  try {
    auto params = run.parameters();
    if (!params.empty()) row.params = std::move(params);
  } catch (const InputError&) {
    // keeps the planned values
  }
  if (state != RunFileState::complete) return;
  for (const auto& m : run.platform_metrics()) {
    const auto& v = run.platform(m);
    double sum = 0;
    std::size_t count = 0;
    for (double x : v)
      if (!std::isnan(x)) sum += x, ++count;
    row.summary[m + "_final"] = v.empty() ? std::nan("") : v.back();
    row.summary[m + "_mean"] = count ? sum / static_cast<double>(count) : std::nan("");
  }
}

// The row of one run from DIR/<file> and DIR/<file>.part. A complete, sound <file> is the
// run; otherwise a .part is the latest attempt; otherwise <file> says what it is.
void read_run(const fs::path& dir, Row& row) {
  const fs::path published = dir / row.file, part = partial_path(published);
  std::error_code ec;
  const bool have_published = fs::exists(published, ec), have_part = fs::exists(part, ec);
  if (have_published) {
    RunReader run(published, RunReader::OnFault::record);
    if (run.state() == RunFileState::complete) run.verify_data();
    if (!have_part || run.state() == RunFileState::complete) return fill_row(run, false, row);
  }
  if (have_part) {
    RunReader run(part, RunReader::OnFault::record);
    row.file = part.filename().string();
    fill_row(run, true, row);
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
  write_text_atomically(dir / manifest_file_name, out.str());
}

IndexCounts build_index(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw InputError("'" + dir.string() + "' is not a folder");
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  load_fingerprints(dir);  // files of this folder's runs need no probe (written_files.hpp)

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
  // Run files nobody planned here (copied in, or written by `commsim run`): <id>.h5, and
  // <id>.h5.part for one still being written or stopped.
  std::set<std::string> others;
  IndexCounts counts;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file()) continue;
    if (name.ends_with(std::string(".h5") + partial_suffix))
      name.resize(name.size() - std::strlen(partial_suffix));
    else if (!name.ends_with(".h5"))
      continue;
    if (name == index_file_name || name == compare::summary_h5_name || listed.count(name)) continue;
    if (!fs::exists(dir / name)) {
      others.insert(name);  // only the .part: a run file in the making
      continue;
    }
    RunReader probe(dir / name, RunReader::OnFault::record);
    if (probe.is_open() || fs::exists(partial_path(dir / name)))
      others.insert(name);
    else
      counts.notes.push_back(name + ": not listed as a run, " + probe.fault() + "; left out");
  }
  for (const auto& name : others) {
    Row r;
    r.run_id = fs::path(name).stem().string();
    r.file = name;
    rows.push_back(std::move(r));
  }
  for (auto& r : rows) read_run(dir, r);

  // Columns: every parameter some run sets apart, in order of first appearance.
  std::vector<std::string> param_columns = manifest_columns;
  std::set<std::string> seen(param_columns.begin(), param_columns.end());
  for (const auto& r : rows)
    for (const auto& p : r.setting_paths)
      if (seen.insert(p).second) param_columns.push_back(p);
  std::set<std::string> summary_set;
  for (const auto& r : rows)
    for (const auto& [m, v] : r.summary) summary_set.insert(m);

  counts.total = rows.size();
  for (const auto& r : rows) {
    if (r.status == "complete")
      ++counts.complete;
    else if (r.status == "failed")
      ++counts.failed, counts.problems.push_back("failed: " + r.run_id + ": " + r.error);
    else if (r.status == "damaged")
      ++counts.damaged,
          counts.problems.push_back("damaged: " + r.run_id + " (" + r.file + "): " + r.error);
    else if (r.status == "partial")
      ++counts.partial;
    else
      ++counts.pending;
  }

  const fs::path final_path = dir / index_file_name;
  const fs::path tmp = temporary_name(final_path);
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
    w.attribute("runs_damaged", static_cast<std::int64_t>(counts.damaged));
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
  std::error_code ec;
  fs::rename(tmp, final_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw OutputError("index '" + final_path.string() + "': cannot rename '" + tmp.string() +
                      "' into place (" + ec.message() + ")");
  }
  return counts;
}

}  // namespace sim::batch
