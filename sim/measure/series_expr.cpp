#include "sim/measure/series_expr.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "sim/core/input_error.hpp"

namespace sim::measure {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}  // namespace

enum class Kind { number, name, call, add, sub, mul, div, neg, lt, le, gt, ge, and_, or_, not_ };

struct Node {
  Kind kind;
  double number = 0;
  std::string name;  // a name, or a function's name
  std::vector<std::unique_ptr<Node>> args;
};

namespace {

using NodePtr = std::unique_ptr<Node>;

NodePtr make(Kind k, std::vector<NodePtr> args = {}) {
  auto n = std::make_unique<Node>();
  n->kind = k;
  n->args = std::move(args);
  return n;
}

// ---- parsing -------------------------------------------------------------------------------

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  NodePtr parse() {
    NodePtr e = disjunction();
    skip();
    if (at_ < s_.size()) fail("unexpected '" + s_.substr(at_, 1) + "'");
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(what + " at character " + std::to_string(at_ + 1) + " of '" + s_ + "'");
  }
  void skip() {
    while (at_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[at_]))) ++at_;
  }
  bool peek_word(const char* w) {
    skip();
    const std::size_t n = std::char_traits<char>::length(w);
    if (s_.compare(at_, n, w) != 0) return false;
    const std::size_t after = at_ + n;
    return after >= s_.size() ||
           !(std::isalnum(static_cast<unsigned char>(s_[after])) || s_[after] == '_');
  }
  bool word(const char* w) {
    if (!peek_word(w)) return false;
    at_ += std::char_traits<char>::length(w);
    return true;
  }
  bool symbol(const char* sym) {
    skip();
    const std::size_t n = std::char_traits<char>::length(sym);
    if (s_.compare(at_, n, sym) != 0) return false;
    at_ += n;
    return true;
  }

  NodePtr disjunction() {
    NodePtr left = conjunction();
    while (word("or")) {
      std::vector<NodePtr> a;
      a.push_back(std::move(left));
      a.push_back(conjunction());
      left = make(Kind::or_, std::move(a));
    }
    return left;
  }
  NodePtr conjunction() {
    NodePtr left = negation();
    while (word("and")) {
      std::vector<NodePtr> a;
      a.push_back(std::move(left));
      a.push_back(negation());
      left = make(Kind::and_, std::move(a));
    }
    return left;
  }
  NodePtr negation() {
    if (word("not")) {
      std::vector<NodePtr> a;
      a.push_back(negation());
      return make(Kind::not_, std::move(a));
    }
    return comparison();
  }
  NodePtr comparison() {
    NodePtr left = sum();
    Kind k;
    if (symbol("<="))
      k = Kind::le;
    else if (symbol(">="))
      k = Kind::ge;
    else if (symbol("<"))
      k = Kind::lt;
    else if (symbol(">"))
      k = Kind::gt;
    else
      return left;
    std::vector<NodePtr> a;
    a.push_back(std::move(left));
    a.push_back(sum());
    return make(k, std::move(a));
  }
  NodePtr sum() {
    NodePtr left = product();
    for (;;) {
      Kind k;
      if (symbol("+"))
        k = Kind::add;
      else if (symbol("-"))
        k = Kind::sub;
      else
        return left;
      std::vector<NodePtr> a;
      a.push_back(std::move(left));
      a.push_back(product());
      left = make(k, std::move(a));
    }
  }
  NodePtr product() {
    NodePtr left = unary();
    for (;;) {
      Kind k;
      if (symbol("*"))
        k = Kind::mul;
      else if (symbol("/"))
        k = Kind::div;
      else
        return left;
      std::vector<NodePtr> a;
      a.push_back(std::move(left));
      a.push_back(unary());
      left = make(k, std::move(a));
    }
  }
  NodePtr unary() {
    if (symbol("-")) {
      std::vector<NodePtr> a;
      a.push_back(unary());
      return make(Kind::neg, std::move(a));
    }
    return primary();
  }
  NodePtr primary() {
    skip();
    if (at_ >= s_.size()) fail("expression ends too early");
    const char c = s_[at_];
    if (c == '(') {
      ++at_;
      NodePtr e = disjunction();
      if (!symbol(")")) fail("missing ')'");
      return e;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      const char* begin = s_.c_str() + at_;
      char* end = nullptr;
      const double v = std::strtod(begin, &end);
      if (end == begin) fail("bad number");
      at_ += static_cast<std::size_t>(end - begin);
      auto n = make(Kind::number);
      n->number = v;
      return n;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = at_;
      while (at_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[at_])) || s_[at_] == '_'))
        ++at_;
      std::string name = s_.substr(start, at_ - start);
      if (!symbol("(")) {
        auto n = make(Kind::name);
        n->name = std::move(name);
        return n;
      }
      auto n = make(Kind::call);
      n->name = std::move(name);
      if (!symbol(")")) {
        do n->args.push_back(disjunction());
        while (symbol(","));
        if (!symbol(")")) fail("missing ')' after the arguments of " + n->name);
      }
      return n;
    }
    fail("unexpected '" + std::string(1, c) + "'");
  }

  const std::string& s_;
  std::size_t at_ = 0;
};

