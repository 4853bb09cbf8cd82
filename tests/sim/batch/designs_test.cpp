// Seeds, the Sobol' generator, sweep designs and shard specs.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "models/registry.hpp"
#include "sim/batch/seeds.hpp"
#include "sim/batch/shard.hpp"
#include "sim/batch/sobol.hpp"
#include "sim/batch/sweep_design.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using namespace sim::batch;

namespace {
SweepDesign design(const std::string& text, std::uint64_t seed = 1) {
  toml::table t = toml::parse(text, std::string("s.toml"));
  return parse_sweep(*t["sweep"].as_table(), "s.toml", models::all_params(), seed, ".");
}
std::string error_of(const std::string& text) {
  try {
    design(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("SplitMix64 and the seed formula", "[batch][seeds]") {
  CHECK(splitmix64(0) ==
        0xE220A8397B1DCDAFull);  // the reference generator's first output from state 0
  std::set<std::uint64_t> seeds;
  for (std::uint64_t arm = 0; arm < 3; ++arm)
    for (std::uint64_t point = 0; point < 10; ++point)
      for (std::uint64_t rep = 0; rep < 10; ++rep) {
        auto s = derive_seed(42, arm, point, rep);
        CHECK(s < (std::uint64_t{1} << 53));
        seeds.insert(s);
      }
  CHECK(seeds.size() == 300);
  CHECK(derive_seed(42, 1, 2, 3) == derive_seed(42, 1, 2, 3));
  CHECK(derive_seed(42, 1, 2, 3) != derive_seed(43, 1, 2, 3));
}

TEST_CASE("Sobol points equal scipy's unscrambled Joe-Kuo sequence", "[batch][sobol]") {
  Sobol s(21);
  // scipy.stats.qmc.Sobol(d=21, scramble=False).random(1001)[1000] * 2**32
  const std::vector<std::uint32_t> want = {
      943718400,  415236096,  2227175424, 2906652672, 1203765248, 3896508416, 197132288,
      3862953984, 2151677952, 297795584,  364904448,  1094713344, 692060160,  1648361472,
      616562688,  1589641216, 3091202048, 1480589312, 4257218560, 3116367872, 2243952640};
  CHECK(s.point_bits(1000) == want);
  CHECK(s.point(0) == std::vector<double>(21, 0.0));
  auto p2 = s.point(2);  // 0.75, 0.25, 0.25, 0.25, 0.75 ...
  CHECK(p2[0] == 0.75);
  CHECK(p2[1] == 0.25);
  CHECK(p2[4] == 0.75);
  // Any 2^k first points put exactly one point in each 1/2^k slice of every axis.
  for (std::size_t d = 0; d < 21; ++d) {
    std::set<int> cells;
    for (int i = 0; i < 64; ++i) cells.insert(static_cast<int>(s.point(i)[d] * 64));
    CHECK(cells.size() == 64);
  }
  CHECK_THROWS(Sobol(22));
}

TEST_CASE("grid designs: lists and ranges, cartesian product, interleaved order",
          "[batch][sweep]") {
  auto d = design(
      "[sweep]\ngroups.count = [3, 5, 8]\ngraph.degree_in = { from = 2.0, to = 6.0, step = 2.0 "
      "}\n");
  REQUIRE(d.paths == std::vector<std::string>{"groups.count", "graph.degree_in"});
  REQUIRE(d.points.size() == 9);
  CHECK(std::get<std::int64_t>(d.points[0][0]) == 3);
  CHECK(std::get<double>(d.points[0][1]) == 2.0);
  CHECK(std::get<double>(d.points[8][1]) == 6.0);
  // The four corners come first, then the rest.
  std::set<std::size_t> first4(d.order.begin(), d.order.begin() + 4);
  CHECK(first4 == std::set<std::size_t>{0, 2, 6, 8});
  std::set<std::size_t> all(d.order.begin(), d.order.end());
  CHECK(all.size() == 9);
  CHECK(coverage_order(5) == std::vector<std::size_t>{0, 4, 2, 1, 3});
  auto seq = design("[sweep]\norder = \"sequential\"\ngroups.count = [3, 5]\n");
  CHECK(seq.order == std::vector<std::size_t>{0, 1});
  // Nested tables and quoted dotted keys work like dotted keys.
  CHECK(design("[sweep.groups]\ncount = [2, 4]\n").paths ==
        std::vector<std::string>{"groups.count"});
}

TEST_CASE("LHS and Sobol designs sample the box", "[batch][sweep]") {
  auto lhs = design(
      "[sweep]\ndesign = \"lhs\"\nsamples = 10\ngraph.degree_in = { from = 0.0, to = 10.0 }\n"
      "groups.count = { from = 1, to = 10 }\n");
  REQUIRE(lhs.points.size() == 10);
  std::set<int> strata, counts;
  for (auto& p : lhs.points) {
    strata.insert(static_cast<int>(std::get<double>(p[0])));  // one point per unit stratum
    counts.insert(static_cast<int>(std::get<std::int64_t>(p[1])));
  }
  CHECK(strata.size() == 10);
  CHECK(counts.size() == 10);
  auto again = design(
      "[sweep]\ndesign = \"lhs\"\nsamples = 10\ngraph.degree_in = { from = 0.0, to = 10.0 }\n"
      "groups.count = { from = 1, to = 10 }\n");
  CHECK(again.points == lhs.points);
  auto sob = design(
      "[sweep]\ndesign = \"sobol\"\nsamples = 4\ngraph.degree_in = { from = 0.0, to = 8.0 }\n"
      "graph.kind = [\"sbm\", \"watts_strogatz\"]\n");
  REQUIRE(sob.points.size() == 4);
  CHECK(std::get<double>(sob.points[1][0]) == 4.0);
  CHECK(std::get<std::string>(sob.points[1][1]) == "watts_strogatz");
}

TEST_CASE("a CSV design table", "[batch][sweep]") {
  auto dir = testing_support::scratch_dir("design-table");
  std::ofstream(dir / "t.csv")
      << "# comment\npopulation.size, graph.kind\n200, sbm\n300, \"watts_strogatz\"\n";
  toml::table t = toml::parse(std::string("[sweep]\ntable = \"t.csv\"\n"), std::string("s.toml"));
  auto d = parse_sweep(*t["sweep"].as_table(), "s.toml", models::all_params(), 1, dir);
  REQUIRE(d.points.size() == 2);
  CHECK(std::get<std::int64_t>(d.points[1][0]) == 300);
  CHECK(std::get<std::string>(d.points[1][1]) == "watts_strogatz");
  std::ofstream(dir / "bad.csv") << "population.size\n1\n";
  toml::table b = toml::parse(std::string("[sweep]\ntable = \"bad.csv\"\n"), std::string("s.toml"));
  CHECK_THROWS_WITH(parse_sweep(*b["sweep"].as_table(), "s.toml", models::all_params(), 1, dir),
                    Catch::Contains("bad.csv:2") && Catch::Contains("out of range"));
}

TEST_CASE("bad sweeps are errors naming file, line and key", "[batch][sweep]") {
  CHECK_THAT(error_of("[sweep]\ngroups.cuont = [1]\n"), Catch::Contains("s.toml:2") &&
                                                            Catch::Contains("groups.cuont") &&
                                                            Catch::Contains("did you mean"));
  CHECK_THAT(error_of("[sweep]\ngroups.count = []\n"),
             Catch::Contains("s.toml:2") && Catch::Contains("empty"));
  CHECK_THAT(error_of("[sweep]\ngroups.count = { from = 5, to = 1, step = 1 }\n"),
             Catch::Contains("empty range"));
  CHECK_THAT(error_of("[sweep]\ngroups.count = { from = 0, to = 4, step = 1 }\n"),
             Catch::Contains("s.toml:2") && Catch::Contains("out of range"));
  CHECK_THAT(error_of("[sweep]\ngroups.count = [2, 0]\n"),
             Catch::Contains("s.toml:2:20") && Catch::Contains("out of range"));
  CHECK_THAT(error_of("[sweep]\ngroups.count = { from = 1, to = 4 }\n"),
             Catch::Contains("needs a step"));
  CHECK_THAT(
      error_of("[sweep]\ndesign = \"sobol\"\nsamples = 0\ngroups.count = { from = 1, to = 4 }\n"),
      Catch::Contains("s.toml:3") && Catch::Contains("sweep.samples"));
  CHECK_THAT(error_of("[sweep]\ndesign = \"magic\"\ngroups.count = [1]\n"),
             Catch::Contains("sweep.design"));
  CHECK_THAT(error_of("[sweep]\n"), Catch::Contains("names no parameter"));
  CHECK_THAT(error_of("[sweep]\ngraph.kind = { from = 1, to = 2, step = 1 }\n"),
             Catch::Contains("list of values"));
}

TEST_CASE("shard specs", "[batch][shard]") {
  auto s = parse_shard("1/3");
  CHECK(s.index == 1);
  CHECK(s.count == 3);
  CHECK(shard_positions(s, 8) == std::vector<std::size_t>{1, 4, 7});
  for (const char* bad : {"5/4", "4/4", "1/0", "a/2", "3", "-1/2", "1/2/3", ""})
    CHECK_THROWS_AS(parse_shard(bad), InputError);
  // Every position lands in exactly one shard.
  std::multiset<std::size_t> all;
  for (std::size_t i = 0; i < 4; ++i)
    for (auto p : shard_positions({i, 4}, 10)) all.insert(p);
  CHECK(all.size() == 10);
  CHECK(std::set<std::size_t>(all.begin(), all.end()).size() == 10);
}
