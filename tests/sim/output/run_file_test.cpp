#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include "models/registry.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/run_file.hpp"
#include "support/h5_read.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using namespace testing_support;

namespace {

const std::vector<MetricSpec> daily_specs = {{"size", "members", "members"},
                                             {"posts", "posts/day", "posts"}};
const std::vector<MetricSpec> platform_specs = {{"total", "members", "all members"}};

DayFrame frame_for(Day d, std::size_t groups) {
  DayFrame f;
  f.reset(daily_specs.size(), platform_specs.size(), groups);
  for (std::size_t g = 0; g < groups; ++g) {
    f.at(0, g) = 100.0 * d + g;
    f.at(1, g) = 0.5 * d - g;
  }
  f.platform[0] = d * 1000.0;
  return f;
}

RunHeader header_for(const Parameters& p) {
  return RunHeader{12345, "[run]\ndays = 5\n", "unit", &p, 5, {{"arm", std::string("control")}}};
}

}  // namespace

TEST_CASE("a run file round-trips its days, attributes and parameters", "[output]") {
  auto path = (scratch_dir("roundtrip") / "run.h5").string();
  Parameters params(models::all_params());
  {
    RunFile file(path, header_for(params), daily_specs, platform_specs, {2, 4});
    for (Day d = 0; d < 5; ++d) file.append(frame_for(d, 3));
    file.finish();
  }
  CHECK(run_file_is_complete(path));
  CHECK(read_int_attr(path, "complete") == 1);
  CHECK(read_int_attr(path, "days_written") == 5);
  CHECK(read_int_attr(path, "seed") == 12345);
  CHECK(read_int_attr(path, "format_version") == run_format_version);
  CHECK(read_string_attr(path, "scenario") == "[run]\ndays = 5\n");
  CHECK(read_string_attr(path, "arm") == "control");
  CHECK_THAT(read_string_attr(path, "parameters"), Catch::Contains("run.days = 180\n"));
  CHECK(read_int_attr(path, "run.days", "/parameters") == 180);

  auto size = read_dataset(path, "/daily/size");
  REQUIRE(size.dims == std::vector<hsize_t>{5, 3});
  for (Day d = 0; d < 5; ++d)
    for (std::size_t g = 0; g < 3; ++g) CHECK(size.values[d * 3 + g] == 100.0 * d + g);
  auto total = read_dataset(path, "/platform/total");
  REQUIRE(total.dims == std::vector<hsize_t>{5});
  CHECK(total.values[4] == 4000.0);
}

TEST_CASE("groups founded later widen the daily datasets, earlier days hold NaN for them",
          "[output]") {
  auto path = (scratch_dir("widen") / "run.h5").string();
  Parameters params(models::all_params());
  {
    RunFile file(path, header_for(params), daily_specs, platform_specs, {2, 4});
    for (Day d = 0; d < 3; ++d) file.append(frame_for(d, 2));
    for (Day d = 3; d < 5; ++d) file.append(frame_for(d, 4));
    file.finish();
  }
  auto size = read_dataset(path, "/daily/size");
  REQUIRE(size.dims == std::vector<hsize_t>{5, 4});
  CHECK(std::isnan(size.values[0 * 4 + 3]));
  CHECK(std::isnan(size.values[2 * 4 + 2]));
  CHECK(size.values[4 * 4 + 3] == 403.0);
}

TEST_CASE("a run that dies mid-way leaves a readable file with its flushed days", "[output]") {
  auto path = (scratch_dir("crash") / "run.h5").string();
  Parameters params(models::all_params());
  pid_t child = fork();
  if (child == 0) {
    // The child writes 7 days with 3-day chunks (two flushes) and dies without closing.
    RunFile file(path, header_for(params), daily_specs, platform_specs, {3, 4});
    for (Day d = 0; d < 7; ++d) file.append(frame_for(d, 3));
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  // Nothing unfinished carries the finished name: the days are in run.h5.part.
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK_FALSE(run_file_is_complete(path));
  const std::string part = partial_path(path).string();
  CHECK(read_int_attr(part, "complete") == 0);
  CHECK(read_int_attr(part, "days_written") == 6);
  auto size = read_dataset(part, "/daily/size");
  REQUIRE(size.dims[0] >= 6);
  CHECK(size.values[5 * 3 + 2] == 502.0);
}

TEST_CASE("a run file closed without finish keeps what it had and says incomplete", "[output]") {
  auto path = (scratch_dir("unfinished") / "run.h5").string();
  Parameters params(models::all_params());
  {
    RunFile file(path, header_for(params), daily_specs, platform_specs, {10, 4});
    for (Day d = 0; d < 4; ++d) file.append(frame_for(d, 3));
  }
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(read_int_attr(partial_path(path).string(), "complete") == 0);
  CHECK(read_int_attr(partial_path(path).string(), "days_written") == 4);
}

TEST_CASE("static tables are written once with units", "[output]") {
  auto path = (scratch_dir("tables") / "run.h5").string();
  Parameters params(models::all_params());
  RunFile file(path, header_for(params), daily_specs, platform_specs);
  file.write_table("snapshots/day_3", "value", {1.0, 2.5, 3.0}, "value units", "member value");
  file.finish();
  auto v = read_dataset(path, "/snapshots/day_3/value");
  CHECK(v.values == std::vector<double>{1.0, 2.5, 3.0});
}

TEST_CASE("an output path that cannot be created is a clear error", "[output]") {
  Parameters params(models::all_params());
  CHECK_THROWS_WITH(
      RunFile("/no/such/folder/run.h5", header_for(params), daily_specs, platform_specs),
      Catch::Contains("'/no/such/folder/run.h5'") && Catch::Contains("does not exist"));
  CHECK_FALSE(run_file_is_complete("/no/such/folder/run.h5"));
}
