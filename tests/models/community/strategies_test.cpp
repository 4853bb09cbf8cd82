// The strategy laboratory's comparisons (scenarios/strategies/*.toml): each remedy's effect in
// the direction its claim documents, or the direction the model shows where it disagrees with
// the claim (README, "Which strategy works?"). Each test runs `commsim compare` on the file, as
// a researcher would, and reads summary.csv: an effect holds when the 95% confidence interval
// of the arm's difference from the reference arm lies wholly on the documented side of zero
// (Welch, over the file's replicates). A test fails when the effect vanishes or reverses.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "support/test_paths.hpp"

namespace {

struct ArmDifference {
  double mean = 0, diff = 0, low = 0, high = 0;
};

// (metric, arm) -> the arm's mean and its difference from the reference arm with its 95% CI;
// in a sweep the arm is named "<arm>@<point>" (point 0, 1, ... in the sweep's order).
using Comparison = std::map<std::pair<std::string, std::string>, ArmDifference>;

double number(const std::string& text) {
  return text == "NA" ? std::nan("") : std::stod(text);
}

Comparison compare_strategy(const std::string& name) {
  const auto out = testing_support::scratch_dir("strategy-" + name);
  const auto file = testing_support::source_dir() / "scenarios" / "strategies" / (name + ".toml");
  std::string log;
  const int rc =
      testing_support::run_command(testing_support::commsim_binary().string() + " compare " +
                                       file.string() + " --out " + out.string() + " --quiet",
                                   &log);
  INFO(log);
  REQUIRE(rc == 0);
  std::ifstream in(out / "summary.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) header.push_back(cell);
  }
  Comparison c;
  while (std::getline(in, line)) {
    std::stringstream s(line);
    std::map<std::string, std::string> row;
    std::size_t k = 0;
    for (std::string cell; std::getline(s, cell, ',') && k < header.size(); ++k)
      row[header[k]] = cell;
    const std::string arm = row.count("point") ? row["arm"] + "@" + row["point"] : row["arm"];
    c[{row["metric"], arm}] = {number(row["mean"]), number(row["diff"]), number(row["diff_ci_low"]),
                               number(row["diff_ci_high"])};
  }
  REQUIRE_FALSE(c.empty());
  return c;
}

// The arm's difference from the reference is positive (+1) or negative (-1) beyond its CI.
bool differs(const Comparison& c, const std::string& metric, const std::string& arm, int sign) {
  const auto it = c.find({metric, arm});
  if (it == c.end()) return false;
  const ArmDifference& d = it->second;
  UNSCOPED_INFO(metric << " " << arm << ": diff " << d.diff << " [" << d.low << ", " << d.high
                       << "]");
  return sign > 0 ? d.low > 0 : d.high < 0;
}

double mean_of(const Comparison& c, const std::string& metric, const std::string& arm) {
  const auto it = c.find({metric, arm});
  return it == c.end() ? std::nan("") : it->second.mean;
}

}  // namespace

TEST_CASE("entry thresholds: fewer, more committed members (C20, C21)", "[signature][strategy]") {
  const Comparison c = compare_strategy("entry_thresholds");
  for (const char* arm : {"fee_high", "invite_only", "screening"}) {
    CHECK(differs(c, "took_part_share", arm, +1));  // more of those who join take part
    CHECK(differs(c, "departures", arm, -1));       // and they stay
  }
  for (const char* arm : {"fee_low", "fee_high", "task", "invite_only", "screening"})
    CHECK(differs(c, "final_size", arm, -1));    // a threshold excludes (C20)
  CHECK(differs(c, "quiet_share", "task", -1));  // homework: no silent members left
}

TEST_CASE("the fee sweep: a higher fee buys participation and loyalty at the cost of size (C20)",
          "[signature][strategy]") {
  const Comparison c = compare_strategy("fee_sweep");  // points: fee 0, 0.25, 0.5, 1, 2, 4
  CHECK(differs(c, "took_part_share", "base@5", +1));
  CHECK(differs(c, "departures", "base@5", -1));
  CHECK(differs(c, "final_size", "base@5", -1));
  // Monotone in the fee at the ends of the range: the largest fee excludes the most.
  CHECK(mean_of(c, "final_size", "base@5") < mean_of(c, "final_size", "base@2"));
}

TEST_CASE("group size: a cap keeps the focus, a larger group answers more (C22, C24)",
          "[signature][strategy]") {
  const Comparison c = compare_strategy("group_size");
  for (const char* arm : {"cap100", "cap500"}) {
    CHECK(differs(c, "focus", arm, -1));           // 20-person groups discuss one thing
    CHECK(differs(c, "answered_share", arm, +1));  // more readers, more answers (why the
                                                   // model's lurkers do not rise with size)
  }
  // Splitting is bounded: its sub-groups stay far below the cap, and split ones keep talking.
  CHECK(differs(c, "final_size", "split", +1));
  CHECK(mean_of(c, "final_size", "split") < 0.5 * mean_of(c, "final_size", "cap500"));
}

TEST_CASE("flash groups: more value per member-hour and no ads, fewer who speak (C23)",
          "[signature][strategy]") {
  const Comparison c = compare_strategy("flash_groups");
  CHECK(differs(c, "value_per_member_hour", "flash", +1));
  CHECK(differs(c, "ad_message_share", "flash", -1));
  CHECK(differs(c, "took_part_share", "flash", -1));  // twelve hours leave many silent
}

TEST_CASE(
    "operator levers: introductions make newcomers speak, managers watch more hours "
    "(C27, C29)",
    "[signature][strategy]") {
  const Comparison c = compare_strategy("operator_levers");
  CHECK(differs(c, "took_part_share", "introductions", +1));
  CHECK(differs(c, "quiet_share", "introductions", -1));
  for (const char* arm : {"managers", "leaders"})  // fewer unwatched hours, fewer ads
    CHECK(differs(c, "ad_message_share", arm, -1));
}

TEST_CASE("ads policy: a ban keeps ads out, a window or a price limit them (C28)",
          "[signature][strategy]") {
  const Comparison c = compare_strategy("ads_policy");
  for (const char* arm : {"tolerated", "paid", "window", "thread"})
    CHECK(differs(c, "ad_message_share", arm, +1));  // only a ban removes them
  CHECK(differs(c, "value_per_member_hour", "tolerated", -1));
  for (const char* arm : {"paid", "window"})
    CHECK(mean_of(c, "ad_message_share", arm) < 0.5 * mean_of(c, "ad_message_share", "tolerated"));
}
