#include "sim/compare/summary_files.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <variant>

#include "sim/compare/table_text.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/output/text_file.hpp"
#include "sim/version.hpp"

namespace sim::compare {
namespace {

namespace fs = std::filesystem;
using h5::Handle;

// ---- summary.h5 -----------------------------------------------------------------------

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// The swept parameter's value at `point`, as a CSV cell (exactly as run: 0.30000000000000004
// stays so, for a program to match it with the run files' parameters).
std::string point_value(const CompareSummary& s, std::int64_t point) {
  return value_text(s.sweep->values.at(static_cast<std::size_t>(point)));
}

// /summary/<parameter> or /runs/<parameter>: the swept value of each row, as integers, reals
// or text after the parameter's type.
void value_column(h5::Writer& w, hid_t group, const SweepAxis& axis,
                  const std::vector<std::int64_t>& points) {
  auto at = [&](std::int64_t p) -> const ParamValue& {
    return axis.values.at(static_cast<std::size_t>(p));
  };
  const bool all_int = std::all_of(points.begin(), points.end(), [&](std::int64_t p) {
    return std::holds_alternative<std::int64_t>(at(p));
  });
  if (all_int) {
    std::vector<std::int64_t> v;
    for (auto p : points) v.push_back(std::get<std::int64_t>(at(p)));
    w.ints(group, axis.parameter, v);
  } else if (numeric(axis)) {
    std::vector<double> v;
    for (auto p : points)
      v.push_back(std::holds_alternative<double>(at(p))
                      ? std::get<double>(at(p))
                      : static_cast<double>(std::get<std::int64_t>(at(p))));
    w.doubles(group, axis.parameter, v);
  } else {
    std::vector<std::string> v;
    for (auto p : points) v.push_back(value_text(at(p)));
    w.strings(group, axis.parameter, v);
  }
}

}  // namespace

std::string summary_csv(const CompareSummary& s) {
  // A sweep adds its columns (point, the parameter, reference_point) between the existing
  // ones; without one the columns are those of files written before sweeps.
  std::string out = "metric,unit,arm,arm_index,";
  if (s.sweep) out += "point," + csv_text(s.sweep->parameter) + ",";
  out += "reference_arm,";
  if (s.sweep) out += "reference_point,";
  out +=
      "n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,diff_df,"
      "p_value,hedges_g\n";
  const std::string reference = s.arms.empty() ? "" : s.arms[0].name;
  for (const auto& r : s.rows) {
    const auto& m = s.metrics[r.metric];
    const auto& w = r.vs_reference;
    out += csv_text(m.name) + "," + csv_text(m.unit) + "," + csv_text(s.arms[r.arm].name) + "," +
           std::to_string(r.arm) + ",";
    if (s.sweep) out += std::to_string(r.point) + "," + csv_text(point_value(s, r.point)) + ",";
    out += csv_text(reference) + ",";
    if (s.sweep) out += std::to_string(r.reference_point) + ",";
    out += std::to_string(r.stats.n) + "," + csv_number(r.stats.mean) + "," +
           csv_number(r.stats.sd) + "," + csv_number(r.stats.ci_low) + "," +
           csv_number(r.stats.ci_high) + "," + csv_number(w.difference) + "," +
           csv_number(w.ci_low) + "," + csv_number(w.ci_high) + "," + csv_number(w.df) + "," +
           csv_number(w.p_value) + "," + csv_number(r.hedges_g) + "\n";
  }
  return out;
}

std::string runs_csv(const CompareSummary& s) {
  std::string out = "run_id,arm,";
  if (s.sweep) out += "point," + csv_text(s.sweep->parameter) + ",";
  out += "replicate,seed";
  for (const auto& m : s.metrics) out.append(",").append(csv_text(m.name));
  out += "\n";
  for (const auto& r : s.runs) {
    out += csv_text(r.run_id) + "," + csv_text(r.arm) + ",";
    if (s.sweep) out += std::to_string(r.point) + "," + csv_text(point_value(s, r.point)) + ",";
    out += std::to_string(r.replicate) + "," + std::to_string(r.seed);
    for (double v : r.values) out.append(",").append(csv_number(v));
    out += "\n";
  }
  return out;
}

void write_summary_h5(const fs::path& path, const CompareSummary& s) {
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  const fs::path tmp = temporary_name(path);
  {
    h5::Writer w(tmp, "summary");
    w.create();
    const std::string reference = s.arms.empty() ? "" : s.arms[0].name;
    std::vector<std::string> arm_names, metric_names;
    for (const auto& a : s.arms) arm_names.push_back(a.name);
    for (const auto& m : s.metrics) metric_names.push_back(m.name);
    // No `commsim_version` attribute: that marks run files, and `commsim index` must not take
    // this file for one.
    w.attribute("created_by", std::string("commsim ") + version + " compare");
    w.attribute("summary_format_version", std::int64_t{summary_format_version});
    w.attribute("scenario_name", s.scenario_name);
    w.attribute("reference_arm", reference);
    w.attribute("arms", joined(arm_names));
    w.attribute("metrics", joined(metric_names));
    w.attribute("confidence_level", s.level);
    w.attribute("replicates", std::int64_t{s.replicates});
    w.attribute("seeds", std::string(s.common_seeds ? "common" : "independent"));
    w.attribute("reference", reference_text(s));
    if (s.sweep) {
      w.attribute("swept_parameter", s.sweep->parameter);
      w.attribute("points", static_cast<std::int64_t>(s.sweep->values.size()));
    }
    w.attribute("methods", methods_text(s));

    Handle summary = w.group(w.file(), "summary");
    auto text_col = [&](hid_t g, const char* name, auto get, const auto& rows) {
      std::vector<std::string> v;
      for (const auto& r : rows) v.push_back(get(r));
      w.strings(g, name, v);
    };
    auto int_col = [&](hid_t g, const char* name, auto get, const auto& rows) {
      std::vector<std::int64_t> v;
      for (const auto& r : rows) v.push_back(static_cast<std::int64_t>(get(r)));
      w.ints(g, name, v);
    };
    auto real_col = [&](hid_t g, const char* name, auto get, const auto& rows) {
      std::vector<double> v;
      for (const auto& r : rows) v.push_back(get(r));
      w.doubles(g, name, v);
    };
    hid_t sg = summary.get();
    text_col(
        sg, "metric", [&](const ArmRow& r) { return s.metrics[r.metric].name; }, s.rows);
    text_col(
        sg, "unit", [&](const ArmRow& r) { return s.metrics[r.metric].unit; }, s.rows);
    text_col(
        sg, "arm", [&](const ArmRow& r) { return s.arms[r.arm].name; }, s.rows);
    int_col(
        sg, "arm_index", [](const ArmRow& r) { return r.arm; }, s.rows);
    if (s.sweep) {
      std::vector<std::int64_t> points, references;
      for (const auto& r : s.rows) {
        points.push_back(r.point);
        references.push_back(r.reference_point);
      }
      w.ints(sg, "point", points);
      value_column(w, sg, *s.sweep, points);
      w.ints(sg, "reference_point", references);
    }
    int_col(
        sg, "n", [](const ArmRow& r) { return r.stats.n; }, s.rows);
    real_col(
        sg, "mean", [](const ArmRow& r) { return r.stats.mean; }, s.rows);
    real_col(
        sg, "sd", [](const ArmRow& r) { return r.stats.sd; }, s.rows);
    real_col(
        sg, "ci_low", [](const ArmRow& r) { return r.stats.ci_low; }, s.rows);
    real_col(
        sg, "ci_high", [](const ArmRow& r) { return r.stats.ci_high; }, s.rows);
    real_col(
        sg, "diff", [](const ArmRow& r) { return r.vs_reference.difference; }, s.rows);
    real_col(
        sg, "diff_ci_low", [](const ArmRow& r) { return r.vs_reference.ci_low; }, s.rows);
    real_col(
        sg, "diff_ci_high", [](const ArmRow& r) { return r.vs_reference.ci_high; }, s.rows);
    real_col(
        sg, "diff_df", [](const ArmRow& r) { return r.vs_reference.df; }, s.rows);
    real_col(
        sg, "p_value", [](const ArmRow& r) { return r.vs_reference.p_value; }, s.rows);
    real_col(
        sg, "hedges_g", [](const ArmRow& r) { return r.hedges_g; }, s.rows);

    Handle runs = w.group(w.file(), "runs");
    hid_t rg = runs.get();
    text_col(
        rg, "run_id", [](const RunMeasures& r) { return r.run_id; }, s.runs);
    text_col(
        rg, "arm", [](const RunMeasures& r) { return r.arm; }, s.runs);
    int_col(
        rg, "arm_index", [](const RunMeasures& r) { return r.arm_index; }, s.runs);
    if (s.sweep) {
      std::vector<std::int64_t> points;
      for (const auto& r : s.runs) points.push_back(r.point);
      w.ints(rg, "point", points);
      value_column(w, rg, *s.sweep, points);
    }
    int_col(
        rg, "replicate", [](const RunMeasures& r) { return r.replicate; }, s.runs);
    int_col(
        rg, "seed", [](const RunMeasures& r) { return r.seed; }, s.runs);
    Handle values = w.group(rg, "metrics");
    for (std::size_t m = 0; m < s.metrics.size(); ++m)
      real_col(
          values.get(), s.metrics[m].name.c_str(),
          [m](const RunMeasures& r) { return r.values[m]; }, s.runs);

    Handle metrics = w.group(w.file(), "metrics");
    hid_t mg = metrics.get();
    text_col(
        mg, "name", [](const MetricInfo& m) { return m.name; }, s.metrics);
    text_col(
        mg, "unit", [](const MetricInfo& m) { return m.unit; }, s.metrics);
    text_col(
        mg, "description", [](const MetricInfo& m) { return m.description; }, s.metrics);
    w.flush();
    w.close();
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec)
    throw OutputError("cannot rename '" + tmp.string() + "' to '" + path.string() +
                      "': " + ec.message());
}

void write_summary_files(const fs::path& dir, const CompareSummary& s) {
  write_summary_h5(dir / summary_h5_name, s);
  write_text_atomically(dir / runs_csv_name, runs_csv(s));
  write_text_atomically(dir / summary_md_name, summary_markdown(s));
  write_text_atomically(dir / summary_csv_name, summary_csv(s));
}

void remove_summary_files(const fs::path& dir) {
  // The files, and temporary ones a killed writer left (<name>.tmp.<pid>.<n>).
  std::vector<fs::path> stale;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    for (const char* name : {summary_csv_name, summary_md_name, summary_h5_name, runs_csv_name}) {
      const std::string file = e.path().filename().string();
      if (file == name || file.rfind(std::string(name) + ".tmp", 0) == 0) stale.push_back(e.path());
    }
  for (const auto& p : stale) {
    fs::remove(p, ec);
    if (ec) throw OutputError("cannot remove the stale '" + p.string() + "': " + ec.message());
  }
}

void write_text_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    f.flush();
    if (!f) throw OutputError("cannot write '" + tmp.string() + "'");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec)
    throw OutputError("cannot rename '" + tmp.string() + "' to '" + path.string() +
                      "': " + ec.message());
}

}  // namespace sim::compare
