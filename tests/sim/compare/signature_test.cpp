// Signatures as data (sim/compare/signature.hpp): the [signature] table is read with file,
// line and key in every error, and evaluated on replicates of two arms: means, single
// replicates, direction and verdict.
#include <catch2/catch.hpp>
#include <map>

#include "sim/compare/signature.hpp"

using sim::compare::read_signature_text;

namespace {

class Constant final : public sim::measure::SeriesSource {
 public:
  // One group, `days` days, alive throughout, metric "m" constant at `value`.
  Constant(double value, std::size_t days = 4) {
    alive_.days = m_.days = days;
    alive_.groups = m_.groups = 1;
    alive_.values.assign(days, 1.0);
    m_.values.assign(days, value);
  }
  const sim::DailyMatrix& daily(const std::string& metric) const override {
    if (metric == "alive") return alive_;
    if (metric == "m") return m_;
    throw sim::InputError("no daily series '" + metric + "'");
  }

 private:
  sim::DailyMatrix alive_, m_;
};

const std::string good = R"toml(
[arms.control]
[arms.failure]

[signature]
mode = "test mode"
claim = "C99"
control = "control"
failure = "failure"
plot = ["m"]

[[signature.check]]
measure = "mean(m, 0, end)"
expect = "failure > control + 1"
replicates = 0.66

[signature.diagnosis]
when = ["mean(m, 0, end) > 3"]
evidence = ["m is {mean(m, 0, end)}"]
unless = ["other"]
)toml";

}  // namespace

TEST_CASE("a [signature] table is read whole", "[signature-data]") {
  auto s = read_signature_text(good, "dir/my_mode.toml");
  REQUIRE(s);
  CHECK(s->key == "my_mode");
  CHECK(s->mode == "test mode");
  CHECK(s->claim == "C99");
  CHECK(s->plot == std::vector<std::string>{"m"});
  REQUIRE(s->checks.size() == 1);
  CHECK(s->checks[0].replicates == Approx(0.66));
  CHECK(s->checks[0].direction == 1);
  REQUIRE(s->diagnosis);
  CHECK(s->diagnosis->unless == std::vector<std::string>{"other"});
  CHECK(s->metrics() == std::vector<std::string>{"m"});
  CHECK_FALSE(read_signature_text("[run]\ndays = 3\n", "x.toml"));
  CHECK_NOTHROW(sim::compare::validate_signature(*s, {"control", "failure"}, {"m", "alive"}));
  CHECK_THROWS_WITH(sim::compare::validate_signature(*s, {"control", "treated"}, {"m"}),
                    Catch::Contains("arm 'failure'"));
  CHECK_THROWS_WITH(sim::compare::validate_signature(*s, {"control", "failure"}, {"alive"}),
                    Catch::Contains("reads 'm', which is not a daily metric"));
}

TEST_CASE("a malformed [signature] names the file, line and key", "[signature-data]") {
  auto fails_with = [](const std::string& text, const std::string& fragment) {
    INFO(text);
    CHECK_THROWS_WITH(read_signature_text(text, "f.toml"), Catch::Contains(fragment));
  };
  fails_with(
      "[signature]\nmode = \"x\"\ncontrol = \"a\"\nfailure = \"b\"\ncolour = 1\n"
      "[[signature.check]]\nmeasure = \"mean(m,0,1)\"\nexpect = \"failure > 0\"\n",
      "f.toml:5:1: unknown key 'signature.colour'");
  fails_with("[signature]\nmode = \"x\"\ncontrol = \"a\"\n", "key 'signature.failure' is missing");
  fails_with("[signature]\nmode = \"x\"\ncontrol = \"a\"\nfailure = \"b\"\n",
             "has no [[signature.check]]");
  fails_with(
      "[signature]\nmode = \"x\"\ncontrol = \"a\"\nfailure = \"b\"\n"
      "[[signature.check]]\nmeasure = \"mean(m, 0)\"\nexpect = \"failure > 0\"\n",
      "f.toml:6:1: key 'signature.check.measure': 'mean' takes 3 arguments");
  fails_with(
      "[signature]\nmode = \"x\"\ncontrol = \"a\"\nfailure = \"b\"\n"
      "[[signature.check]]\nmeasure = \"mean(m, 0, 1)\"\nexpect = \"treated > 0\"\n",
      "f.toml:7:1: key 'signature.check.expect': unknown name 'treated'");
  fails_with("[signature]\nmode = 3\n", "key 'signature.mode': expects a string");
}

TEST_CASE("checks hold on the arms' means and on enough single replicates", "[signature-data]") {
  auto s = read_signature_text(good, "my_mode.toml");
  REQUIRE(s);
  Constant c1(1), c2(1), f1(3), f2(3), f3(1.5);
  std::map<std::string, std::vector<const sim::measure::SeriesSource*>> runs = {
      {"control", {&c1, &c2}}, {"failure", {&f1, &f2, &f3}}};
  auto r = sim::compare::evaluate_signature(*s, runs);
  REQUIRE(r.checks.size() == 1);
  CHECK(r.checks[0].control == Approx(1));
  CHECK(r.checks[0].failure == Approx(2.5));
  CHECK(r.checks[0].replicates_beyond == 2);  // 3 and 3 beat 1 + 1; 1.5 does not
  CHECK(r.holds());
  CHECK(r.verdict() == "holds");

  // Right direction, too small: weakens. Wrong direction: reverses.
  Constant small(1.5), below(0.5);
  runs["failure"] = {&small, &small};
  r = sim::compare::evaluate_signature(*s, runs);
  CHECK_FALSE(r.holds());
  CHECK(r.verdict() == "weakens");
  runs["failure"] = {&below, &below};
  CHECK(sim::compare::evaluate_signature(*s, runs).verdict() == "reverses");
  // Enough on the means but not in single replicates: fails.
  Constant big(9);
  runs["failure"] = {&big, &small, &small};
  r = sim::compare::evaluate_signature(*s, runs);
  CHECK(r.checks[0].replicates_beyond == 1);
  CHECK_FALSE(r.holds());
}
