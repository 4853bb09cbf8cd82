// Reading run files back: attributes, /daily as [day][group] with NaN before a group
// existed, /platform, the complete flag, and errors that name the file and the dataset.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <functional>

#include "models/registry.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
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

// ---- damaged files ---------------------------------------------------------------------

namespace {

// A copy of a good complete run, changed by `damage` (given the file open for writing).
std::string damaged(const std::string& name, const std::function<void(hid_t)>& damage) {
  const auto good = write_run("good-" + name, 5, true);
  const auto path = (scratch_dir("damaged-" + name) / "run.h5").string();
  std::filesystem::copy_file(good, path);
  std::lock_guard lock(h5::library_lock());
  hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  REQUIRE(f >= 0);
  damage(f);
  REQUIRE(H5Fclose(f) >= 0);
  return path;
}

void set_int(hid_t f, const char* name, std::int64_t v) {
  h5::write_attribute(f, name, ParamValue{v}, [] { FAIL("cannot write the attribute"); });
}

void add_dataset(hid_t f, const char* path, std::vector<hsize_t> dims) {
  hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  std::vector<hsize_t> chunk(dims.size(), 1);
  H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());  // nothing allocated
  hid_t set = H5Dcreate2(f, path, H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  REQUIRE(set >= 0);
  H5Dclose(set);
  H5Pclose(dcpl);
  H5Sclose(space);
}

// The fault a tolerant reader finds (with the data read through), "" if none.
std::string fault_of(const std::string& path) {
  RunReader run(path, RunReader::OnFault::record);
  run.verify_data();
  CHECK(run.state() != RunFileState::complete);
  return run.fault();
}

}  // namespace

TEST_CASE("RunReader refuses a damaged file by name and fault, strict or tolerant", "[output]") {
  struct Case {
    const char* name;
    std::function<void(hid_t)> damage;
    const char* fault;
  };
  const std::vector<Case> cases = {
      {"negative-days", [](hid_t f) { set_int(f, "days_written", -3); },
       "attribute 'days_written' is -3, outside 0..5"},
      {"days-past-plan", [](hid_t f) { set_int(f, "days_written", 9); },
       "attribute 'days_written' is 9, outside 0..5"},
      {"newer-format", [](hid_t f) { set_int(f, "format_version", 99); },
       "format_version 99 is newer than this commsim reads"},
      {"complete-short", [](hid_t f) { set_int(f, "days_written", 3); },
       "says complete = 1 but days_written 3 of 5"},
      {"complete-flag", [](hid_t f) { set_int(f, "complete", 7); },
       "attribute 'complete' is 7, outside 0..1"},
      {"text-seed",
       [](hid_t f) { h5::write_attribute(f, "seed", ParamValue{std::string("x")}, [] {}); },
       "attribute 'seed' is not an integer"},
      {"no-days", [](hid_t f) { H5Adelete(f, "days_planned"); }, "no attribute 'days_planned'"},
      {"extra-rows",
       [](hid_t f) {
         add_dataset(f, "/daily/extra", {7, 3});
       },
       "dataset /daily/extra holds 7 rows but days_written is 5"},
      {"fewer-rows", [](hid_t f) { add_dataset(f, "/platform/short", {2}); },
       "dataset /platform/short holds 2 rows but days_written is 5"},
      {"other-width",
       [](hid_t f) {
         add_dataset(f, "/daily/wide", {5, 4});
       },
       "dataset /daily/wide has 4 groups, other /daily datasets 3"},
      {"wrong-rank",
       [](hid_t f) {
         add_dataset(f, "/platform/square", {5, 5});
       },
       "dataset /platform/square has 2 dimensions, expected 1"},
      {"huge", [](hid_t f) { add_dataset(f, "/platform/huge", {hsize_t{1} << 40}); },
       "dataset /platform/huge holds 1099511627776 rows"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto path = damaged(c.name, c.damage);
    CHECK_THROWS_WITH(RunReader(path),
                      Catch::Contains("run file '" + path + "'") && Catch::Contains(c.fault));
    CHECK_THAT(fault_of(path), Catch::Contains(c.fault));
  }
}

TEST_CASE("RunReader: a dataset larger than its file could hold is refused before reading",
          "[output]") {
  // A partial file may hold one buffer of rows past days_written; a flipped bit in the
  // group count still must not become a 30 TiB allocation.
  const auto path = damaged("wide", [](hid_t f) {
    set_int(f, "complete", 0);
    add_dataset(f, "/daily/a_wide", {5, hsize_t{1} << 40});  // first: sets the width
  });
  CHECK_THROWS_WITH(RunReader(path),
                    Catch::Contains("/daily/a_wide") && Catch::Contains("more than a"));
}

TEST_CASE("RunReader: truncated and overwritten files are damaged, never trusted", "[output]") {
  const auto good = write_run("cut-source", 5, true);
  const auto dir = scratch_dir("reader-cut");
  const auto size = std::filesystem::file_size(good);
  std::vector<char> bytes(size);
  std::ifstream(good, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(size));
  int damaged_found = 0;
  // Cut at several lengths, and overwrite 64-byte blocks at several places with noise.
  for (std::size_t k = 1; k < 8; ++k) {
    for (bool cut : {true, false}) {
      std::string name = std::to_string(k);  // built in steps: GCC 12 warns on a + chain
      name += cut ? "-cut.h5" : "-overwritten.h5";
      const auto path = dir / name;
      std::vector<char> copy = bytes;
      const std::size_t at = size * k / 8;
      if (cut)
        copy.resize(at);
      else
        for (std::size_t i = at; i < std::min(size, at + 64); ++i) copy[i] = char(i * 131 + 7);
      std::ofstream(path, std::ios::binary).write(copy.data(), std::streamsize(copy.size()));
      {
        RunReader run(path, RunReader::OnFault::record);
        run.verify_data();
        INFO(path.filename().string() << ": " << state_name(run.state()) << " " << run.fault());
        if (run.state() == RunFileState::complete) {
          // Damage to bytes nothing reads (free space, padding) changes nothing that matters;
          // damage to what only finds a dataset (a link the check does not follow) is an error
          // naming the file when the dataset is read. Never different numbers. Where the noise
          // lands depends on the file's layout (its attributes' lengths: the version string).
          std::vector<double> total;
          try {
            total = run.platform("total");
          } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(name));
            continue;
          }
          CHECK(total == std::vector<double>{0, 1000, 2000, 3000, 4000});
          continue;
        }
        CHECK(run.state() == RunFileState::damaged);
        CHECK_FALSE(run.fault().empty());
        ++damaged_found;
      }
      // Strict: the same fault as an exception, on opening or on reading the data through.
      CHECK_THROWS_AS(RunReader(path).verify_data(), InputError);
    }
  }
  CHECK(damaged_found >= 7);  // every cut at least
}

TEST_CASE("RunReader: a file on which the HDF5 library hangs is damaged, not a hang", "[output]") {
  // Found by tests/fuzz/run_file_fuzz: a flipped byte in a global heap sends libhdf5 1.10
  // round a loop for ever while it reads a string attribute.
  const auto file = testing_support::source_dir() / "tests/fuzz/corpus/run_file/hdf5-hang.h5";
  RunReader::set_probe_timeout(2);
  RunReader run(file, RunReader::OnFault::record);
  RunReader::set_probe_timeout(0);
  CHECK(run.state() == RunFileState::damaged);
  CHECK_FALSE(run.is_open());
  CHECK_THAT(run.fault(), Catch::Contains("did not finish") &&
                              Catch::Contains("the HDF5 library cannot cope with"));
}
