// `commsim diagnose` must name the right failure mode for the failure arms of the five
// scenarios and none for their controls, in most replicates (issue: failure-mode atlas).
// The run files are made by the real binary (`commsim batch`).
#include <catch2/catch.hpp>
#include <fstream>

#include "models/community/diagnosis.hpp"
#include "support/test_paths.hpp"

using namespace testing_support;

namespace {
int count_verdicts(const std::filesystem::path& dir, const std::string& arm,
                   const std::string& expected) {
  int hits = 0;
  for (int r = 0; r < 5; ++r) {
    auto file = dir / (dir.filename().string() + "." + arm + ".r" + std::to_string(r) + ".h5");
    sim::RunReader run(file);
    auto d = community::diagnose_run(run);
    std::string got;
    for (auto m : d.verdict) got += std::string(community::mode_key(m)) + " ";
    INFO(file.filename().string() << ": " << (got.empty() ? "none" : got));
    if (expected.empty())
      hits += d.verdict.empty();
    else
      for (auto m : d.verdict) hits += community::mode_key(m) == expected;
  }
  return hits;
}
}  // namespace

TEST_CASE("diagnose names each failure mode in its failure arm and none in its control",
          "[signature]") {
  auto root = scratch_dir("diagnose");
  for (std::string mode : {"focus_loss", "leaderless", "tyranny", "boredom", "evaporation"}) {
    INFO(mode);
    auto dir = root / mode;
    std::string out;
    int rc = run_command(commsim_binary().string() + " batch " +
                             (source_dir() / "scenarios" / "failure" / (mode + ".toml")).string() +
                             " --out " + dir.string() + " --quiet",
                         &out);
    REQUIRE(rc == 0);
    CHECK(count_verdicts(dir, "failure", mode) >= 3);
    CHECK(count_verdicts(dir, "control", "") >= 3);
  }
  std::filesystem::remove_all(root);
}

TEST_CASE("diagnose refuses an unfinished run and names the file", "[diagnose]") {
  auto dir = scratch_dir("diagnose-partial");
  auto scenario = dir / "s.toml";
  std::ofstream(scenario) << "[run]\ndays = 4000\n[population]\nsize = 300\n[groups]\ncount = 2\n";
  std::string out;
  // A run stopped by SIGTERM after its first flushed days.
  run_command("timeout -s TERM 1 " + commsim_binary().string() + " run " + scenario.string() +
              " --out " + (dir / "p.h5").string() + " --quiet --set output.chunk_days=1");
  int rc = run_command(commsim_binary().string() + " diagnose " + (dir / "p.h5").string(), &out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("p.h5") && Catch::Contains("not complete"));
  rc = run_command(commsim_binary().string() + " diagnose " + (dir / "missing.h5").string(), &out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("missing.h5"));
}
