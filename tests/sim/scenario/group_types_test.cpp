// [group_types.NAME] tables: read into GroupTypeSpec, every refusal naming file, line and the
// full key, and each type's values checked by the consistency rules in a plan.
#include <catch2/catch.hpp>
#include <fstream>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_files.hpp"
#include "support/test_paths.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

Scenario parse(const std::string& text, ScenarioOptions opts = {}) {
  return parse_scenario(text, "types.toml", models::all_params(), opts);
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

using scenario_files::plan_error;
using scenario_files::write;

}  // namespace

TEST_CASE("group types are read into their structures", "[scenario][group_types]") {
  const std::string text =
      "[run]\n"                         // 1
      "days = 60\n"                     // 2
      "[group_types.friends]\n"         // 3
      "share = 0.5\n"                   // 4
      "per_day = 3.0\n"                 // 5
      "hour = 20\n"                     // 6
      "groups.moderators = 0\n"         // 7
      "[group_types.flash]\n"           // 8
      "count = 0\n"                     // 9
      "groups.lifetime_hours = 12\n"    // 10
      "[group_types.work-2]\n"          // 11
      "per_day = 1\n"                   // 12
      "\"groups.strictness\" = 0.75\n"  // 13
      "[group_types.work-2.groups]\n"   // 14
      "entry = \"screening\"\n"         // 15
      "moderators = 3.0\n";             // 16
  auto sc = parse(text);
  REQUIRE(sc.group_types.size() == 3);

  const auto& friends = sc.group_types[0];
  CHECK(friends.name == "friends");
  CHECK(friends.where.str() == "types.toml:3:1");
  CHECK_FALSE(friends.count);
  REQUIRE(friends.share);
  CHECK(*friends.share == 0.5);
  CHECK(friends.per_day == 3.0);
  CHECK(friends.hour == 20);
  REQUIRE(friends.settings.size() == 1);
  CHECK(friends.settings[0].path == "groups.moderators");
  CHECK(friends.settings[0].value == ParamValue{std::int64_t{0}});
  CHECK(friends.settings[0].where.str() == "types.toml:7:8");  // the dotted key's last part

  const auto& flash = sc.group_types[1];
  CHECK(flash.name == "flash");
  REQUIRE(flash.count);
  CHECK(*flash.count == 0);
  CHECK_FALSE(flash.share);
  CHECK(flash.per_day == 0);
  CHECK(flash.hour == -1);
  REQUIRE(flash.settings.size() == 1);
  CHECK(flash.settings[0].path == "groups.lifetime_hours");
  CHECK(flash.settings[0].value == ParamValue{std::int64_t{12}});

  // A quoted dotted key and a sub-table are the same keys; values are checked and converted
  // as top-level values are (3.0 for an integer key is 3).
  const auto& work = sc.group_types[2];
  CHECK(work.name == "work-2");
  REQUIRE(work.settings.size() == 3);
  CHECK(work.settings[0].path == "groups.strictness");
  CHECK(work.settings[0].value == ParamValue{0.75});
  CHECK(work.settings[1].path == "groups.entry");
  CHECK(work.settings[1].value == ParamValue{std::string("screening")});
  CHECK(work.settings[2].path == "groups.moderators");
  CHECK(work.settings[2].value == ParamValue{std::int64_t{3}});
  CHECK(work.settings[2].where.str() == "types.toml:16:1");

  // The run's own values are untouched; a type's values are the run's with its settings.
  CHECK(sc.params.integer("groups.moderators") == 1);
  const Parameters typed = group_type_params(sc.params, friends);
  CHECK(typed.integer("groups.moderators") == 0);
  CHECK(typed.origin("groups.moderators") == "types.toml:7:8");
  CHECK(typed.integer("run.days") == 60);
  CHECK(group_type_names(sc.group_types) == std::vector<std::string>{"friends", "flash", "work-2"});
  CHECK(founding_text(friends) == "share 0.5, 3/day at 20:00");
  CHECK(founding_text(flash) == "count 0");
  CHECK(founding_text(work) == "1/day spread over the day");
}

TEST_CASE("without group types there is one implicit type, default", "[scenario][group_types]") {
  auto sc = parse("[run]\ndays = 5\n");
  CHECK(sc.group_types.empty());
  CHECK(sc.events.empty());
  CHECK(group_type_names(sc.group_types) == std::vector<std::string>{"default"});
}

