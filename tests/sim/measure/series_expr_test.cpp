// The series expression language (sim/measure/series_expr.hpp) on hand-made series whose
// answers are known: aggregates over alive cells, windows, group scope, conditions, errors.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "sim/core/input_error.hpp"
#include "sim/measure/series_expr.hpp"

using sim::DailyMatrix;
using sim::measure::Expression;

namespace {

const double NaN = std::nan("");

// Series given day by day: rows[d][g].
DailyMatrix matrix(const std::vector<std::vector<double>>& rows) {
  DailyMatrix m;
  m.days = rows.size();
  m.groups = rows.empty() ? 0 : rows[0].size();
  for (const auto& r : rows) m.values.insert(m.values.end(), r.begin(), r.end());
  return m;
}

class Series final : public sim::measure::SeriesSource {
 public:
  std::map<std::string, DailyMatrix> m;
  const DailyMatrix& daily(const std::string& metric) const override {
    auto it = m.find(metric);
    if (it == m.end()) throw sim::InputError("no daily series '" + metric + "'");
    return it->second;
  }
};

// Two groups over 6 days; group 1 dies after day 2 (alive 0 from day 3); group 2 is founded
// on day 2 (NaN before).
Series sample() {
  Series s;
  s.m["alive"] = matrix({{1, 1, NaN}, {1, 1, NaN}, {1, 1, 1}, {1, 0, 1}, {1, 0, 1}, {1, 0, 1}});
  s.m["x"] = matrix({{1, 10, NaN}, {2, 20, NaN}, {3, 30, 5}, {4, 99, 5}, {5, 99, 5}, {6, 99, NaN}});
  s.m["size"] =
      matrix({{10, 10, NaN}, {10, 10, NaN}, {10, 10, 4}, {10, 0, 4}, {10, 0, 4}, {10, 0, 4}});
  s.m["leaves"] = matrix({{1, 0, NaN}, {0, 2, NaN}, {1, 0, 0}, {0, 0, 1}, {0, 0, 0}, {1, 0, 0}});
  return s;
}

}  // namespace

TEST_CASE("aggregates read only alive, non-NaN cells", "[measure]") {
  const Series s = sample();
  // Alive cells of x: group 0 all 6 days (1..6), group 1 days 0-2 (10, 20, 30), group 2 days
  // 2-4 (5, 5, 5; day 5 is NaN).
  CHECK(Expression("mean(x, 0, end)").over_run(s) == Approx((21 + 60 + 15) / 12.0));
  CHECK(Expression("sum(x)").over_run(s) == Approx(96));
  CHECK(Expression("first_days(x, 2)").over_run(s) == Approx((1 + 2 + 10 + 20) / 4.0));
  CHECK(Expression("last_days(x, 1)").over_run(s) == Approx(6));
  CHECK(Expression("last_third(x)").over_run(s) == Approx((5 + 6 + 5) / 3.0));
  CHECK(Expression("at_end(x)").over_run(s) == Approx(6));
  CHECK(Expression("rate(leaves, size)").over_run(s) == Approx(6.0 / (60 + 30 + 16)));
  CHECK(Expression("rate(leaves + leaves, size)").over_run(s) == Approx(12.0 / 106));
  CHECK(std::isnan(Expression("mean(x, 7, 9)").over_run(s)));  // no cell
}

TEST_CASE("group scope: a group's life, died(), life, peak", "[measure]") {
  const Series s = sample();
  const Expression died("died()"), life("life"), end("end");
  CHECK(died.over_group(s, 0) == 0);
  CHECK(died.over_group(s, 1) == 1);
  CHECK(life.over_group(s, 1) == 3);
  CHECK(end.over_group(s, 1) == 3);
  CHECK(life.over_group(s, 2) == 4);  // days 2-5
  CHECK(Expression("last_days(x, 2)").over_group(s, 1) == Approx(25));
  CHECK(Expression("at_end(x)").over_group(s, 1) == Approx(30));
  CHECK(Expression("peak(x, 2)").over_group(s, 0) == Approx(5.5));
  CHECK(Expression("peak(x, 9)").over_group(s, 0) == 0);  // no full window: 0
}