// ---- checking ------------------------------------------------------------------------------

struct FunctionInfo {
  const char* name;
  int min_args, max_args;
  bool aggregates;  // first argument is a cell expression over daily metrics
};

constexpr FunctionInfo functions[] = {
    {"mean", 3, 3, true},
    {"sum", 1, 3, true},
    {"rate", 2, 2, true},
    {"first_days", 2, 2, true},
    {"last_days", 2, 2, true},
    {"last_third", 1, 1, true},
    {"peak", 2, 2, true},
    {"at_end", 1, 1, true},
    {"alive_at_end", 0, 0, false},
    {"died", 0, 0, false},
    {"share_of_groups", 1, 1, false},
    {"groups", 1, 1, false},
};

const FunctionInfo* find_function(const std::string& name) {
  for (const auto& f : functions)
    if (name == f.name) return &f;
  return nullptr;
}

const std::set<std::string> symbols = {"days", "end", "life"};

// Names in a cell expression are metrics; calls are not allowed there.
void check_cell(const Node& n, const std::string& text) {
  if (n.kind == Kind::call)
    throw InputError("'" + n.name +
                     "(...)' cannot appear inside an aggregate's first argument in '" + text +
                     "' (combine daily metrics with + - * /)");
  for (const auto& a : n.args) check_cell(*a, text);
}

void check(const Node& n, const std::string& text) {
  if (n.kind == Kind::name && !symbols.count(n.name))
    throw InputError("'" + n.name +
                     "' is not a symbol (days, end, life); a daily metric is read through an "
                     "aggregate such as mean(" +
                     n.name + ", 0, end) in '" + text + "'");
  if (n.kind == Kind::call) {
    const FunctionInfo* f = find_function(n.name);
    if (!f) {
      std::string known;
      for (const auto& g : functions) known += std::string(known.empty() ? "" : ", ") + g.name;
      throw InputError("unknown function '" + n.name + "' in '" + text + "' (known: " + known +
                       ")");
    }
    const int k = static_cast<int>(n.args.size());
    if (k < f->min_args || k > f->max_args)
      throw InputError("'" + n.name + "' takes " + std::to_string(f->min_args) +
                       (f->max_args != f->min_args ? "-" + std::to_string(f->max_args) : "") +
                       " arguments, got " + std::to_string(k) + " in '" + text + "'");
    for (std::size_t i = 0; i < n.args.size(); ++i) {
      if (f->aggregates && i == 0)
        check_cell(*n.args[0], text);
      else if (f->aggregates && n.name == "rate" && i == 1)
        check_cell(*n.args[1], text);
      else
        check(*n.args[i], text);
    }
    return;
  }
  for (const auto& a : n.args) check(*a, text);
}

void check_scalar(const Node& n, const std::string& text, const std::vector<std::string>& vars) {
  if (n.kind == Kind::call)
    throw InputError("'" + n.name + "(...)': no functions here, only numbers, " +
                     (vars.empty() ? std::string("arithmetic")
                                   : "the names " +
                                         [&] {
                                           std::string s;
                                           for (const auto& v : vars)
                                             s += (s.empty() ? "" : ", ") + v;
                                           return s;
                                         }()) +
                     " and comparisons, in '" + text + "'");
  if (n.kind == Kind::name && std::find(vars.begin(), vars.end(), n.name) == vars.end()) {
    std::string s;
    for (const auto& v : vars) s += (s.empty() ? "" : ", ") + v;
    throw InputError("unknown name '" + n.name + "' in '" + text + "' (known: " + s + ")");
  }
  for (const auto& a : n.args) check_scalar(*a, text, vars);
}

