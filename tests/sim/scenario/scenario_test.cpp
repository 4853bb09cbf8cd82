#include <catch2/catch.hpp>
#include <fstream>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/scenario/scenario.hpp"
#include "support/test_paths.hpp"

using namespace sim;

namespace {
Scenario parse(const std::string& text, ScenarioOptions opts = {}) {
  return parse_scenario(text, "case.toml", models::all_params(), opts);
}
}  // namespace

TEST_CASE("a good scenario sets values and keeps its text", "[scenario]") {
  const std::string text =
      "# comment\n[run]\ndays = 30\nseed = 7\n\n[graph]\nkind = \"watts_strogatz\"\n"
      "[population.activity]\nmedian = 0.8\n";
  auto sc = parse(text);
  CHECK(sc.params.integer("run.days") == 30);
  CHECK(sc.seed() == 7);
  CHECK(sc.params.text("graph.kind") == "watts_strogatz");
  CHECK(sc.params.real("population.activity.median") == 0.8);
  CHECK(sc.params.origin("run.days") == "case.toml:3:1");
  CHECK(sc.text == text);
  CHECK(sc.name == "case");
}

TEST_CASE("dotted keys and nested tables are the same parameter", "[scenario]") {
  auto a = parse("[population]\nactivity.median = 0.9\n");
  auto b = parse("population.activity.median = 0.9\n");
  CHECK(a.params.real("population.activity.median") == 0.9);
  CHECK(b.params.real("population.activity.median") == 0.9);
}

TEST_CASE("bad scenarios fail with file, line and key", "[scenario]") {
  CHECK_THROWS_WITH(parse("[run]\ndays = 30\ndayz = 3\n"),
                    Catch::Contains("case.toml:3:1") && Catch::Contains("unknown key 'run.dayz'") &&
                        Catch::Contains("did you mean 'run.days'"));
  CHECK_THROWS_WITH(parse("[run]\n\ndays = \"long\"\n"), Catch::Contains("case.toml:3:1") &&
                                                             Catch::Contains("'run.days'") &&
                                                             Catch::Contains("expects an integer"));
  CHECK_THROWS_WITH(parse("[run]\ndays = 0\n"),
                    Catch::Contains("case.toml:2:1") && Catch::Contains("out of range"));
  CHECK_THROWS_WITH(
      parse("[nonsense]\nx = 1\n"),
      Catch::Contains("case.toml:1") && Catch::Contains("unknown section or key 'nonsense'"));
  CHECK_THROWS_WITH(parse("[run]\ndays = [1, 2]\n"),
                    Catch::Contains("case.toml:2:1") && Catch::Contains("holds an array"));
  CHECK_THROWS_WITH(parse("[run]\ndays = = 3\n"),
                    Catch::Contains("case.toml:2") && Catch::Contains("TOML syntax error"));
  CHECK_THROWS_WITH(parse("[run]\ndays = 3\n[run]\nseed = 1\n"), Catch::Contains("case.toml:3"));
}

TEST_CASE("reserved sections are left to their readers", "[scenario]") {
  ScenarioOptions opts;
  opts.reserved_sections = {"sweep"};
  auto sc = parse("[run]\ndays = 5\n[sweep]\nanything = [1, 2]\n", opts);
  CHECK(sc.params.integer("run.days") == 5);
  CHECK_THROWS_WITH(parse("[sweep]\nanything = [1, 2]\n"), Catch::Contains("unknown section"));
}

TEST_CASE("command-line overrides are typed, checked, and win over the file", "[scenario]") {
  ScenarioOptions opts;
  opts.overrides = {"run.days=12", "graph.kind=barabasi_albert",
                    "population.activity.median = 2.5"};
  auto sc = parse("[run]\ndays = 30\n", opts);
  CHECK(sc.params.integer("run.days") == 12);
  CHECK(sc.params.text("graph.kind") == "barabasi_albert");
  CHECK(sc.params.real("population.activity.median") == 2.5);
  CHECK(sc.params.origin("run.days") == "--set run.days=12");

  Parameters p(models::all_params());
  CHECK_THROWS_WITH(apply_override(p, "run.days"), Catch::Contains("expected section.key=value"));
  CHECK_THROWS_WITH(apply_override(p, "run.dys=3"),
                    Catch::Contains("--set run.dys=3") && Catch::Contains("unknown key 'run.dys'"));
  CHECK_THROWS_WITH(apply_override(p, "run.days=-4"), Catch::Contains("out of range"));
}

TEST_CASE("a missing scenario file is named in the error", "[scenario]") {
  CHECK_THROWS_WITH(
      load_scenario("/nonexistent/dir/s.toml", models::all_params()),
      Catch::Contains("'/nonexistent/dir/s.toml'") && Catch::Contains("no such file"));
}

TEST_CASE("every scenario shipped in scenarios/ parses", "[scenario]") {
  int seen = 0;
  for (auto& entry :
       std::filesystem::recursive_directory_iterator(testing_support::source_dir() / "scenarios")) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path());
    ScenarioOptions opts;
    opts.reserved_sections = sim::batch::batch_sections;
    CHECK_NOTHROW(load_scenario(entry.path().string(), models::all_params(), opts));
    ++seen;
  }
  CHECK(seen > 0);
}
