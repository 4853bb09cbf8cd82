// The compare summary: rows per metric x arm, the first arm as reference, numbers equal to
// the statistics functions, and the four files (CSV, runs CSV, Markdown, HDF5).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "models/registry.hpp"
#include "sim/compare/compare_summary.hpp"
#include "sim/compare/summary_files.hpp"
#include "sim/core/input_error.hpp"
#include "support/h5_read.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using namespace sim::compare;
namespace fs = std::filesystem;

namespace {

const double nan = std::nan("");

// 2 arms x 3 replicates, 2 metrics; given out of order to check the sorting.
std::vector<RunMeasures> runs() {
  return {
      {"x.treated.r0", "treated", 1, 0, 11, {5.5, 1.0}},
      {"x.control.r1", "control", 0, 1, 22, {4.7, 2.0}},
      {"x.control.r0", "control", 0, 0, 33, {3.1, nan}},
      {"x.treated.r1", "treated", 1, 1, 44, {9.1, 1.0}},
      {"x.control.r2", "control", 0, 2, 55, {2.2, 4.0}},
      {"x.treated.r2", "treated", 1, 2, 66, {7.7, 1.0}},
  };
}

CompareSummary example() {
  CompareSummary s = summarize(
      {{"control", ""}, {"treated", "groups.moderators = 0\n"}},
      {{"size", "members", "group size"}, {"share", "share", "a share, with a NaN"}}, runs());
  s.scenario_name = "x";
  s.replicates = 3;
  return s;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("summarize: one row per metric x arm, the first arm the reference", "[compare]") {
  const CompareSummary s = example();
  REQUIRE(s.rows.size() == 4);
  CHECK(s.runs[0].run_id == "x.control.r0");
  CHECK(s.runs[2].run_id == "x.control.r2");
  CHECK(s.runs[3].run_id == "x.treated.r0");
  CHECK(
      (s.rows[0].metric == 0 && s.rows[0].arm == 0 && s.rows[1].metric == 0 && s.rows[1].arm == 1));
  CHECK((s.rows[2].metric == 1 && s.rows[3].metric == 1));

  const ArmRow& ref = s.rows[0];
  CHECK(ref.reference);
  CHECK(ref.vs_reference.difference == 0);
  CHECK(ref.vs_reference.ci_low == 0);
  CHECK(ref.vs_reference.ci_high == 0);
  CHECK(ref.hedges_g == 0);
  CHECK(ref.stats.n == 3);
  CHECK(ref.stats.mean == Approx(10.0 / 3));

  const ArmRow& treated = s.rows[1];
  CHECK_FALSE(treated.reference);
  const std::vector<double> c = {3.1, 4.7, 2.2}, t = {5.5, 9.1, 7.7};
  auto w = stats::welch_test(t, c);
  CHECK(treated.vs_reference.difference == w.difference);
  CHECK(treated.vs_reference.ci_low == w.ci_low);
  CHECK(treated.vs_reference.df == w.df);
  CHECK(treated.hedges_g == stats::hedges_g(t, c));
  CHECK(treated.stats.ci_high == stats::describe(t).ci_high);

  // NaN left out: control has n = 2 on the second metric; treated is constant.
  CHECK(s.rows[2].stats.n == 2);
  CHECK(s.rows[3].stats.sd == 0);
  CHECK(s.rows[3].vs_reference.difference == Approx(1.0 - 3.0));
}

TEST_CASE("summary.csv and runs.csv: header, one row per metric x arm / per run, NA for NaN",
          "[compare]") {
  const CompareSummary s = example();
  const std::string csv = summary_csv(s);
  std::istringstream in(csv);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  REQUIRE(lines.size() == 1 + 4);
  CHECK(lines[0] ==
        "metric,unit,arm,arm_index,reference_arm,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_"
        "high,diff_df,"
        "p_value,hedges_g");
  CHECK(lines[1].rfind("size,members,control,0,control,3,", 0) == 0);
  CHECK_THAT(lines[1], Catch::EndsWith(",0,0,0,NA,NA,0"));  // the reference: difference 0
  CHECK(lines[2].rfind("size,members,treated,1,control,3,7.43333333333,", 0) == 0);
  CHECK(lines[3].rfind("share,share,control,0,control,2,3,", 0) == 0);

  const std::string r = runs_csv(s);
  CHECK(r.rfind("run_id,arm,replicate,seed,size,share\nx.control.r0,control,0,33,3.1,NA\n", 0) ==
        0);
  CHECK(std::count(r.begin(), r.end(), '\n') == 7);
}

TEST_CASE("summary.md names the method and has a row per metric x arm", "[compare]") {
  const std::string md = summary_markdown(example());
  CHECK_THAT(md, Catch::Contains("Hedges' g") && Catch::Contains("Welch") &&
                     Catch::Contains("Student t") &&
                     Catch::Contains("exact small-sample correction"));
  CHECK_THAT(md,
             Catch::Contains("| size | control | 3 | 3.333 |") && Catch::Contains("(reference)"));
  CHECK_THAT(md, Catch::Contains("| size | treated | 3 | 7.433 |") &&
                     Catch::Contains("| share | treated |"));
  CHECK_THAT(md, Catch::Contains("| treated | groups.moderators = 0 |"));
}

TEST_CASE("the summary files are written, read back, and removed", "[compare]") {
  const fs::path dir = testing_support::scratch_dir("compare-files");
  const CompareSummary s = example();
  write_summary_files(dir, s);
  for (const char* name : {summary_csv_name, summary_md_name, summary_h5_name, runs_csv_name})
    CHECK(fs::exists(dir / name));
  CHECK_FALSE(fs::exists(dir / "summary.h5.tmp"));
  CHECK(slurp(dir / summary_csv_name) == summary_csv(s));

  const std::string h5 = (dir / summary_h5_name).string();
  auto diff = testing_support::read_dataset(h5, "/summary/diff");
  REQUIRE(diff.dims == std::vector<hsize_t>{4});
  CHECK(diff.values[0] == 0);
  CHECK(diff.values[1] == s.rows[1].vs_reference.difference);
  auto g = testing_support::read_dataset(h5, "/summary/hedges_g");
  CHECK(g.values[1] == s.rows[1].hedges_g);
  auto share = testing_support::read_dataset(h5, "/runs/metrics/share");
  REQUIRE(share.dims == std::vector<hsize_t>{6});
  CHECK(std::isnan(share.values[0]));
  CHECK(testing_support::read_string_attr(h5, "reference_arm") == "control");
  CHECK_THAT(testing_support::read_string_attr(h5, "methods"), Catch::Contains("Hedges' g"));
  // Not to be taken for a run file by `commsim index`.
  CHECK_THROWS(testing_support::read_string_attr(h5, "commsim_version"));

  // Same input, same bytes.
  const std::string first = slurp(dir / summary_h5_name);
  write_summary_files(dir, s);
  CHECK(slurp(dir / summary_h5_name) == first);

  remove_summary_files(dir);
  for (const char* name : {summary_csv_name, summary_md_name, summary_h5_name, runs_csv_name})
    CHECK_FALSE(fs::exists(dir / name));
}

TEST_CASE("measure_runs refuses missing run files, naming them", "[compare]") {
  const fs::path dir = testing_support::scratch_dir("compare-measure");
  std::ofstream(dir / "m.toml")
      << "[run]\ndays = 2\n[arms.a]\n[arms.b]\ngroups.moderators = 0\n[replicates]\ncount = 2\n";
  auto plan = batch::plan_runs({(dir / "m.toml").string()}, models::all_params());
  REQUIRE(plan.runs.size() == 4);
  CHECK_THROWS_WITH(measure_runs(plan, dir, {}),
                    Catch::Contains("m.a.r0.h5") && Catch::Contains("no such file"));
}