double eval_scalar(const Node& n, const std::vector<std::string>& vars,
                   const std::vector<double>& values) {
  auto arg = [&](std::size_t i) { return eval_scalar(*n.args[i], vars, values); };
  switch (n.kind) {
    case Kind::number:
      return n.number;
    case Kind::name: {
      const auto at = std::find(vars.begin(), vars.end(), n.name) - vars.begin();
      return static_cast<std::size_t>(at) < values.size() ? values[static_cast<std::size_t>(at)]
                                                          : nan;
    }
    case Kind::neg:
      return -arg(0);
    case Kind::add:
      return arg(0) + arg(1);
    case Kind::sub:
      return arg(0) - arg(1);
    case Kind::mul:
      return arg(0) * arg(1);
    case Kind::div:
      return arg(0) / arg(1);
    case Kind::lt:
      return arg(0) < arg(1) ? 1.0 : 0.0;
    case Kind::le:
      return arg(0) <= arg(1) ? 1.0 : 0.0;
    case Kind::gt:
      return arg(0) > arg(1) ? 1.0 : 0.0;
    case Kind::ge:
      return arg(0) >= arg(1) ? 1.0 : 0.0;
    case Kind::and_:
      return (!std::isnan(arg(0)) && arg(0) != 0) && (!std::isnan(arg(1)) && arg(1) != 0);
    case Kind::or_:
      return (!std::isnan(arg(0)) && arg(0) != 0) || (!std::isnan(arg(1)) && arg(1) != 0);
    case Kind::not_:
      return std::isnan(arg(0)) || arg(0) == 0 ? 1.0 : 0.0;
    case Kind::call:
      return nan;  // excluded by check_scalar
  }
  return nan;
}

void collect_metrics(const Node& n, bool in_cell, std::set<std::string>& out) {
  if (n.kind == Kind::name && in_cell) out.insert(n.name);
  if (n.kind == Kind::call) {
    const FunctionInfo* f = find_function(n.name);
    for (std::size_t i = 0; i < n.args.size(); ++i) {
      const bool cell = f && f->aggregates && (i == 0 || (n.name == "rate" && i == 1));
      collect_metrics(*n.args[i], cell, out);
    }
    return;
  }
  for (const auto& a : n.args) collect_metrics(*a, in_cell, out);
}

// ---- evaluation ----------------------------------------------------------------------------

struct Scope {
  const SeriesSource& run;
  const DailyMatrix& alive;
  std::vector<std::size_t> groups;  // columns in scope
  std::size_t end = 0;              // days [0, end) are in scope
  bool group_scope = false;
  std::size_t life = 0;

  bool alive_at(std::size_t d, std::size_t g) const {
    return d < alive.days && g < alive.groups && alive.at(d, g) == 1.0;
  }
};

double eval(const Node& n, const Scope& s);

// One cell of a cell expression (NaN when a metric has no value there).
double cell(const Node& n, const SeriesSource& run, std::size_t d, std::size_t g) {
  switch (n.kind) {
    case Kind::number:
      return n.number;
    case Kind::name: {
      const DailyMatrix& m = run.daily(n.name);
      return d < m.days && g < m.groups ? m.at(d, g) : nan;
    }
    case Kind::neg:
      return -cell(*n.args[0], run, d, g);
    case Kind::add:
      return cell(*n.args[0], run, d, g) + cell(*n.args[1], run, d, g);
    case Kind::sub:
      return cell(*n.args[0], run, d, g) - cell(*n.args[1], run, d, g);
    case Kind::mul:
      return cell(*n.args[0], run, d, g) * cell(*n.args[1], run, d, g);
    case Kind::div:
      return cell(*n.args[0], run, d, g) / cell(*n.args[1], run, d, g);
    default:
      return nan;  // excluded by check_cell
  }
}

std::size_t day_bound(double x, std::size_t end) {
  if (std::isnan(x) || x <= 0) return 0;
  return std::min(end, static_cast<std::size_t>(std::floor(x)));
}

// Sum and count of a cell expression over the scope's alive cells in days [from, to).
std::pair<double, std::size_t> gather(const Node& x, const Scope& s, std::size_t from,
                                      std::size_t to) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t d = from; d < to; ++d)
    for (std::size_t g : s.groups) {
      if (!s.alive_at(d, g)) continue;
      const double v = cell(x, s.run, d, g);
      if (std::isnan(v)) continue;
      sum += v;
      ++n;
    }
  return {sum, n};
}

double mean_over(const Node& x, const Scope& s, std::size_t from, std::size_t to) {
  auto [sum, n] = gather(x, s, from, to);
  return n ? sum / static_cast<double>(n) : nan;
}

