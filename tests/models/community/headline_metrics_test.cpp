// The community model's headline metrics on a hand-made run file whose every number is
// known: 6 days, two founding groups (g1 dies after day 3) and a group founded on day 3.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/community/headline_metrics.hpp"
#include "models/registry.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/run_file.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using Catch::Matchers::WithinRel;

namespace {

const double nan = std::nan("");
enum {
  alive,
  size,
  active_share,
  muted_share,
  focus,
  mean_value,
  expert_retention,
  quiet_share,
  value_gained_g,
  messages_g,
  ad_messages,
  programme_messages,
  replies,
  answered_share,
  complaints,
  leaves,
  removals
};
const std::vector<MetricSpec> daily = {{"alive", "", ""},
                                       {"size", "", ""},
                                       {"active_share", "", ""},
                                       {"muted_share", "", ""},
                                       {"focus", "", ""},
                                       {"mean_value", "", ""},
                                       {"expert_retention", "", ""},
                                       {"quiet_share", "", ""},
                                       {"value_gained", "", ""},
                                       {"messages", "", ""},
                                       {"ad_messages", "", ""},
                                       {"programme_messages", "", ""},
                                       {"replies", "", ""},
                                       {"answered_share", "", ""},
                                       {"complaints", "", ""},
                                       {"leaves", "", ""},
                                       {"removals", "", ""}};
enum { ad_share, value_gained, messages };
const std::vector<MetricSpec> platform = {
    {"ad_share", "", ""}, {"value_gained", "", ""}, {"messages", "", ""}};

std::string write_known_run(bool with_all = true) {
  static Parameters params(models::all_params());
  const auto path =
      (testing_support::scratch_dir(with_all ? "headline" : "headline-missing") / "run.h5")
          .string();
  RunHeader header{1, "", "known", &params, 6, {}};
  auto d_specs = daily;
  if (!with_all) d_specs.pop_back();  // no /daily/removals
  RunFile file(path, header, d_specs, platform, {4, 4});
  if (with_all) {  // the lifetime totals of every group ever founded (a flash group among them)
    const TableSpec spec{"groups",
                         "",
                         {{"member_hours", ColumnType::f64, "", ""},
                          {"members_ever", ColumnType::u32, "", ""},
                          {"took_part", ColumnType::u32, "", ""},
                          {"messages", ColumnType::u32, "", ""},
                          {"ad_messages", ColumnType::u32, "", ""},
                          {"value_gained", ColumnType::f64, "", ""}},
                         true};
    const std::size_t table = file.declare_table(spec);
    TableRows rows(spec);
    rows.add_row({100, 10, 4, 50, 5, 30});
    rows.add_row({300, 20, 6, 150, 15, 10});
    file.replace_rows(table, rows);
  }
  const double ad[] = {0.1, nan, 0.2, 0.3, nan, 0.4};
  for (Day d = 0; d < 6; ++d) {
    const std::size_t groups = d < 3 ? 2 : 3;
    DayFrame f;
    f.reset(d_specs.size(), platform.size(), groups);
    for (std::size_t g = 0; g < groups; ++g) {
      const bool dead = g == 1 && d >= 4;
      f.at(alive, g) = dead ? 0 : 1;
      f.at(size, g) = g == 0 ? 10 : g == 1 ? 7 : 4;
      f.at(active_share, g) = dead ? 0.9 : (d == 2 && g == 0) ? nan : 0.1 * (d + 1) + 0.01 * g;
      f.at(muted_share, g) = dead ? 0.9 : 0.05;
      f.at(focus, g) = dead ? 100 : d + g;
      f.at(mean_value, g) = dead ? 100 : 2.0 * (d + g);
      f.at(expert_retention, g) = g == 0 ? 0.5 : g == 1 ? nan : 0.8;
      f.at(quiet_share, g) = dead ? 0.9 : 0.3;
      f.at(value_gained_g, g) = dead ? 0 : d + 1;
      f.at(messages_g, g) = dead ? 0 : 10;
      f.at(ad_messages, g) = dead ? 0 : 2;
      f.at(programme_messages, g) = dead ? 0 : 1;
      f.at(replies, g) = dead ? 0 : 3;
      f.at(answered_share, g) = dead ? 0.9 : 0.5 + 0.1 * g;
      f.at(complaints, g) = dead ? 0 : 1;
      f.at(leaves, g) = 1;
      if (with_all) f.at(removals, g) = (g == 2 && d == 4) ? 2 : 0;
    }
    f.platform[ad_share] = ad[d];
    f.platform[value_gained] = d + 1;
    f.platform[messages] = d < 5 ? 10 : 0;
    file.append(f);
  }
  file.finish();
  return path;
}

double value_of(const std::string& name, const RunReader& run) {
  for (const auto& m : community::headline_metrics())
    if (m.name == name) return m.compute(run);
  FAIL("no headline metric " << name);
  return nan;
}

}  // namespace

