// Reading run files back: attributes, /daily as [day][group] with NaN before a group
// existed, /platform, the complete flag, and errors that name the file and the dataset.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

#include "models/registry.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/run_file.hpp"
#include "sim/output/run_reader.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using testing_support::scratch_dir;

namespace {

const std::vector<MetricSpec> daily_specs = {{"size", "members", "members"},
                                             {"posts", "posts/day", "posts"}};
const std::vector<MetricSpec> platform_specs = {{"total", "members", "all members"}};

// Days 0-1 have 2 groups, later days 3 (a group founded on day 2).
DayFrame frame_for(Day d) {
  const std::size_t groups = d < 2 ? 2 : 3;
  DayFrame f;
  f.reset(daily_specs.size(), platform_specs.size(), groups);
  for (std::size_t g = 0; g < groups; ++g) {
    f.at(0, g) = 100.0 * d + g;
    f.at(1, g) = 0.5 * d - g;
  }
  f.platform[0] = d * 1000.0;
  return f;
}

std::string write_run(const std::string& name, Day days, bool finish) {
  static Parameters params(models::all_params());
  auto path = (scratch_dir("reader-" + name) / "run.h5").string();
  RunHeader header{777,    "[run]\n",
                   "unit", &params,
                   5,      {{"arm", std::string("control")}, {"replicate", std::int64_t{2}}}};
  RunFile file(path, header, daily_specs, platform_specs, {2, 4});
  for (Day d = 0; d < days; ++d) file.append(frame_for(d));
  if (finish) file.finish();
  return path;
}

}  // namespace

TEST_CASE("RunReader reads attributes, /daily matrices and /platform series", "[output]") {
  const auto path = write_run("full", 5, true);
  RunReader run(path);
  CHECK(run.complete());
  CHECK_NOTHROW(run.require_complete());
  CHECK(run.days_written() == 5);
  CHECK(run.int_attribute("seed") == 777);
  CHECK(run.int_attribute("replicate") == 2);
  CHECK(run.text_attribute("arm") == "control");
  CHECK(run.text_attribute("scenario_name") == "unit");
  CHECK_FALSE(run.attribute("no_such_attribute").has_value());
  CHECK(run.daily_metrics() == std::vector<std::string>{"posts", "size"});
  CHECK(run.platform_metrics() == std::vector<std::string>{"total"});
  CHECK(run.has_daily("size"));
  CHECK_FALSE(run.has_daily("nope"));
  CHECK(run.has_platform("total"));

  const DailyMatrix& size = run.daily("size");
  REQUIRE(size.days == 5);
  REQUIRE(size.groups == 3);
  for (std::size_t d = 0; d < 5; ++d)
    for (std::size_t g = 0; g < 3; ++g) {
      INFO("day " << d << " group " << g);
      if (d < 2 && g == 2)
        CHECK(std::isnan(size.at(d, g)));  // not founded yet
      else
        CHECK(size.at(d, g) == 100.0 * d + g);
    }
  CHECK(run.daily("posts").at(4, 1) == 1.0);
  CHECK(&run.daily("size") == &size);  // read once
  const auto& total = run.platform("total");
  CHECK(total == std::vector<double>{0, 1000, 2000, 3000, 4000});
}

TEST_CASE("RunReader: a stopped run is not complete and holds only its written days", "[output]") {
  const auto path = write_run("partial", 3, false);
  // Nothing unfinished carries the finished name: the partial file is run.h5.part.
  CHECK_THROWS_WITH(RunReader(path),
                    Catch::Contains("not complete") && Catch::Contains(path + ".part"));
  RunReader run(path + ".part");
  CHECK_FALSE(run.complete());
  CHECK(run.days_written() == 3);
  CHECK(run.daily("size").days == 3);
  CHECK(run.platform("total").size() == 3);
  CHECK_THROWS_WITH(run.require_complete(), Catch::Contains(path + ".part") &&
                                                Catch::Contains("not complete") &&
                                                Catch::Contains("days_written 3 of 5"));
}

TEST_CASE("RunReader errors name the file and the dataset", "[output]") {
  const auto path = write_run("errors", 5, true);
  RunReader run(path);
  CHECK_THROWS_AS(run.daily("nope"), InputError);
  CHECK_THROWS_WITH(run.daily("nope"), Catch::Contains(path) && Catch::Contains("/daily/nope"));
  CHECK_THROWS_WITH(run.platform("size"),
                    Catch::Contains(path) && Catch::Contains("/platform/size"));
  CHECK_THROWS_WITH(run.text_attribute("seed"), Catch::Contains("'seed' is not text"));
  CHECK_THROWS_WITH(run.int_attribute("missing"),
                    Catch::Contains(path) && Catch::Contains("no attribute 'missing'"));

  const auto dir = scratch_dir("reader-bad");
  CHECK_THROWS_WITH(RunReader(dir / "absent.h5"),
                    Catch::Contains("absent.h5") && Catch::Contains("no such file"));
  std::ofstream(dir / "text.h5") << "not hdf5\n";
  CHECK_THROWS_WITH(RunReader(dir / "text.h5"),
                    Catch::Contains("text.h5") && Catch::Contains("not an HDF5 file"));
}
