#pragma once
// A small expression language over a run's daily series, so that what a scenario expects
// (a failure signature) and how a run is recognised (a diagnosis rule) can be written as
// data, next to the scenario, instead of as code:
//
//   last_third(ad_share)                         mean over the last third of the days
//   rate(removals + leaves, size)                events per member-day
//   last_days(messages, 30) < 0.2 * peak(messages, 30)
//   share_of_groups(died() and life > 60)
//
// Grammar: numbers; + - * / and unary -; comparisons < <= > >= ; and, or, not; parentheses;
// function calls. Inside an aggregate's first argument, names are daily metrics combined cell
// by cell (removals + leaves); elsewhere a name is one of the symbols
//   days   the run's length in days
//   end    the end of the scope: the run's length, or one past a group's last day alive
//   life   the days a group was alive (group scope)
// and booleans are 1 and 0.
//
// An expression is evaluated in a scope: the whole run (every group, each day it was alive)
// or one group (its days alive). Aggregates use the cells of the scope (day, group) where the
// group was alive (daily metric `alive` = 1) and the value is not NaN:
//   mean(x, from, to)     mean over days [from, to)
//   sum(x[, from, to])    sum
//   rate(x, y)            sum of x over sum of y
//   first_days(x, n)      mean over days [0, n)
//   last_days(x, n)       mean over days [end - n, end)
//   last_third(x)         mean over days [end - floor(end/3), end)
//   peak(x, n)            highest mean over n consecutive days (0 when the scope is shorter)
//   at_end(x)             mean over the scope's groups of x on day end - 1
// and, about groups:
//   alive_at_end()        run: share of the groups founded on day 0 alive on the last day;
//                         group: 1 or 0
//   died()                group: 1 when the group stopped being alive before the last day
//   share_of_groups(c)    run: share of the groups founded on day 0 for which condition c
//   groups(c)             run: how many groups founded on day 0 satisfy c (c in group scope)
// An aggregate with no cell to read is NaN; a comparison with NaN is false.
#include <memory>
#include <string>
#include <vector>

#include "sim/output/run_reader.hpp"

namespace sim::measure {

// The daily series an expression reads: /daily/<metric> as [day][group] matrices.
class SeriesSource {
 public:
  virtual ~SeriesSource() = default;
  // InputError naming the metric when there is no such series.
  virtual const DailyMatrix& daily(const std::string& metric) const = 0;
};

// A run file as a series source.
class RunSeries final : public SeriesSource {
 public:
  explicit RunSeries(const RunReader& run) : run_(run) {}
  const DailyMatrix& daily(const std::string& metric) const override { return run_.daily(metric); }

 private:
  const RunReader& run_;
};

struct Node;

class Expression {
 public:
  // Parses `text` as an expression over the daily series; InputError "... in 'text': what is
  // wrong" (callers add the file and key).
  explicit Expression(const std::string& text);
  // Parses `text` as arithmetic and comparisons over the named numbers `variables` (no
  // series, no functions), e.g. "failure > control + 0.2" with variables {failure, control}.
  Expression(const std::string& text, const std::vector<std::string>& variables);
  ~Expression();
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;

  const std::string& text() const { return text_; }

  // Value over the whole run.
  double over_run(const SeriesSource& run) const;
  // Value over one group's life (days 0 .. its last day alive).
  double over_group(const SeriesSource& run, std::size_t group) const;
  // Value of an expression over variables, given in the order they were declared.
  double with(const std::vector<double>& values) const;

  // The daily metrics it reads (to check a file has them before evaluating).
  std::vector<std::string> metrics() const;
  // The variables a scalar expression uses.
  std::vector<std::string> variables_used() const;

  // For an expression of the form `a OP b` with OP a comparison: its parts (else null).
  const char* comparison_op() const;  // "<", "<=", ">", ">=" or nullptr
  // The name alone on the left (or right) of a top-level comparison, else "".
  std::string comparison_lhs_name() const;
  std::string comparison_rhs_name() const;

 private:
  std::string text_;
  std::vector<std::string> variables_;
  std::unique_ptr<Node> root_;
};

// A sentence with {expression} placeholders, filled in with values computed in a group's
// scope (for diagnosis evidence): {x} as 3 significant digits, {x:%} as a percentage, {x:%2}
// with two decimals, {x:d} as a whole number.
std::string fill_template(const std::string& sentence, const SeriesSource& run, std::size_t group);

}  // namespace sim::measure
