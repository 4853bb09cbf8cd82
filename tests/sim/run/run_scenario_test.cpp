// A stop (SIGINT, SIGTERM) while the model is being built ends the run at the next phase of
// set-up, before any file is begun, instead of after the whole build.
#include <catch2/catch.hpp>

#include "models/registry.hpp"
#include "sim/core/stop_point.hpp"
#include "sim/output/run_file.hpp"
#include "sim/population/population.hpp"
#include "sim/run/run_scenario.hpp"
#include "support/test_paths.hpp"

using namespace sim;

TEST_CASE("a stop raised during set-up ends the run before anything is written", "[run]") {
  const auto out = testing_support::scratch_dir("stop-in-setup") / "run.h5";
  Scenario scenario =
      parse_scenario("[run]\ndays = 5\n[population]\nsize = 300\n", "", models::all_params());
  std::atomic<bool> stop{false};
  int phases_after_stop = 0;
  // A factory whose first phase is "interrupted" by a signal; the population is the
  // engine's next phase, which must notice.
  ModelFactory factory = [&](const Scenario& sc, std::uint64_t seed) {
    stop = true;
    draw_population(sc.params, seed);
    ++phases_after_stop;
    return models::make_model(sc, seed);
  };
  RunRequest req;
  req.scenario = &scenario;
  req.out = out;
  req.quiet = true;
  req.stop = &stop;
  auto outcome = run_scenario(factory, req);
  CHECK(outcome.report.interrupted);
  CHECK(outcome.report.days == 0);
  CHECK(phases_after_stop == 0);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(partial_path(out)));

  // Without a stop the same factory builds and runs; outside run_scenario no flag is
  // watched and stop_point() does nothing.
  stop = false;
  ModelFactory plain = [&](const Scenario& sc, std::uint64_t seed) {
    draw_population(sc.params, seed);
    return models::make_model(sc, seed);
  };
  CHECK_FALSE(run_scenario(plain, req).report.interrupted);
  CHECK(std::filesystem::exists(out));
  stop = true;
  CHECK_NOTHROW(stop_point());
}