TEST_CASE("bad group types fail with file, line and the full key", "[scenario][group_types]") {
  using Catch::Contains;
  const std::string head = "[run]\ndays = 10\n";  // the type starts on line 3
  // names
  CHECK_THAT(error_of(head + "[group_types.\"fr iends\"]\ncount = 1\n"),
             Contains("types.toml:3") && Contains("'group_types.fr iends'") &&
                 Contains("letters, digits"));
  CHECK_THAT(
      error_of(head + "[group_types]\nfriends = 3\n"),
      Contains("types.toml:4") && Contains("'group_types.friends'") && Contains("expects a table"));
  CHECK_THAT(error_of("group_types = 3\n" + head),
             Contains("types.toml:1:1") && Contains("'group_types'"));
  CHECK_THAT(error_of(head + "[group_types]\n"),
             Contains("types.toml:3") && Contains("declares no type"));
  // count, share, per_day, hour
  CHECK_THAT(
      error_of(head + "[group_types.a]\ncount = -1\n"),
      Contains("types.toml:4:1") && Contains("'group_types.a.count'") && Contains("out of range"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 2.5\n"),
             Contains("types.toml:4:1") && Contains("'group_types.a.count'") &&
                 Contains("expects an integer"));
  CHECK_THAT(
      error_of(head + "[group_types.a]\nshare = 1.5\n"),
      Contains("types.toml:4:1") && Contains("'group_types.a.share'") && Contains("out of range"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 3\nshare = 0.5\n"),
             Contains("types.toml:5:1") && Contains("'group_types.a.share'") &&
                 Contains("count or share, not both") && Contains("count at types.toml:4:1"));
  CHECK_THAT(error_of(head + "[group_types.a]\nper_day = -1\n"),
             Contains("types.toml:4:1") && Contains("'group_types.a.per_day'") &&
                 Contains("out of range"));
  CHECK_THAT(
      error_of(head + "[group_types.a]\nper_day = inf\n"),
      Contains("types.toml:4:1") && Contains("'group_types.a.per_day'") && Contains("finite"));
  CHECK_THAT(error_of(head + "[group_types.a]\nper_day = 1\nhour = 24\n"),
             Contains("types.toml:5:1") && Contains("'group_types.a.hour'") &&
                 Contains("out of range [-1, 23]"));
  CHECK_THAT(error_of(head + "[group_types.a]\nper_day = 1\nhour = -2\n"),
             Contains("types.toml:5:1") && Contains("out of range [-1, 23]"));
  CHECK_THAT(
      error_of(head + "[group_types.a]\ngroups.moderators = 2\n"),
      Contains("types.toml:3:1") && Contains("'group_types.a'") && Contains("founds no groups"));
  CHECK_THAT(error_of(head + "[group_types.a]\nper_day = 0\nhour = 3\n"),
             Contains("types.toml:3:1") && Contains("founds no groups"));
  // unknown keys
  CHECK_THAT(error_of(head + "[group_types.a]\nshar = 0.5\n"),
             Contains("types.toml:4:1") && Contains("'group_types.a.shar'") &&
                 Contains("did you mean 'share'"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\ngroups.modertors = 2\n"),
             Contains("types.toml:5:8") && Contains("'group_types.a.groups.modertors'") &&
                 Contains("did you mean 'groups.moderators'"));
  CHECK_THAT(
      error_of(head + "[group_types.a]\ncount = 1\n[group_types.a.nonsense]\nx = 1\n"),
      Contains("types.toml:5") && Contains("'group_types.a.nonsense'") && Contains("unknown"));
  // world-scope keys: one value for the whole platform
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\ngroups.count = 5\n"),
             Contains("types.toml:5:8") && Contains("'group_types.a.groups.count'") &&
                 Contains("one value for the whole platform") && Contains("group-scope"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\n[group_types.a.population]\nsize = 50\n"),
             Contains("types.toml:6:1") && Contains("'group_types.a.population.size'") &&
                 Contains("whole platform"));
  // values checked as top-level values are
  CHECK_THAT(error_of(head + "[group_types.flash]\ncount = 0\ngroups.lifetime_hours = -12\n"),
             Contains("types.toml:5:8") && Contains("'group_types.flash.groups.lifetime_hours'") &&
                 Contains("out of range"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\ngroups.entry = \"lottery\"\n"),
             Contains("types.toml:5:8") && Contains("'group_types.a.groups.entry'") &&
                 Contains("is not one of"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\ngroups.moderators = \"two\"\n"),
             Contains("types.toml:5:8") && Contains("'group_types.a.groups.moderators'") &&
                 Contains("expects an integer"));
  CHECK_THAT(error_of(head + "[group_types.a]\ncount = 1\ngroups.moderators = [1, 2]\n"),
             Contains("types.toml:5:8") && Contains("'group_types.a.groups.moderators'") &&
                 Contains("not a list"));
  CHECK_THAT(
      error_of(head +
               "[group_types.a]\ncount = 1\n\"groups.moderators\" = 1\ngroups.moderators = 2\n"),
      Contains("types.toml:6:8") && Contains("'group_types.a.groups.moderators'") &&
          Contains("second time") && Contains("types.toml:5:1"));
}

TEST_CASE("a plan checks each group type's values with the consistency rules",
          "[scenario][group_types][plan]") {
  using Catch::Contains;
  auto dir = testing_support::scratch_dir("group-types-plan");
  // groups.min_size must not exceed groups.initial_size (30 by default): the type breaks it.
  CHECK_THAT(plan_error(write(dir, "big.toml",
                              "[run]\ndays = 3\n[group_types.big]\ncount = 2\n"
                              "groups.min_size = 40\n")),
             Contains("in group type 'big' of") && Contains("big.toml") &&
                 Contains("big.toml:5:8") && Contains("groups.min_size"));
  // An arm makes the type's value contradictory.
  CHECK_THAT(
      plan_error(write(dir, "arm.toml",
                       "[run]\ndays = 3\n[group_types.small]\ncount = 2\n"
                       "groups.min_size = 10\n[arms.a]\n[arms.b]\ngroups.initial_size = 5\n")),
      Contains("in group type 'small' of arm 'b' of") && Contains("arm.toml:5:8") &&
          Contains("arm.toml:8:8"));
  // So does a sweep point.
  CHECK_THAT(plan_error(write(dir, "sweep.toml",
                              "[run]\ndays = 3\n[group_types.small]\ncount = 2\n"
                              "groups.min_size = 10\n[sweep]\ngroups.initial_size = [20, 5]\n")),
             Contains("at sweep point p") && Contains("in group type 'small' of") &&
                 Contains("sweep.toml:5:8"));
  // A setting the type's other values make irrelevant is a warning naming the type.
  auto plan = batch::plan_runs(
      {write(dir, "warn.toml", "[run]\ndays = 3\n[group_types.paid]\ncount = 2\ngroups.fee = 5.0\n")
           .string()},
      models::all_params());
  REQUIRE(plan.sources[0].warnings.size() == 1);
  CHECK_THAT(plan.sources[0].warnings[0],
             Contains("in group type 'paid' of") && Contains("warn.toml:5:8"));
}

TEST_CASE("arms and planned runs keep the group types", "[scenario][group_types][plan]") {
  auto dir = testing_support::scratch_dir("group-types-arms");
  auto file = write(dir, "arms.toml",
                    "[run]\ndays = 3\n[group_types.a]\ncount = 2\n[group_types.b]\nshare = 0.25\n"
                    "[arms.x]\n[arms.y]\ngroups.count = 8\n");
  auto plan = batch::plan_runs({file.string()}, models::all_params());
  REQUIRE(plan.runs.size() == 2);
  for (std::size_t r = 0; r < plan.runs.size(); ++r) {
    const Scenario sc = plan.scenario(r);
    REQUIRE(sc.group_types.size() == 2);
    CHECK(sc.group_types[0].name == "a");
    CHECK(*sc.group_types[1].share == 0.25);
  }
  CHECK(plan.scenario(1).params.integer("groups.count") == 8);
}

TEST_CASE("commsim inspect lists the group types", "[scenario][group_types][cli]") {
  auto dir = testing_support::scratch_dir("group-types-inspect");
  auto file = write(dir, "t.toml",
                    "[run]\ndays = 3\n[population]\nsize = 300\n[groups]\ncount = 4\n"
                    "[group_types.friends]\nshare = 0.5\nper_day = 3.0\nhour = 20\n"
                    "groups.moderators = 0\n[group_types.flash]\ncount = 1\n"
                    "groups.lifetime_hours = 12\n");
  std::string out;
  REQUIRE(testing_support::run_command(
              testing_support::commsim_binary().string() + " inspect " + file.string(), &out) == 0);
  CHECK_THAT(out, Catch::Contains("# group types") &&
                      Catch::Contains("friends: share 0.5, 3/day at 20:00") &&
                      Catch::Contains("flash: count 1") &&
                      Catch::Contains("groups.lifetime_hours = 12") &&
                      Catch::Contains("t.toml:12:1"));
}
