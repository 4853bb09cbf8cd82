#include <catch2/catch.hpp>

#include "sim/params/parameters.hpp"

using namespace sim;

namespace {
ParamRegistry small_registry() {
  ParamRegistry r;
  r.integer("run.days", 10, "days", 1, 100, "length");
  r.real("groups.strictness", 0.5, "share", 0, 1, "rules");
  r.boolean("groups.ads_allowed", false, "ads");
  r.choice("graph.kind", "sbm", {"sbm", "watts_strogatz"}, "kind");
  return r;
}
SourcePlace here{"test.toml", 3, 1};
}  // namespace

TEST_CASE("defaults are resolved for every registered parameter", "[params]") {
  auto reg = small_registry();
  Parameters p(reg);
  CHECK(p.integer("run.days") == 10);
  CHECK(p.real("groups.strictness") == 0.5);
  CHECK(p.flag("groups.ads_allowed") == false);
  CHECK(p.text("graph.kind") == "sbm");
  CHECK(p.origin("run.days") == "default");
}

TEST_CASE("values are checked for type and range, and errors name the place and key", "[params]") {
  auto reg = small_registry();
  Parameters p(reg);
  p.set("run.days", std::int64_t{50}, here);
  CHECK(p.integer("run.days") == 50);
  CHECK(p.origin("run.days") == "test.toml:3:1");
  p.set("groups.strictness", std::int64_t{1}, here);  // an integer is a fine number
  CHECK(p.real("groups.strictness") == 1.0);

  CHECK_THROWS_WITH(p.set("run.days", std::int64_t{0}, here),
                    Catch::Contains("test.toml:3:1") && Catch::Contains("'run.days'") &&
                        Catch::Contains("out of range [1, 100]"));
  CHECK_THROWS_WITH(p.set("run.days", 2.5, here), Catch::Contains("expects an integer"));
  CHECK_THROWS_WITH(p.set("groups.strictness", std::string("high"), here),
                    Catch::Contains("expects a number, got a string"));
  CHECK_THROWS_WITH(p.set("groups.ads_allowed", std::int64_t{1}, here),
                    Catch::Contains("expects true or false"));
  CHECK_THROWS_WITH(p.set("graph.kind", std::string("lattice"), here),
                    Catch::Contains("not one of sbm|watts_strogatz"));
  // A failed set leaves the old value in place.
  CHECK(p.integer("run.days") == 50);
}

TEST_CASE("unknown keys are rejected with a suggestion", "[params]") {
  auto reg = small_registry();
  Parameters p(reg);
  CHECK_THROWS_WITH(p.set("groups.strictnes", 0.2, here),
                    Catch::Contains("unknown key 'groups.strictnes'") &&
                        Catch::Contains("did you mean 'groups.strictness'"));
  CHECK_THROWS_AS(p.set("nothing.like.it", 0.2, here), InputError);
}

TEST_CASE("resolved parameters print as TOML that reads back the same", "[params]") {
  auto reg = small_registry();
  Parameters p(reg);
  p.set("groups.strictness", 0.1, here);
  auto text = p.to_toml();
  CHECK_THAT(text, Catch::Contains("groups.strictness = 0.1\n"));
  CHECK_THAT(text, Catch::Contains("graph.kind = \"sbm\"\n"));
  CHECK_THAT(text, Catch::Contains("run.days = 10\n"));
  CHECK_THAT(text, Catch::Contains("groups.ads_allowed = false\n"));
}

TEST_CASE("declaring a parameter twice is a programming error", "[params]") {
  ParamRegistry r;
  r.integer("a.b", 1, "", 0, 2, "x");
  CHECK_THROWS_AS(r.integer("a.b", 1, "", 0, 2, "x"), std::logic_error);
}
