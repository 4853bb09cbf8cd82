#include "sim/compare/summary_files.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/hdf5_handle.hpp"
#include "sim/version.hpp"

namespace sim::compare {
namespace {

namespace fs = std::filesystem;
using h5::Handle;

// Numbers in CSV: 12 significant digits, NA for NaN.
std::string csv_number(double v) {
  if (std::isnan(v)) return "NA";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", v == 0 ? 0.0 : v);  // no "-0"
  return buf;
}

// Numbers for people: 4 significant digits, n/a for NaN.
std::string md_number(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.4g", v == 0 ? 0.0 : v);
  return buf;
}

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string md_text(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "; ";
    else
      out += c;
  }
  return out;
}

std::string percent(double level) {
  return std::to_string(static_cast<int>(std::lround(level * 100))) + "%";
}

// ---- summary.h5 -----------------------------------------------------------------------

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

}  // namespace

std::string summary_csv(const CompareSummary& s) {
  std::string out =
      "metric,unit,arm,arm_index,reference_arm,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_"
      "high,diff_df,"
      "p_value,hedges_g\n";
  const std::string reference = s.arms.empty() ? "" : s.arms[0].name;
  for (const auto& r : s.rows) {
    const auto& m = s.metrics[r.metric];
    const auto& w = r.vs_reference;
    out += csv_text(m.name) + "," + csv_text(m.unit) + "," + csv_text(s.arms[r.arm].name) + "," +
           std::to_string(r.arm) + "," + csv_text(reference) + "," + std::to_string(r.stats.n) +
           "," + csv_number(r.stats.mean) + "," + csv_number(r.stats.sd) + "," +
           csv_number(r.stats.ci_low) + "," + csv_number(r.stats.ci_high) + "," +
           csv_number(w.difference) + "," + csv_number(w.ci_low) + "," + csv_number(w.ci_high) +
           "," + csv_number(w.df) + "," + csv_number(w.p_value) + "," + csv_number(r.hedges_g) +
           "\n";
  }
  return out;
}

std::string runs_csv(const CompareSummary& s) {
  std::string out = "run_id,arm,replicate,seed";
  for (const auto& m : s.metrics) out.append(",").append(csv_text(m.name));
  out += "\n";
  for (const auto& r : s.runs) {
    out += csv_text(r.run_id) + "," + csv_text(r.arm) + "," + std::to_string(r.replicate) + "," +
           std::to_string(r.seed);
    for (double v : r.values) out.append(",").append(csv_number(v));
    out += "\n";
  }
  return out;
}

std::string summary_markdown(const CompareSummary& s) {
  const std::string reference = s.arms.empty() ? "" : s.arms[0].name;
  const std::string pct = percent(s.level);
  std::string out = "# Comparison of arms: " + md_text(s.scenario_name) + "\n\n";
  out += std::to_string(s.arms.size()) + " arms x " + std::to_string(s.replicates) +
         " replicates = " + std::to_string(s.runs.size()) + " runs, every one complete; seeds " +
         (s.common_seeds ? "common to every arm (common random numbers)" : "independent per arm") +
         "; commsim " + version + ".\n\n";
  out += "**Statistics.** " + methods_text(s.level, reference) + "\n\n";
  out += "## Arms\n\n| arm | settings (on the scenario's base) |\n|---|---|\n";
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    std::string settings = s.arms[a].settings;
    while (!settings.empty() && settings.back() == '\n') settings.pop_back();
    out += "| " + md_text(s.arms[a].name) + (a == 0 ? " (reference)" : "") + " | " +
           (settings.empty() ? "(the base as it is)" : md_text(settings)) + " |\n";
  }
  out += "\n## Results\n\n";
  out += "| metric | arm | n | mean | " + pct + " CI | diff vs " + md_text(reference) + " | " +
         pct + " CI of diff | Hedges' g | p (Welch) |\n";
  out += "|---|---|---:|---:|---|---:|---|---:|---:|\n";
  for (const auto& r : s.rows) {
    const auto& w = r.vs_reference;
    out += "| " + md_text(s.metrics[r.metric].name) + " | " + md_text(s.arms[r.arm].name) + " | " +
           std::to_string(r.stats.n) + " | " + md_number(r.stats.mean) + " | [" +
           md_number(r.stats.ci_low) + ", " + md_number(r.stats.ci_high) + "] | ";
    if (r.reference)
      out += "(reference) | | | |\n";
    else
      out += md_number(w.difference) + " | [" + md_number(w.ci_low) + ", " + md_number(w.ci_high) +
             "] | " + md_number(r.hedges_g) + " | " + md_number(w.p_value) + " |\n";
  }
  out += "\n## Metrics\n\n| metric | unit | definition |\n|---|---|---|\n";
  for (const auto& m : s.metrics)
    out +=
        "| " + md_text(m.name) + " | " + md_text(m.unit) + " | " + md_text(m.description) + " |\n";
  out +=
      "\nPer-run values: `runs.csv` and `summary.h5` (`/runs`); every number in `summary.csv` at "
      "full "
      "precision. The run files are `<run id>.h5` in this folder, listed in `index.h5`.\n";
  return out;
}

void write_summary_h5(const fs::path& path, const CompareSummary& s) {
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  fs::path tmp = path;
  tmp += ".tmp";
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
    w.attribute("methods", methods_text(s.level, reference));

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
  for (const char* name : {summary_csv_name, summary_md_name, summary_h5_name, runs_csv_name}) {
    for (const fs::path& p : {dir / name, fs::path((dir / name).string() + ".tmp")}) {
      std::error_code ec;
      fs::remove(p, ec);
      if (ec) throw OutputError("cannot remove the stale '" + p.string() + "': " + ec.message());
    }
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
