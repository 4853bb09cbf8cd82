// compare with a one-parameter sweep (a dose-response): rows per metric x point x arm, the
// reference (first arm at the same point, or the first point without arms), numbers equal
// to the statistics functions on each cell, and the sweep's columns in the four files.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "sim/compare/compare_summary.hpp"
#include "sim/compare/summary_files.hpp"
#include "support/h5_read.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using namespace sim::compare;
namespace fs = std::filesystem;

namespace {

const SweepAxis fee{"groups.fee", {ParamValue{0.0}, ParamValue{0.5}, ParamValue{2.0}}};

// The value of replicate r of `arm` at `point`: every cell has its own mean and spread, so a
// row computed from the wrong cell (another point, another arm) gives other numbers.
double value(std::size_t arm, std::int64_t point, int r) {
  const double spread[] = {-1.0, 0.5, 0.75};
  return 10.0 * static_cast<double>(point) + 3.0 * static_cast<double>(arm) +
         spread[r] * (1.0 + static_cast<double>(point) + 2.0 * static_cast<double>(arm));
}

std::vector<double> cell(std::size_t arm, std::int64_t point) {
  return {value(arm, point, 0), value(arm, point, 1), value(arm, point, 2)};
}

// Runs of `arms` arms x 3 points x 3 replicates, one metric, in the plan's run order
// (replicate, point, arm) rather than the summary's.
std::vector<RunMeasures> runs(std::size_t arms) {
  const char* names[] = {"control", "leaderless"};
  std::vector<RunMeasures> out;
  for (int r = 0; r < 3; ++r)
    for (std::int64_t p : {0, 2, 1})
      for (std::size_t a = 0; a < arms; ++a) {
        RunMeasures m;
        m.arm = names[a];
        m.arm_index = a;
        m.point = p;
        m.replicate = r;
        m.run_id = "d." + m.arm + ".p" + std::to_string(p) + ".r" + std::to_string(r);
        m.values = {value(a, p, r)};
        out.push_back(m);
      }
  return out;
}

CompareSummary with_arms() {
  CompareSummary s =
      summarize({{"control", ""}, {"leaderless", "groups.moderators = 0\n"}},
                {{"final_size", "members", "members at the end"}}, runs(2), 0.95, fee);
  s.scenario_name = "d";
  s.replicates = 3;
  return s;
}

CompareSummary without_arms() {
  CompareSummary s = summarize({{"base", ""}}, {{"final_size", "members", "members at the end"}},
                               runs(1), 0.95, fee);
  s.scenario_name = "d";
  s.replicates = 3;
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("sweep with arms: each arm against the first arm at the same point", "[compare]") {
  const CompareSummary s = with_arms();
  REQUIRE_FALSE(s.reference_is_point());
  REQUIRE(s.rows.size() == 3 * 2);
  CHECK(s.runs.front().run_id == "d.control.p0.r0");  // by arm, point, replicate
  CHECK(s.runs[3].run_id == "d.control.p1.r0");
  CHECK(s.runs.back().run_id == "d.leaderless.p2.r2");
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    const ArmRow& row = s.rows[i];
    const auto point = static_cast<std::int64_t>(i / 2);
    CHECK(row.point == point);
    CHECK(row.arm == i % 2);
    CHECK(row.reference_point == point);
    CHECK(row.stats.mean == Approx(stats::describe(cell(row.arm, point)).mean));
    CHECK(row.stats.ci_low == stats::describe(cell(row.arm, point)).ci_low);
    if (row.arm == 0) {
      CHECK(row.reference);
      CHECK(row.vs_reference.difference == 0);
      CHECK(std::isnan(row.vs_reference.p_value));
      continue;
    }
    CHECK_FALSE(row.reference);
    const auto w = stats::welch_test(cell(1, point), cell(0, point));
    CHECK(row.vs_reference.difference == w.difference);
    CHECK(row.vs_reference.difference == Approx(3.0 + 2.0 * (0.25 / 3.0)));
    CHECK(row.vs_reference.ci_low == w.ci_low);
    CHECK(row.vs_reference.ci_high == w.ci_high);
    CHECK(row.vs_reference.df == w.df);
    CHECK(row.vs_reference.p_value == w.p_value);
    CHECK(row.hedges_g == stats::hedges_g(cell(1, point), cell(0, point)));
  }
}

TEST_CASE("sweep without arms: each point against the first point", "[compare]") {
  const CompareSummary s = without_arms();
  REQUIRE(s.reference_is_point());
  REQUIRE(s.rows.size() == 3);
  CHECK(s.rows[0].reference);
  CHECK(s.rows[0].vs_reference.difference == 0);
  for (std::int64_t p = 1; p < 3; ++p) {
    const ArmRow& row = s.rows[static_cast<std::size_t>(p)];
    CHECK(row.point == p);
    CHECK(row.reference_point == 0);
    CHECK_FALSE(row.reference);
    const auto w = stats::welch_test(cell(0, p), cell(0, 0));
    CHECK(row.vs_reference.difference == w.difference);
    CHECK(row.vs_reference.difference == Approx(10.0 * static_cast<double>(p) + p * 0.25 / 3.0));
    CHECK(row.vs_reference.ci_low == w.ci_low);
    CHECK(row.vs_reference.p_value == w.p_value);
    CHECK(row.hedges_g == stats::hedges_g(cell(0, p), cell(0, 0)));
  }
  CHECK_THAT(methods_text(s), Catch::Contains("Per sweep point") &&
                                  Catch::Contains("the first sweep point (groups.fee = 0.0)") &&
                                  Catch::Contains("(point - reference)"));
}

TEST_CASE("summarize refuses a run outside the sweep", "[compare]") {
  auto bad = runs(1);
  bad[4].point = 3;
  CHECK_THROWS_WITH(summarize({{"base", ""}}, {{"x", "", ""}}, bad, 0.95, fee),
                    Catch::Contains("point 3 is not in the sweep"));
  auto unswept = runs(1);
  CHECK_THROWS(summarize({{"base", ""}}, {{"x", "", ""}}, unswept));  // points, no sweep
}

TEST_CASE("sweep summary.csv and runs.csv: point and parameter columns", "[compare]") {
  const auto rows = lines_of(summary_csv(with_arms()));
  REQUIRE(rows.size() == 1 + 6);
  CHECK(rows[0] ==
        "metric,unit,arm,arm_index,point,groups.fee,reference_arm,reference_point,n,mean,sd,ci_"
        "low,ci_high,diff,diff_ci_low,diff_ci_high,diff_df,p_value,hedges_g");
  CHECK(rows[1].rfind("final_size,members,control,0,0,0.0,control,0,3,", 0) == 0);
  CHECK_THAT(rows[1], Catch::EndsWith(",0,0,0,NA,NA,0"));
  CHECK(rows[6].rfind("final_size,members,leaderless,1,2,2.0,control,2,3,", 0) == 0);

  const auto plain = lines_of(summary_csv(without_arms()));
  CHECK(plain[3].rfind("final_size,members,base,0,2,2.0,base,0,3,", 0) == 0);

  const auto r = lines_of(runs_csv(with_arms()));
  REQUIRE(r.size() == 1 + 18);
  CHECK(r[0] == "run_id,arm,point,groups.fee,replicate,seed,final_size");
  CHECK(r[1] == "d.control.p0.r0,control,0,0.0,0,0,-1");
}

TEST_CASE("sweep summary.md: a table per metric, value x arm, naming the reference", "[compare]") {
  const std::string md = summary_markdown(with_arms());
  CHECK_THAT(md, Catch::StartsWith("# Dose-response: d over groups.fee"));
  CHECK_THAT(md, Catch::Contains("3 points of groups.fee (0, 0.5, 2) x 2 arms x 3 replicates"));
  CHECK_THAT(md, Catch::Contains("compared with the first arm 'control' at the same groups.fee"));
  CHECK_THAT(md, Catch::Contains("### final_size (members)"));
  CHECK_THAT(md, Catch::Contains("| groups.fee | arm | n | mean [95% CI] | diff vs control [95% "
                                 "CI] | Hedges' g | p (Welch) |"));
  CHECK_THAT(md, Catch::Contains("| 0.5 | control | 3 | 10.17 ["));
  CHECK_THAT(md, Catch::Contains("| 0.5 | leaderless | 3 | 13.33 [") &&
                     Catch::Contains("| 3.167 ["));  // diff 3 + 2 * 0.25 / 3
  CHECK_THAT(md, Catch::Contains("| leaderless | groups.moderators = 0 |"));

  const std::string plain = summary_markdown(without_arms());
  CHECK_THAT(plain, Catch::Contains("compared with the first sweep point (groups.fee = 0.0)"));
  CHECK_THAT(plain, Catch::Contains("| groups.fee | n | mean [95% CI] | diff vs groups.fee = 0 "));
  CHECK_THAT(plain, Catch::Contains("| 0 | 3 | 0.08333 [") && Catch::Contains("(reference)"));
  CHECK_THAT(plain, !Catch::Contains("## Arms"));  // one arm: nothing to list
}

TEST_CASE("sweep summary.h5: point, parameter and reference columns and attributes", "[compare]") {
  const fs::path dir = testing_support::scratch_dir("compare-sweep-files");
  write_summary_files(dir, with_arms());
  const std::string h5 = (dir / summary_h5_name).string();
  auto point = testing_support::read_dataset(h5, "/summary/point");
  CHECK(point.values == std::vector<double>{0, 0, 1, 1, 2, 2});
  auto value = testing_support::read_dataset(h5, "/summary/groups.fee");
  CHECK(value.values == std::vector<double>{0, 0, 0.5, 0.5, 2, 2});
  auto reference = testing_support::read_dataset(h5, "/summary/reference_point");
  CHECK(reference.values == point.values);
  auto run_value = testing_support::read_dataset(h5, "/runs/groups.fee");
  CHECK(run_value.dims == std::vector<hsize_t>{18});
  CHECK(testing_support::read_string_attr(h5, "swept_parameter") == "groups.fee");
  CHECK(testing_support::read_string_attr(h5, "reference") ==
        "the first arm 'control' at the same groups.fee");
  CHECK(testing_support::read_int_attr(h5, "points") == 3);

  write_summary_files(dir, without_arms());
  CHECK(testing_support::read_dataset(h5, "/summary/reference_point").values ==
        std::vector<double>{0, 0, 0});
  CHECK(testing_support::read_string_attr(h5, "reference") ==
        "the first sweep point (groups.fee = 0.0)");
}