std::vector<std::size_t> founding_groups(const DailyMatrix& alive) {
  std::vector<std::size_t> out;
  if (alive.days == 0) return out;
  for (std::size_t g = 0; g < alive.groups; ++g)
    if (!std::isnan(alive.at(0, g))) out.push_back(g);
  return out;
}

Scope group_scope(const SeriesSource& run, std::size_t g) {
  const DailyMatrix& alive = run.daily("alive");
  Scope s{run, alive, {g}, 0, true, 0};
  for (std::size_t d = 0; d < alive.days; ++d)
    if (g < alive.groups && alive.at(d, g) == 1.0) s.end = d + 1;
  s.life = 0;
  for (std::size_t d = 0; d < s.end; ++d) s.life += s.alive_at(d, g);
  return s;
}

double call(const Node& n, const Scope& s) {
  const std::string& f = n.name;
  auto arg = [&](std::size_t i) { return eval(*n.args[i], s); };
  if (f == "mean")
    return mean_over(*n.args[0], s, day_bound(arg(1), s.end), day_bound(arg(2), s.end));
  if (f == "sum") {
    const std::size_t from = n.args.size() > 1 ? day_bound(arg(1), s.end) : 0;
    const std::size_t to = n.args.size() > 2 ? day_bound(arg(2), s.end) : s.end;
    auto [sum, k] = gather(*n.args[0], s, from, to);
    return k ? sum : 0.0;
  }
  if (f == "rate") {
    const double num = gather(*n.args[0], s, 0, s.end).first;
    const double den = gather(*n.args[1], s, 0, s.end).first;
    return den > 0 ? num / den : nan;
  }
  if (f == "first_days") return mean_over(*n.args[0], s, 0, day_bound(arg(1), s.end));
  if (f == "last_days") {
    const std::size_t k = day_bound(arg(1), s.end);
    return mean_over(*n.args[0], s, s.end - k, s.end);
  }
  if (f == "last_third") return mean_over(*n.args[0], s, s.end - s.end / 3, s.end);
  if (f == "peak") {
    const double want = arg(1);
    const std::size_t k = std::isnan(want) || want < 1 ? 0 : static_cast<std::size_t>(want);
    double best = 0;
    for (std::size_t d = 0; k > 0 && d + k <= s.end; ++d) {
      const double v = mean_over(*n.args[0], s, d, d + k);
      if (v > best) best = v;
    }
    return best;
  }
  if (f == "at_end") return s.end ? mean_over(*n.args[0], s, s.end - 1, s.end) : nan;
  if (f == "alive_at_end") {
    if (s.group_scope) return s.alive_at(s.alive.days - 1, s.groups[0]) ? 1.0 : 0.0;
    auto groups = founding_groups(s.alive);
    if (groups.empty()) return nan;
    double k = 0;
    for (auto g : groups) k += s.alive_at(s.alive.days - 1, g);
    return k / static_cast<double>(groups.size());
  }
  if (f == "died") {
    if (!s.group_scope)
      throw InputError("died() describes one group: use it inside share_of_groups(...)");
    return s.end < s.alive.days ? 1.0 : 0.0;
  }
  if (f == "share_of_groups" || f == "groups") {
    if (s.group_scope) throw InputError(f + "(...) describes a run, not one group");
    auto founded = founding_groups(s.alive);
    double k = 0;
    for (auto g : founded) {
      const double v = eval(*n.args[0], group_scope(s.run, g));
      k += !std::isnan(v) && v != 0;
    }
    if (f == "groups") return k;
    return founded.empty() ? nan : k / static_cast<double>(founded.size());
  }
  throw InputError("unknown function '" + f + "'");
}

double truth(double v) {
  return !std::isnan(v) && v != 0 ? 1.0 : 0.0;
}