TEST_CASE("the headline metrics are the documented list, each with a unit and a definition",
          "[compare]") {
  std::vector<std::string> names;
  for (const auto& m : community::headline_metrics()) {
    names.push_back(m.name);
    CHECK_FALSE(m.unit.empty());
    CHECK_FALSE(m.description.empty());
    CHECK(m.compute);
  }
  CHECK(names == std::vector<std::string>{"days_alive",
                                          "alive_at_end",
                                          "final_size",
                                          "active_share",
                                          "muted_share",
                                          "ad_share",
                                          "focus",
                                          "mean_value",
                                          "expert_retention",
                                          "quiet_share",
                                          "leaves",
                                          "departures",
                                          "removals",
                                          "value_gained",
                                          "value_per_message",
                                          "value_per_member_day",
                                          "value_per_member_hour",
                                          "took_part_share",
                                          "ad_message_share",
                                          "replies_per_post",
                                          "answered_share",
                                          "disputes"});
}

TEST_CASE("headline metrics of a run whose numbers are known", "[compare]") {
  RunReader run(write_known_run());
  // founding groups g0 (6 days alive) and g1 (4 days)
  CHECK(value_of("days_alive", run) == 5.0);
  // on the last day: g0 alive, g1 dead, g2 (founded day 3) alive
  CHECK_THAT(value_of("alive_at_end", run), WithinRel(2.0 / 3, 1e-14));
  // sizes 10, (7 but dead: 0), 4
  CHECK_THAT(value_of("final_size", run), WithinRel(14.0 / 3, 1e-14));
  // alive cells, NaN skipped: .10 .11 .20 .21 .31 .40 .41 .42 .50 .52 .60 .62 -> 4.40 / 12
  CHECK_THAT(value_of("active_share", run), WithinRel(4.40 / 12, 1e-12));
  CHECK_THAT(value_of("muted_share", run), WithinRel(0.05, 1e-14));  // dead cells' 0.9 left out
  CHECK_THAT(value_of("ad_share", run), WithinRel(0.25, 1e-14));     // NaN days skipped
  // last third: days 4, 5; alive cells g0 and g2: (4 + 6 + 5 + 7) / 4
  CHECK_THAT(value_of("focus", run), WithinRel(5.5, 1e-14));
  CHECK_THAT(value_of("mean_value", run), WithinRel(11.0, 1e-14));
  // founding groups on the last day: 0.5 and NaN -> 0
  CHECK_THAT(value_of("expert_retention", run), WithinRel(0.25, 1e-14));
  // leaves 6 + 6 + 3 (g2 from day 3), removals 2; per founding group (2)
  CHECK_THAT(value_of("departures", run), WithinRel(17.0 / 2, 1e-14));
  CHECK_THAT(value_of("removals", run), WithinRel(1.0, 1e-14));
  CHECK_THAT(value_of("value_gained", run), WithinRel(21.0, 1e-14));
  // alive cells (13) each gain d + 1 from 10 messages of which 2 ads and 1 programme post:
  // 2·1 + 2·2 + 2·3 + 3·4 + 2·5 + 2·6 = 46 over 13 · 8 non-ad messages
  CHECK_THAT(value_of("value_per_message", run), WithinRel(46.0 / 104, 1e-14));
  // over the sizes as written, dead g1's 7 included: 3 · 17 + 3 · 21
  CHECK_THAT(value_of("value_per_member_day", run), WithinRel(46.0 / 114, 1e-14));
  CHECK_THAT(value_of("replies_per_post", run), WithinRel(39.0 / 91, 1e-14));
  // alive cells: g0 6 × 0.5, g1 4 × 0.6, g2 3 × 0.7 (dead cells' 0.9 left out)
  CHECK_THAT(value_of("answered_share", run), WithinRel(7.5 / 13, 1e-12));
  CHECK_THAT(value_of("disputes", run), WithinRel(13.0 / 130, 1e-14));
  CHECK_THAT(value_of("quiet_share", run), WithinRel(0.3, 1e-12));
  CHECK_THAT(value_of("leaves", run), WithinRel(15.0 / 2, 1e-14));
  // Totals of /groups: (30 + 10) / (100 + 300), (4 + 6) / (10 + 20), (5 + 15) / (50 + 150).
  CHECK_THAT(value_of("value_per_member_hour", run), WithinRel(40.0 / 400, 1e-14));
  CHECK_THAT(value_of("took_part_share", run), WithinRel(10.0 / 30, 1e-14));
  CHECK_THAT(value_of("ad_message_share", run), WithinRel(20.0 / 200, 1e-14));
  // A file without the table (from before it was written): not a number, not an error.
  CHECK(std::isnan(value_of("took_part_share", RunReader(write_known_run(false)))));
}

TEST_CASE("a headline metric whose dataset is missing says which file and dataset", "[compare]") {
  const auto path = write_known_run(false);
  RunReader run(path);
  for (const auto& m : community::headline_metrics())
    if (m.name == "removals")
      CHECK_THROWS_WITH(m.compute(run),
                        Catch::Contains(path) && Catch::Contains("/daily/removals"));
}
