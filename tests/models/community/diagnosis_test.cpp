// `commsim diagnose`'s rules are data (each failure scenario's [signature.diagnosis]); that
// they name the failure arm and not the control is checked with each signature
// (tests/support/check_signature.sh). Here: the rules as loaded, and bad input.
#include <catch2/catch.hpp>
#include <fstream>

#include <sstream>

#include "models/community/diagnosis.hpp"
#include "models/community/failure_modes.hpp"
#include "support/test_paths.hpp"

using namespace testing_support;

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

TEST_CASE("every failure scenario is a documented mode with a diagnosis rule", "[diagnose]") {
  const auto& modes = community::failure_modes();
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(source_dir() / "scenarios" / "failure")) {
    if (entry.path().extension() != ".toml") continue;
    ++files;
    const std::string key = entry.path().stem().string();
    INFO(key);
    const auto* mode = community::failure_mode(key);
    REQUIRE(mode != nullptr);
    CHECK(!mode->mode.empty());
    CHECK(!mode->claim.empty());
    CHECK(!mode->plot.empty());
    CHECK(mode->diagnosis.has_value());
    // The compiled-in copy is the file as it is now (the build re-embeds on change).
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    bool same = false;
    for (const auto& f : community::embedded_failure_scenarios())
      same = same ||
             (std::string(f.path) == "scenarios/failure/" + key + ".toml" && f.text == text.str());
    CHECK(same);
  }
  CHECK(modes.size() == files);
  // Ordered by claim: C10 first.
  REQUIRE(!modes.empty());
  CHECK(modes.front().claim == "C10");
}
