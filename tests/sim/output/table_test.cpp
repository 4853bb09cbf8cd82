// Streamed tables and hourly series in run files: every column type read back by name and
// code, appended and rewritten tables across flushes, /hourly widening as groups appear, a
// killed writer keeping exactly the flushed days' rows, the same bytes for the same run, the
// disk reservation covering the rows, and RunReader refusing damaged tables.
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>

#include "models/registry.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/run_file.hpp"
#include "sim/output/run_reader.hpp"
#include "sim/run/run_loop.hpp"
#include "support/h5_read.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using testing_support::run_command;
using testing_support::scratch_dir;

namespace {

const std::vector<MetricSpec> daily_specs = {{"size", "members", "members"}};
const std::vector<MetricSpec> platform_specs = {{"total", "members", "all members"}};
const std::vector<MetricSpec> hourly_specs = {{"posts", "posts/hour", "posts in the hour"},
                                              {"online", "members", "members online"}};
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

TableSpec all_types() {
  return {"mixed",
          "one column of each type",
          {{"small", ColumnType::u8, "count", "a byte", {}},
           {"id", ColumnType::u32, "person id", "a person", {}},
           {"big", ColumnType::i64, "ticks", "a large integer", {}},
           {"share", ColumnType::f32, "share", "a float", {}},
           {"value", ColumnType::f64, "value units", "a double", {}},
           {"kind", ColumnType::code, "code", "what happened", {"join", "leave", "post"}}}};
}

TableSpec events_spec() {
  return {"events",
          "one row per event",
          {{"tick", ColumnType::u32, "hours", "hour since the run began", {}},
           {"group", ColumnType::u32, "group id", "where", {}},
           {"person", ColumnType::u32, "person id", "who", {}},
           {"kind", ColumnType::code, "code", "what", {"join", "leave", "post", "reply"}},
           {"detail", ColumnType::code, "code", "why", {"none", "influx", "content"}},
           {"other", ColumnType::u32, "person id", "inviter or replied-to", {}},
           {"removed", ColumnType::u8, "flag", "removed by moderation", {}}},
          false};
}

TableSpec groups_spec() {
  return {"groups",
          "one row per group ever founded",
          {{"group", ColumnType::u32, "group id", "the group", {}},
           {"ended", ColumnType::u32, "hours", "tick it ended", {}},
           {"member_hours", ColumnType::f64, "member hours", "lifetime total", {}}},
          true};
}

RunHeader header(Day days) {
  static Parameters params(models::all_params());
  return RunHeader{99, "[run]\n", "tables", &params, days, {}};
}

DayFrame day_frame(Day d, std::size_t groups) {
  DayFrame f;
  f.reset(daily_specs.size(), platform_specs.size(), groups);
  for (std::size_t g = 0; g < groups; ++g) f.at(0, g) = 10.0 * d + g;
  f.platform[0] = d;
  return f;
}

// Day d's events: d + 1 rows, person = 100 d + i.
void add_events(TableRows& rows, Day d) {
  for (std::uint32_t i = 0; i <= d; ++i) {
    rows.add(0, d * 24 + i);
    rows.add(1, i % 3);
    rows.add(2, 100 * d + i);
    rows.add(3, i % 4);
    rows.add(4, i % 3);
    rows.add(5, i == 0 ? none : 100 * d);
    rows.add(6, i % 2);
  }
}

// Hour t: group g (of `groups`) posts t + g, online 2 t.
DayFrame hour_frame(Tick t, std::size_t groups) {
  DayFrame f;
  f.reset(hourly_specs.size(), 0, groups);
  for (std::size_t g = 0; g < groups; ++g) {
    f.at(0, g) = static_cast<double>(t + g);
    f.at(1, g) = 2.0 * t;
  }
  return f;
}

// Writes `days` days: events appended, groups rewritten, hourly from 2 groups to 3 at hour
// 30. With finish = false the file is left to the destructor (or to _exit).
void write_streamed(RunFile& file, Day days) {
  const auto events = file.declare_table(events_spec());
  const auto groups = file.declare_table(groups_spec());
  file.declare_hourly(hourly_specs);
  TableRows ev(events_spec()), gr(groups_spec());
  for (Day d = 0; d < days; ++d) {
    for (Tick h = 0; h < 24; ++h) {
      const Tick t = d * 24 + h;
      file.append_hour(hour_frame(t, t < 30 ? 2 : 3));
    }
    ev.clear();
    add_events(ev, d);
    file.append_rows(events, ev);
    gr.clear();
    for (std::uint32_t g = 0; g < (d < 1 ? 2u : 3u); ++g)
      gr.add_row({double(g), double(none), d * 1.5 + g});
    file.replace_rows(groups, gr);
    file.append(day_frame(d, d < 1 ? 2 : 3));
  }
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t events_through(Day days) {  // rows of days 0..days-1
  return static_cast<std::size_t>(days) * (days + 1) / 2;
}

}  // namespace

TEST_CASE("every table column type round-trips, codes by name", "[output][table]") {
  const auto path = (scratch_dir("table-types") / "run.h5").string();
  {
    RunFile file(path, header(1), daily_specs, platform_specs, {4, 4});
    const auto t = file.declare_table(all_types());
    TableRows rows(all_types());
    rows.add_row({255, 4294967295.0, -9007199254740992.0, 0.25, 1e300, 2});
    rows.add(0, std::uint8_t{7});
    rows.add(1, 12u);
    rows.add(2, std::int64_t{-5});
    rows.add(3, 1.5f);
    rows.add(4, std::nan(""));
    rows.add(5, 0);
    CHECK_THROWS_AS(rows.add(5, 3), std::out_of_range);  // no name for code 3
    CHECK(rows.rows() == 2);
    file.append_rows(t, rows);
    file.append(day_frame(0, 2));
    file.finish();
  }
  RunReader run(path);
  CHECK(run.table_names() == std::vector<std::string>{"mixed"});
  CHECK(run.table_rows("mixed") == 2);
  CHECK(run.table_columns("mixed") ==
        std::vector<std::string>{"small", "id", "big", "share", "value", "kind"});
  CHECK(run.table_column("mixed", "small") == std::vector<double>{255, 7});
  CHECK(run.table_column("mixed", "id") == std::vector<double>{4294967295.0, 12});
  CHECK(run.table_column("mixed", "big") == std::vector<double>{-9007199254740992.0, -5});
  CHECK(run.table_column("mixed", "share") == std::vector<double>{0.25, 1.5});
  const auto value = run.table_column("mixed", "value");
  CHECK(value[0] == 1e300);
  CHECK(std::isnan(value[1]));
  CHECK(run.table_column("mixed", "kind") == std::vector<double>{2, 0});
  CHECK(run.column_codes("mixed", "kind") == std::vector<std::string>{"join", "leave", "post"});
  CHECK(run.column_codes("mixed", "id").empty());
  CHECK_THROWS_WITH(run.table_column("mixed", "nope"), Catch::Contains("no column 'nope'"));
  CHECK_THROWS_WITH(run.table_rows("events"), Catch::Contains("no table /events"));
  CHECK_FALSE(run.has_hourly());

  // The HDF5 tools read it, codes by name, with units and the table's rows.
  std::string dump;
  REQUIRE(run_command("h5dump -d /mixed/kind '" + path + "'", &dump) == 0);
  CHECK_THAT(dump, Catch::Contains("\"post\"") && Catch::Contains("H5T_ENUM"));
  REQUIRE(run_command("h5dump -a /mixed/rows '" + path + "'", &dump) == 0);
  CHECK_THAT(dump, Catch::Contains("(0): 2"));
  REQUIRE(run_command("h5ls -r '" + path + "'", &dump) == 0);
  CHECK_THAT(dump, Catch::Contains("/mixed/value"));
}

TEST_CASE("an appended table grows flush by flush, a rewritten one shrinks and grows",
          "[output][table]") {
  const std::vector<std::size_t> sizes = {3, 5, 2, 4};
  for (Day days = 1; days <= 4; ++days) {
    INFO(days << " days");
    const auto path = (scratch_dir("table-flushes-" + std::to_string(days)) / "run.h5").string();
    {
      RunFile file(path, header(days), daily_specs, platform_specs, {1, 4});
      const auto log = file.declare_table(events_spec());
      const auto state = file.declare_table(groups_spec());
      TableRows ev(events_spec()), gr(groups_spec());
      for (Day d = 0; d < days; ++d) {
        add_events(ev, d);
        file.append_rows(log, ev);
        ev.clear();  // the file has its copy
        gr.clear();
        for (std::size_t g = 0; g < sizes[d]; ++g) gr.add_row({double(g), double(d), d + 0.5});
        file.replace_rows(state, gr);
        file.append(day_frame(d, 2));  // chunk_days 1: a flush per day
      }
      file.finish();
    }
    RunReader run(path);
    REQUIRE(run.table_rows("events") == events_through(days));
    const auto person = run.table_column("events", "person");
    std::size_t i = 0;
    for (Day d = 0; d < days; ++d)
      for (std::uint32_t k = 0; k <= d; ++k) CHECK(person[i++] == 100.0 * d + k);
    REQUIRE(run.table_rows("groups") == sizes[days - 1]);
    const auto ended = run.table_column("groups", "ended");
    CHECK(ended == std::vector<double>(sizes[days - 1], days - 1.0));
    // A complete file's columns are exactly `rows` long (the rewritten ones shrunk).
    CHECK(testing_support::read_dataset(path, "/groups/ended").dims ==
          std::vector<hsize_t>{sizes[days - 1]});
  }
}

TEST_CASE("hourly series widen as groups are founded, earlier hours are NaN for them",
          "[output][table]") {
  const auto path = (scratch_dir("hourly") / "run.h5").string();
  {
    RunFile file(path, header(3), daily_specs, platform_specs, {2, 4});
    write_streamed(file, 3);
    file.finish();
  }
  RunReader run(path);
  CHECK(run.has_hourly());
  CHECK(run.hours_written() == 72);
  CHECK(run.int_attribute("hours_written") == 72);
  CHECK(run.hourly_metrics() == std::vector<std::string>{"online", "posts"});
  const HourlyMatrix& posts = run.hourly("posts");
  REQUIRE(posts.hours == 72);
  REQUIRE(posts.groups == 3);
  for (std::size_t t = 0; t < 72; ++t) {
    INFO("hour " << t);
    CHECK(posts.at(t, 1) == t + 1.0);
    if (t < 30)
      CHECK(std::isnan(posts.at(t, 2)));
    else
      CHECK(posts.at(t, 2) == t + 2.0);
  }
  CHECK(run.hourly("online").at(71, 0) == 142.0);
  CHECK_THROWS_WITH(run.hourly("nope"), Catch::Contains("no dataset /hourly/nope"));
}

TEST_CASE("hourly output: 24 hours before each day, declared before the first", "[output][table]") {
  const auto path = (scratch_dir("hourly-misuse") / "run.h5").string();
  RunFile file(path, header(3), daily_specs, platform_specs, {4, 4});
  CHECK_THROWS_AS(file.append_hour(hour_frame(0, 1)), std::logic_error);
  file.declare_hourly(hourly_specs);
  for (Tick t = 0; t < 23; ++t) file.append_hour(hour_frame(t, 1));
  CHECK_THROWS_WITH(file.append(day_frame(0, 1)), Catch::Contains("before its 24 hours"));
  file.append_hour(hour_frame(23, 1));
  file.append(day_frame(0, 1));
  CHECK_THROWS_AS(file.declare_hourly(hourly_specs), std::logic_error);
  TableRows wrong(all_types());
  const auto log = file.declare_table(events_spec());
  CHECK_THROWS_AS(file.append_rows(log, wrong), std::invalid_argument);
  CHECK_THROWS_AS(file.replace_rows(log, TableRows(events_spec())), std::logic_error);
  CHECK_THROWS_AS(file.declare_table(events_spec()), std::invalid_argument);
  TableSpec reserved = events_spec();
  reserved.name = "daily";
  CHECK_THROWS_AS(file.declare_table(reserved), std::invalid_argument);
}

TEST_CASE("a writer that dies after two flushes keeps exactly the flushed days' rows and hours",
          "[output][table]") {
  const auto path = (scratch_dir("table-crash") / "run.h5").string();
  pid_t child = fork();
  if (child == 0) {
    // 7 days in 3-day chunks: days 0-5 flushed, day 6 buffered, then death without closing.
    RunFile file(path, header(7), daily_specs, platform_specs, {3, 4});
    write_streamed(file, 7);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  const std::string part = partial_path(path).string();
  RunReader run(part);
  CHECK(run.state() == RunFileState::partial);
  CHECK(run.days_written() == 6);
  CHECK(run.hours_written() == 144);
  REQUIRE(run.table_rows("events") == events_through(6));
  CHECK(run.table_column("events", "person").back() == 505.0);  // day 5's last event
  REQUIRE(run.table_rows("groups") == 3);
  CHECK(run.table_column("groups", "member_hours") == std::vector<double>{7.5, 8.5, 9.5});
  const HourlyMatrix& posts = run.hourly("posts");
  CHECK(posts.hours == 144);
  CHECK(posts.at(143, 2) == 145.0);
}

TEST_CASE("the same tables and hours give the same bytes", "[output][table]") {
  std::vector<std::string> files;
  for (int i = 0; i < 2; ++i) {
    const auto path = (scratch_dir("table-bytes-" + std::to_string(i)) / "run.h5").string();
    RunFile file(path, header(5), daily_specs, platform_specs, {2, 4});
    write_streamed(file, 5);
    file.finish();
    files.push_back(path);
  }
  const std::string a = bytes_of(files[0]), b = bytes_of(files[1]);
  CHECK(a.size() > 1000);
  CHECK(a == b);
  CHECK(run_command("cmp -s '" + files[0] + "' '" + files[1] + "'") == 0);
}

TEST_CASE("the disk reserved before a flush covers a million event rows", "[output][table]") {
  const auto path = (scratch_dir("table-reserve") / "run.h5").string();
  RunFile file(path, header(2), daily_specs, platform_specs, {1, 0, 4});  // uncompressed
  const auto log = file.declare_table(events_spec());
  const std::uint64_t empty = file.pending_bytes_bound();
  TableRows rows(events_spec());
  for (std::uint32_t i = 0; i < 1'000'000; ++i) {
    rows.add(0, i / 1000);
    rows.add(1, i % 7);
    rows.add(2, i);
    rows.add(3, i % 4);
    rows.add(4, i % 3);
    rows.add(5, none);
    rows.add(6, 0);
  }
  file.append_rows(log, rows);
  const std::uint64_t raw = 1'000'000ull * (4 + 4 + 4 + 1 + 1 + 4 + 1);
  const std::uint64_t bound = file.pending_bytes_bound();
  CHECK(bound >= empty + raw);
  CHECK(bound < empty + 2 * raw);  // and not wildly more
  const auto before = std::filesystem::file_size(file.writing_path());
  file.append(day_frame(0, 2));  // flushes
  // HDF5 may leave the reserved tail allocated; count what it wrote.
  hsize_t used = 0;
  {
    hid_t f = H5Fopen(file.writing_path().c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (f >= 0) {
      H5Fget_filesize(f, &used);
      H5Fclose(f);
    }
  }
  if (used == 0) used = std::filesystem::file_size(file.writing_path());
  CHECK(used - std::min<std::uint64_t>(used, before) <= bound);
  CHECK(used >= raw);

  // A table of a few rows claims a few small chunks, not 64k-row ones: a run on a nearly
  // full disk (tests/cli/disk_full.sh) is not stopped by a table of 1 row.
  const auto small = (scratch_dir("table-reserve-small") / "run.h5").string();
  RunFile few(small, header(2), daily_specs, platform_specs, {1, 0, 4});
  const auto t = few.declare_table(all_types());
  const std::uint64_t declared = few.pending_bytes_bound();
  TableRows one(all_types());
  one.add_row({1, 2, 3, 4, 5, 0});
  few.append_rows(t, one);
  CHECK(few.pending_bytes_bound() - declared == 64 * (1 + 4 + 8 + 4 + 8 + 1) + 6 * 4096);
}

namespace {

// A model of nothing with one table and an hourly series, for the run loop's order.
class TableModel : public Model {
 public:
  const std::vector<MetricSpec>& daily_metrics() const override { return daily_specs; }
  const std::vector<MetricSpec>& platform_metrics() const override { return platform_specs; }
  const std::vector<MetricSpec>& hourly_metrics() const override { return hourly_specs; }
  std::size_t group_count() const override { return 2; }
  std::uint64_t memberships() const override { return 0; }
  void advance(Tick t) override {
    if (stop_at && t + 1 == *stop_at) stop->store(true);
  }
  void measure(Day d, DayFrame& frame) override { frame = day_frame(d, 2); }
  void measure_hour(Tick t, DayFrame& frame) override { frame = hour_frame(t, 2); }
  void declare_output(RunFile& file) override { table = file.declare_table(events_spec()); }
  void write_extras(Day d, RunFile& file) override {
    TableRows rows(events_spec());
    add_events(rows, d);
    file.append_rows(table, rows);
  }
  std::size_t table = 0;
  const Tick* stop_at = nullptr;
  std::atomic<bool>* stop = nullptr;
};

}  // namespace

TEST_CASE("the run loop hands a day's rows and hours to the file before the day",
          "[output][table]") {
  const auto path = (scratch_dir("table-loop") / "run.h5").string();
  std::atomic<bool> stop{false};
  const Tick stop_at = 5 * 24 + 7;  // stopped during day 5
  TableModel model;
  model.stop = &stop;
  model.stop_at = &stop_at;
  {
    RunFile file(path, header(8), daily_specs, platform_specs, {4, 4});
    const RunReport report = run_days(model, 8, &file, nullptr, &stop);
    CHECK(report.interrupted);
    CHECK(report.days == 5);
    file.flush();
  }
  RunReader run(partial_path(path));
  CHECK(run.days_written() == 5);
  CHECK(run.hourly("posts").hours == 120);  // day 5's seven hours are not kept
  CHECK(run.table_rows("events") == events_through(5));
}

TEST_CASE("RunReader refuses damaged tables and hourly series by name", "[output][table]") {
  struct Damage {
    const char* what;
    std::function<void(hid_t)> edit;
    const char* fault;
  };
  auto set_int = [](hid_t object, const char* name, std::int64_t v) {
    h5::write_attribute(object, name, v, [] { throw std::runtime_error("attribute"); });
  };
  const std::vector<Damage> cases = {
      {"rows past the columns",
       [&](hid_t f) {
         hid_t g = H5Gopen2(f, "events", H5P_DEFAULT);
         set_int(g, "rows", 1000);
         H5Gclose(g);
       },
       "column /events/tick holds 15 rows but the table's rows is 1000"},
      {"rows not a count",
       [&](hid_t f) {
         hid_t g = H5Gopen2(f, "events", H5P_DEFAULT);
         h5::write_attribute(g, "rows", std::string("x"), [] {});
         H5Gclose(g);
       },
       "table /events: attribute 'rows' is not a count"},
      {"a 2-D column",
       [](hid_t f) {
         H5Ldelete(f, "/groups/ended", H5P_DEFAULT);
         hsize_t dims[2] = {3, 2};
         hid_t space = H5Screate_simple(2, dims, nullptr);
         hid_t set = H5Dcreate2(f, "/groups/ended", H5T_STD_U32LE, space, H5P_DEFAULT, H5P_DEFAULT,
                                H5P_DEFAULT);
         H5Dclose(set);
         H5Sclose(space);
       },
       "column /groups/ended has 2 dimensions, expected 1"},
      {"a text column",
       [](hid_t f) {
         H5Ldelete(f, "/groups/ended", H5P_DEFAULT);
         hsize_t dims = 3;
         hid_t space = H5Screate_simple(1, &dims, nullptr);
         hid_t type = H5Tcopy(H5T_C_S1);
         H5Tset_size(type, 4);
         hid_t set =
             H5Dcreate2(f, "/groups/ended", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
         H5Dclose(set);
         H5Tclose(type);
         H5Sclose(space);
       },
       "column /groups/ended holds neither numbers nor 1-byte codes"},
      {"hours_written not 24 x days", [&](hid_t f) { set_int(f, "hours_written", 100); },
       "attribute 'hours_written' is 100, not 24 x days_written (5)"},
      {"hours_written missing", [](hid_t f) { H5Adelete(f, "hours_written"); },
       "/hourly holds series but there is no attribute 'hours_written'"},
      {"hourly rows missing",
       [&](hid_t f) {
         hid_t set = H5Dopen2(f, "/hourly/posts", H5P_DEFAULT);
         hsize_t dims[2] = {100, 3};
         H5Dset_extent(set, dims);
         H5Dclose(set);
       },
       "dataset /hourly/posts holds 100 rows but hours_written is 120"},
  };
  const auto dir = scratch_dir("table-damage");
  const auto good = (dir / "good.h5").string();
  {
    RunFile file(good, header(5), daily_specs, platform_specs, {2, 4});
    write_streamed(file, 5);
    file.finish();
  }
  {
    RunReader run(good);
    CHECK(run.verify_data());
    CHECK(run.table_names() == std::vector<std::string>{"events", "groups"});
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    INFO(c.what);
    const auto path = (dir / ("bad" + std::to_string(i) + ".h5")).string();
    std::filesystem::copy_file(good, path);
    {
      std::lock_guard lock(h5::library_lock());
      hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
      REQUIRE(f >= 0);
      c.edit(f);
      H5Fclose(f);
    }
    RunReader run(path, RunReader::OnFault::record);
    CHECK(run.state() == RunFileState::damaged);
    CHECK_THAT(run.fault(), Catch::Contains(c.fault));
    CHECK_THROWS_WITH(RunReader(path), Catch::Contains(c.fault) && Catch::Contains(path));
  }
}

namespace {

// The three tables as docs/output-format.md lists them (the model declares the same), with
// the run's group types and declared actions as their codes.
const std::vector<std::string> group_types = {"community", "flash"};
const std::vector<std::string> actions = {"influx", "ban_ads"};

TableSpec documented_events() {
  return {"events",
          "one row per join, leave, mute, unmute, removal, post and reply",
          {{"tick", ColumnType::u32, "hours", "hour since the run began", {}},
           {"group", ColumnType::u32, "group id", "the group", {}},
           {"person", ColumnType::u32, "person id", "who", {}},
           {"kind",
            ColumnType::code,
            "code",
            "what happened",
            {"join", "leave", "mute", "unmute", "removal", "post", "reply"}},
           {"detail",
            ColumnType::code,
            "code",
            "why, or what kind",
            {"none", "friend_invite", "open_channel", "influx", "founder", "split", "content",
             "chat", "ad", "programme", "dispute", "ad_removed", "off_topic", "violation",
             "task_missed", "group_closed"}},
           {"other",
            ColumnType::u32,
            "person id",
            "the inviter of a join, the person replied to; 4294967295 = none",
            {}},
           {"removed", ColumnType::u8, "flag", "a post that moderation removed", {}}}};
}

TableSpec documented_groups() {
  return {"groups",
          "one row per group ever founded, as of the last day written",
          {{"group", ColumnType::u32, "group id", "the group", {}},
           {"type", ColumnType::code, "code", "group type", group_types},
           {"parent", ColumnType::u32, "group id", "the group it came from; 4294967295 = none", {}},
           {"founded", ColumnType::u32, "hours", "tick it was founded", {}},
           {"ended", ColumnType::u32, "hours", "tick it ended; 4294967295 = alive", {}},
           {"member_hours", ColumnType::f64, "member hours", "hours of membership", {}},
           {"members_ever", ColumnType::u32, "people", "real members who ever joined", {}},
           {"took_part", ColumnType::u32, "people", "of them, those who posted", {}},
           {"messages", ColumnType::u32, "messages", "visible messages", {}},
           {"ad_messages", ColumnType::u32, "messages", "ads", {}},
           {"value_gained", ColumnType::f64, "value units", "value members gained", {}}},
          true};
}

TableSpec documented_interventions() {
  return {"interventions",
          "the scheduled events that fired",
          {{"event", ColumnType::u32, "index", "index in the scenario's [[events]]", {}},
           {"tick", ColumnType::u32, "hours", "when it fired", {}},
           {"phase", ColumnType::code, "code", "its start or its end", {"start", "end"}},
           {"action", ColumnType::code, "code", "what it did", actions},
           {"groups", ColumnType::u32, "groups", "groups it touched", {}},
           {"people", ColumnType::u32, "people", "people it moved", {}}}};
}

// Three days: events each day (day d: d + 2 rows), groups rewritten (2 then 3), one
// intervention on day 1, hourly posts/members for 2 groups, 3 from hour 40.
void write_sample(RunFile& file) {
  const auto events = file.declare_table(documented_events());
  const auto groups = file.declare_table(documented_groups());
  const auto interventions = file.declare_table(documented_interventions());
  file.declare_hourly({{"posts", "posts/hour", "posts in the hour"},
                       {"members", "members", "members at the end of the hour"}});
  TableRows ev(documented_events()), gr(documented_groups()), iv(documented_interventions());
  for (Day d = 0; d < 3; ++d) {
    for (Tick h = 0; h < 24; ++h) {
      const Tick t = d * 24 + h;
      DayFrame f;
      f.reset(2, 0, t < 40 ? 2 : 3);
      for (std::size_t g = 0; g < f.groups; ++g) {
        f.at(0, g) = static_cast<double>(t % 5 + g);
        f.at(1, g) = 10.0 + g;
      }
      file.append_hour(f);
    }
    ev.clear();
    for (std::uint32_t i = 0; i < d + 2; ++i)
      ev.add_row({double(d * 24 + i), double(i % 2), double(10 * d + i), double(i % 7),
                  double(i % 16), i == 0 ? double(none) : 7.0, double(i % 2)});
    file.append_rows(events, ev);
    gr.clear();
    for (std::uint32_t g = 0; g < (d == 0 ? 2u : 3u); ++g)
      gr.add_row({double(g), g == 2 ? 1.0 : 0.0, g == 2 ? 0.0 : double(none), g == 2 ? 40.0 : 0.0,
                  double(none), 24.0 * (d + 1) * (g + 1), 3.0 + g, 2.0, 5.0 * d, 1.0, 0.5 * g});
    file.replace_rows(groups, gr);
    if (d == 1) {
      iv.clear();
      iv.add_row({0, 40, 0, 0, 1, 25});
      file.append_rows(interventions, iv);
    }
    file.append(day_frame(d, d == 0 ? 2 : 3));
  }
}

}  // namespace

// Also the source of the files analysis/tests/test_tables.py reads: with COMMSIM_TABLE_SAMPLE
// set, the complete file goes there and a stopped run's beside it (<path>.stopped.h5.part).
TEST_CASE("a run file with the documented tables and hourly series reads back",
          "[output][table][sample]") {
  const char* target = std::getenv("COMMSIM_TABLE_SAMPLE");
  const std::string path =
      target ? std::string(target) : (scratch_dir("table-sample") / "sample.h5").string();
  const std::string stopped = path + ".stopped.h5";
  for (const auto& p : {path, partial_path(stopped).string()}) std::filesystem::remove(p);
  {
    RunFile file(path, header(3), daily_specs, platform_specs, {2, 4});
    write_sample(file);
    file.finish();
  }
  {
    RunFile file(stopped, header(5), daily_specs, platform_specs, {2, 4});
    write_sample(file);  // 3 of 5 days, then closed without finish
  }
  RunReader run(path);
  CHECK(run.verify_data());
  CHECK(run.table_names() == std::vector<std::string>{"events", "groups", "interventions"});
  CHECK(run.table_rows("events") == 2 + 3 + 4);
  CHECK(run.table_rows("groups") == 3);
  CHECK(run.table_rows("interventions") == 1);
  CHECK(run.column_codes("groups", "type") == group_types);
  CHECK(run.column_codes("interventions", "action") == actions);
  CHECK(run.table_column("interventions", "people") == std::vector<double>{25});
  CHECK(run.hourly("members").hours == 72);
  RunReader part(partial_path(stopped));
  CHECK(part.state() == RunFileState::partial);
  CHECK(part.table_rows("events") == 9);
}