TEST_CASE("run-level group counts and conditions", "[measure]") {
  const Series s = sample();
  // Founding groups are those with a value on day 0: groups 0 and 1.
  CHECK(Expression("alive_at_end()").over_run(s) == Approx(0.5));
  CHECK(Expression("groups(died())").over_run(s) == 1);
  CHECK(Expression("share_of_groups(died() or life > 5)").over_run(s) == 1);
  CHECK(Expression("share_of_groups(not died() and last_days(x, 1) > 5)").over_run(s) == 0.5);
  CHECK(Expression("1 + 2 * 3 - -1").over_run(s) == 8);
  CHECK(Expression("(1 + 2) * 3 / 9 >= 1").over_run(s) == 1);
  CHECK(Expression("mean(x, 7, 9) < 1").over_run(s) == 0);  // NaN compares false
  CHECK(Expression("not (mean(x, 7, 9) > 1)").over_run(s) == 1);
}

TEST_CASE("scalar expressions over named variables", "[measure]") {
  const Expression e("failure > control + 0.2", {"control", "failure"});
  CHECK(e.with({0.1, 0.5}) == 1);
  CHECK(e.with({0.4, 0.5}) == 0);
  CHECK(std::string(e.comparison_op()) == ">");
  CHECK(e.comparison_lhs_name() == "failure");
  CHECK(e.comparison_rhs_name().empty());
  CHECK_THROWS_WITH(Expression("failure > treatment", {"control", "failure"}),
                    Catch::Contains("unknown name 'treatment'"));
  CHECK_THROWS_WITH(Expression("mean(x, 0, 1) > 0", {"control"}), Catch::Contains("no functions"));
}

TEST_CASE("bad expressions are refused with what is wrong", "[measure]") {
  CHECK_THROWS_WITH(Expression("mean(x, 0"), Catch::Contains("missing ')'"));
  CHECK_THROWS_WITH(Expression("meen(x, 0, 1)"), Catch::Contains("unknown function 'meen'"));
  CHECK_THROWS_WITH(Expression("mean(x, 0)"), Catch::Contains("takes 3 arguments"));
  CHECK_THROWS_WITH(Expression("x > 1"), Catch::Contains("'x' is not a symbol"));
  CHECK_THROWS_WITH(Expression("mean(last_days(x, 2), 0, 1)"),
                    Catch::Contains("cannot appear inside an aggregate"));
  CHECK_THROWS_WITH(Expression("1 +"), Catch::Contains("ends too early"));
  CHECK_THROWS_WITH(Expression("1 $ 2"), Catch::Contains("unexpected '$'"));
  const Series s = sample();
  CHECK_THROWS_WITH(Expression("mean(y, 0, 1)").over_run(s),
                    Catch::Contains("no daily series 'y'"));
  CHECK_THROWS_WITH(Expression("died()").over_run(s), Catch::Contains("one group"));
}

TEST_CASE("metrics() lists the daily metrics an expression reads", "[measure]") {
  CHECK(Expression("rate(removals + leaves, size) > 0.1 * mean(x, 0, end)").metrics() ==
        std::vector<std::string>{"leaves", "removals", "size", "x"});
}

TEST_CASE("evidence templates fill in values in a group's scope", "[measure]") {
  const Series s = sample();
  CHECK(sim::measure::fill_template("x was {last_days(x, 2)}, {at_end(x) / 100:%} of 100, "
                                    "{life:d} days ({at_end(x) / 7:%1})",
                                    s, 1) == "x was 25, 30% of 100, 3 days (428.6%)");
  CHECK_THROWS_WITH(sim::measure::fill_template("{life:x}", s, 0),
                    Catch::Contains("unknown format"));
}
