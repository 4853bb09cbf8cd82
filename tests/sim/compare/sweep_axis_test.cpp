// The sweep compare accepts: one parameter over a list or a { from, to, step } range. Other
// designs are refused at the key that makes them so (file, line, key).
#include <catch2/catch.hpp>

#include <fstream>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/compare/sweep_axis.hpp"
#include "sim/core/input_error.hpp"
#include "support/test_paths.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

// The sweep of a scenario file whose [sweep] section (from line 3) is `sweep`.
batch::SweepDesign sweep_of(const std::string& sweep, const std::string& csv = "") {
  const fs::path dir = testing_support::scratch_dir("sweep-axis");
  if (!csv.empty()) std::ofstream(dir / "points.csv") << csv;
  std::ofstream(dir / "s.toml") << "[run]\ndays = 2\n[sweep]\n" << sweep;
  auto plan = batch::plan_runs({(dir / "s.toml").string()}, models::all_params());
  return *plan.sources.at(0).sweep;
}

std::string refusal(const batch::SweepDesign& d) {
  try {
    compare::one_axis(d);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("one_axis: a list or a range of one parameter, values by point number", "[compare]") {
  // interleaved run order (0, 2, 1, ...) must not reorder the points
  auto list = compare::one_axis(sweep_of("groups.fee = [0.0, 2.0, 0.5]\n"));
  CHECK(list.parameter == "groups.fee");
  CHECK(list.values == std::vector<ParamValue>{0.0, 2.0, 0.5});
  CHECK(compare::numeric(list));
  auto range = compare::one_axis(sweep_of("groups.count = { from = 2, to = 6, step = 2 }\n"));
  CHECK(range.values == std::vector<ParamValue>{std::int64_t{2}, std::int64_t{4}, std::int64_t{6}});
  auto text = compare::one_axis(sweep_of("graph.kind = [\"sbm\", \"watts_strogatz\"]\n"));
  CHECK_FALSE(compare::numeric(text));
  CHECK(compare::value_text(text.values[1]) == "watts_strogatz");
}

TEST_CASE("one_axis refuses designs of several parameters, naming file, line and key",
          "[compare]") {
  CHECK_THAT(refusal(sweep_of("groups.fee = [0.0, 1.0]\ngroups.count = [2, 3]\n")),
             Catch::Contains("s.toml:5") && Catch::Contains("key 'sweep.groups.count'") &&
                 Catch::Contains("also varies 'groups.fee'") && Catch::Contains("commsim sweep"));
  CHECK_THAT(
      refusal(sweep_of("design = \"lhs\"\nsamples = 4\ngroups.fee = { from = 0, to = 1 }\n")),
      Catch::Contains("s.toml:4") && Catch::Contains("key 'sweep.design'") &&
          Catch::Contains("not design = \"lhs\""));
  CHECK_THAT(
      refusal(sweep_of("design = \"sobol\"\nsamples = 4\ngroups.fee = { from = 0, to = 1 }\n")),
      Catch::Contains("s.toml:4") && Catch::Contains("not design = \"sobol\""));
  CHECK_THAT(refusal(sweep_of("table = \"points.csv\"\n", "groups.fee\n0.5\n1.0\n")),
             Catch::Contains("s.toml:4") && Catch::Contains("key 'sweep.table'") &&
                 Catch::Contains("not a table of points"));
}
