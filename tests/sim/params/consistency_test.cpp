// Rules over several parameters (sim/params/consistency.hpp), on a registry of their own.
#include <catch2/catch.hpp>

#include "sim/params/consistency.hpp"

using namespace sim;

namespace {

// Declared for this test only: keys no other registry has, so other tests never see them.
const std::size_t low_below_high = consistency_rule(
    {{"test_rule.low", "test_rule.high"}, RuleSeverity::error, [](const Parameters& p) {
       return p.real("test_rule.low") <= p.real("test_rule.high") ? std::string()
                                                                  : std::string("low above high");
     }});
const std::size_t mode_makes_x_irrelevant = consistency_rule(
    {{"test_rule.x", "test_rule.mode"}, RuleSeverity::warning, [](const Parameters& p) {
       return p.text("test_rule.mode") == "uses_x" ? std::string() : std::string("x unused");
     }});

ParamRegistry registry() {
  ParamRegistry r;
  r.real("test_rule.low", 0, "", -10, 10, "");
  r.real("test_rule.high", 1, "", -10, 10, "");
  r.real("test_rule.x", 0, "", -10, 10, "");
  r.choice("test_rule.mode", "plain", {"plain", "uses_x"}, "");
  return r;
}

}  // namespace

TEST_CASE("a contradiction is an error naming each key and where it was set", "[params]") {
  const auto reg = registry();
  Parameters p(reg);
  CHECK(check_consistency(p).errors.empty());
  p.set("test_rule.low", 5.0, SourcePlace{"s.toml", 3, 1});
  const auto report = check_consistency(p);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0] ==
        "key 'test_rule.low' (s.toml:3:1) and key 'test_rule.high' (default): low above high");
  CHECK_THROWS_WITH(require_consistent(p, "in arm 'a'"),
                    Catch::Contains("contradictory settings: in arm 'a': key 'test_rule.low'"));
}

TEST_CASE("an irrelevant setting is a warning only when the user set it", "[params]") {
  const auto reg = registry();
  Parameters p(reg);
  CHECK(require_consistent(p, "").empty());  // x at its default: nothing to report
  p.set("test_rule.x", 2.0, SourcePlace{"s.toml", 4, 1});
  const auto warnings = require_consistent(p, "s.toml");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "s.toml: key 'test_rule.x' (s.toml:4:1) and key 'test_rule.mode' (default): "
        "x unused");
  p.set("test_rule.mode", std::string("uses_x"), SourcePlace{"s.toml", 5, 1});
  CHECK(require_consistent(p, "").empty());
}

TEST_CASE("rules whose keys a registry lacks are skipped", "[params]") {
  ParamRegistry r;
  r.real("test_rule.low", 5, "", -10, 10, "");  // no test_rule.high
  Parameters p(r);
  CHECK(check_consistency(p).errors.empty());
}