double eval(const Node& n, const Scope& s) {
  switch (n.kind) {
    case Kind::number:
      return n.number;
    case Kind::name:
      if (n.name == "days") return static_cast<double>(s.alive.days);
      if (n.name == "end") return static_cast<double>(s.end);
      if (n.name == "life") {
        if (!s.group_scope)
          throw InputError("'life' describes one group: use it inside share_of_groups(...)");
        return static_cast<double>(s.life);
      }
      throw InputError("unknown symbol '" + n.name + "'");
    case Kind::call:
      return call(n, s);
    case Kind::neg:
      return -eval(*n.args[0], s);
    case Kind::add:
      return eval(*n.args[0], s) + eval(*n.args[1], s);
    case Kind::sub:
      return eval(*n.args[0], s) - eval(*n.args[1], s);
    case Kind::mul:
      return eval(*n.args[0], s) * eval(*n.args[1], s);
    case Kind::div:
      return eval(*n.args[0], s) / eval(*n.args[1], s);
    case Kind::lt:
      return eval(*n.args[0], s) < eval(*n.args[1], s) ? 1.0 : 0.0;
    case Kind::le:
      return eval(*n.args[0], s) <= eval(*n.args[1], s) ? 1.0 : 0.0;
    case Kind::gt:
      return eval(*n.args[0], s) > eval(*n.args[1], s) ? 1.0 : 0.0;
    case Kind::ge:
      return eval(*n.args[0], s) >= eval(*n.args[1], s) ? 1.0 : 0.0;
    case Kind::and_:
      return truth(eval(*n.args[0], s)) * truth(eval(*n.args[1], s));
    case Kind::or_:
      return std::max(truth(eval(*n.args[0], s)), truth(eval(*n.args[1], s)));
    case Kind::not_:
      return 1.0 - truth(eval(*n.args[0], s));
  }
  return nan;
}

}  // namespace

Expression::Expression(const std::string& text) : text_(text), root_(Parser(text_).parse()) {
  check(*root_, text_);
}

Expression::Expression(const std::string& text, const std::vector<std::string>& variables)
    : text_(text), variables_(variables), root_(Parser(text_).parse()) {
  check_scalar(*root_, text_, variables_);
}
Expression::~Expression() = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

double Expression::over_run(const SeriesSource& run) const {
  const DailyMatrix& alive = run.daily("alive");
  Scope s{run, alive, {}, alive.days, false, 0};
  for (std::size_t g = 0; g < alive.groups; ++g) s.groups.push_back(g);
  return eval(*root_, s);
}

double Expression::over_group(const SeriesSource& run, std::size_t group) const {
  return eval(*root_, group_scope(run, group));
}

std::vector<std::string> Expression::variables_used() const {
  std::set<std::string> names;
  collect_metrics(*root_, true, names);  // in a scalar expression every name is a variable
  return {names.begin(), names.end()};
}

std::vector<std::string> Expression::metrics() const {
  std::set<std::string> names;
  collect_metrics(*root_, false, names);
  return {names.begin(), names.end()};
}

double Expression::with(const std::vector<double>& values) const {
  return eval_scalar(*root_, variables_, values);
}

std::string Expression::comparison_lhs_name() const {
  if (!comparison_op() || root_->args[0]->kind != Kind::name) return "";
  return root_->args[0]->name;
}
std::string Expression::comparison_rhs_name() const {
  if (!comparison_op() || root_->args[1]->kind != Kind::name) return "";
  return root_->args[1]->name;
}
const char* Expression::comparison_op() const {
  switch (root_->kind) {
    case Kind::lt:
      return "<";
    case Kind::le:
      return "<=";
    case Kind::gt:
      return ">";
    case Kind::ge:
      return ">=";
    default:
      return nullptr;
  }
}

std::string fill_template(const std::string& sentence, const SeriesSource& run, std::size_t group) {
  std::string out;
  std::size_t at = 0;
  while (at < sentence.size()) {
    const std::size_t open = sentence.find('{', at);
    if (open == std::string::npos) {
      out += sentence.substr(at);
      break;
    }
    const std::size_t close = sentence.find('}', open);
    if (close == std::string::npos) throw InputError("unclosed '{' in '" + sentence + "'");
    out += sentence.substr(at, open - at);
    std::string inner = sentence.substr(open + 1, close - open - 1);
    std::string format;
    if (const auto colon = inner.rfind(':'); colon != std::string::npos) {
      format = inner.substr(colon + 1);
      inner = inner.substr(0, colon);
    }
    const double v = Expression(inner).over_group(run, group);
    char buf[64];
    if (!format.empty() && format[0] == '%' && format.size() <= 2 &&
        (format.size() == 1 || std::isdigit(static_cast<unsigned char>(format[1]))))
      std::snprintf(buf, sizeof buf, "%.*f%%", format.size() == 1 ? 0 : format[1] - '0', 100 * v);
    else if (format == "d")
      std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (format.empty())
      std::snprintf(buf, sizeof buf, "%.3g", v);
    else
      throw InputError("unknown format ':" + format + "' in '" + sentence +
                       "' (use :% or :%1 .. :%9 for percentages, :d for whole numbers)");
    out += buf;
    at = close + 1;
  }
  return out;
}

}  // namespace sim::measure
