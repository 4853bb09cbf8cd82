// Golden regression data (the LAMMPS way): each case tests/golden/<case>.toml names a
// scenario (an arm, overrides such as a shorter run) and a tolerance; tests/golden/<case>.tsv
// holds the daily and platform metrics that run produced when the data was last made on
// purpose. This one driver runs the case named by COMMSIM_GOLDEN_CASE (ctest runs one test
// per case) and compares every value; with COMMSIM_UPDATE_GOLDEN=1 it rewrites the reference
// instead (scripts/update-golden.sh). A commit that changes model behaviour regenerates the
// data and says why.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "support/model_runs.hpp"
#include "support/test_paths.hpp"

using testing_support::DailySeries;

namespace {

struct GoldenCase {
  std::string name, scenario, arm;
  std::vector<std::string> overrides;
  double relative = 1e-6, absolute = 1e-9;
};

GoldenCase read_case(const std::filesystem::path& file) {
  toml::table t = toml::parse_file(file.string());
  GoldenCase c;
  c.name = file.stem().string();
  c.scenario = t["scenario"].value_or(std::string());
  c.arm = t["arm"].value_or(std::string());
  if (auto* a = t["set"].as_array())
    for (auto& e : *a) c.overrides.push_back(e.value_or(std::string()));
  c.relative = t["tolerance"]["relative"].value_or(c.relative);
  c.absolute = t["tolerance"]["absolute"].value_or(c.absolute);
  if (c.scenario.empty()) throw std::runtime_error(file.string() + ": no 'scenario'");
  return c;
}

std::string number(double v) {
  if (std::isnan(v)) return "nan";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The reference text: a [daily] table (day, group, every daily metric) and a [platform]
// table (day, every platform metric), tab-separated.
std::string render(const GoldenCase& c, const DailySeries& r) {
  std::ostringstream out;
  out << "# golden data of case " << c.name << " (tests/golden/" << c.name
      << ".toml); regenerate only on purpose: scripts/update-golden.sh\n[daily]\nday\tgroup";
  for (const auto& n : r.daily_names) out << '\t' << n;
  out << '\n';
  for (std::size_t d = 0; d < r.days.size(); ++d)
    for (std::size_t g = 0; g < r.groups(d); ++g) {
      out << d << '\t' << g;
      for (const auto& n : r.daily_names) out << '\t' << number(r.daily(n, d, g));
      out << '\n';
    }
  out << "[platform]\nday";
  for (const auto& n : r.platform_names) out << '\t' << n;
  out << '\n';
  for (std::size_t d = 0; d < r.days.size(); ++d) {
    out << d;
    for (const auto& n : r.platform_names) out << '\t' << number(r.platform(n, d));
    out << '\n';
  }
  return out.str();
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream s(line);
  std::string field;
  while (std::getline(s, field, sep)) out.push_back(field);
  return out;
}

}  // namespace

TEST_CASE("golden regression data", "[golden]") {
  const char* name = std::getenv("COMMSIM_GOLDEN_CASE");
  if (!name) {
    WARN("COMMSIM_GOLDEN_CASE is not set: ctest runs one golden.<case> test per case");
    return;
  }
  const auto dir = testing_support::source_dir() / "tests" / "golden";
  const GoldenCase c = read_case(dir / (std::string(name) + ".toml"));
  const std::string got =
      render(c, testing_support::run_arm_in_memory(c.scenario, c.arm, c.overrides));
  const auto reference = dir / (c.name + ".tsv");
  if (const char* update = std::getenv("COMMSIM_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(reference, std::ios::binary) << got;
    WARN("rewrote " << reference.string());
    return;
  }
  std::ifstream in(reference, std::ios::binary);
  REQUIRE(in);  // missing: run scripts/update-golden.sh and commit the file
  std::stringstream expected_text;
  expected_text << in.rdbuf();
  std::stringstream expected(expected_text.str()), actual(got);
  std::string e, a, section;
  std::vector<std::string> header;
  std::size_t line = 0, mismatches = 0, compared = 0;
  std::string first_mismatches;
  while (true) {
    const bool more_e = static_cast<bool>(std::getline(expected, e));
    const bool more_a = static_cast<bool>(std::getline(actual, a));
    ++line;
    if (!more_e || !more_a) {
      INFO(c.name << ".tsv:" << line << ": the reference and the run differ in length");
      CHECK(more_e == more_a);
      break;
    }
    if (e.empty() || e[0] == '#') continue;
    if (e[0] == '[') {
      section = e;
      REQUIRE(a == e);
      continue;
    }
    const auto fe = split(e, '\t'), fa = split(a, '\t');
    if (fe.at(0) == "day") {
      INFO(c.name << ".tsv:" << line
                  << ": the metrics differ (a metric was added, removed or renamed)");
      REQUIRE(fe == fa);
      header = fe;
      continue;
    }
    REQUIRE(fe.size() == fa.size());
    for (std::size_t k = 0; k < fe.size(); ++k) {
      const double x = std::strtod(fe[k].c_str(), nullptr), y = std::strtod(fa[k].c_str(), nullptr);
      ++compared;
      const bool same = (std::isnan(x) && std::isnan(y)) ||
                        std::abs(x - y) <= c.absolute + c.relative * std::abs(x);
      if (same) continue;
      if (++mismatches <= 10)
        first_mismatches += "\n  " + c.name + ".tsv:" + std::to_string(line) + " " + section + " " +
                            header.at(k) + " (day " + fe[0] +
                            (section == "[daily]" ? ", group " + fe[1] : std::string()) +
                            "): reference " + fe[k] + ", now " + fa[k];
    }
  }
  INFO(mismatches << " of " << compared << " values differ beyond |a-b| <= " << c.absolute << " + "
                  << c.relative << "|a|" << first_mismatches);
  CHECK(mismatches == 0);
}
