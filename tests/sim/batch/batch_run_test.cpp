// Run plans (arms, replicates, seeds), the local executor (failures, fail-fast, resume,
// determinism across jobs) and the index, with a tiny model of our own.
#include <catch2/catch.hpp>

#include <fstream>

#include "models/registry.hpp"
#include "sim/batch/local_executor.hpp"
#include "sim/batch/run_index.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/batch/seeds.hpp"
#include "sim/output/run_file.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using namespace sim::batch;
namespace fs = std::filesystem;

namespace {

// A model whose one platform metric is a function of (seed, day, groups); it refuses
// groups.count == 2, the "bad parameter combination" of these tests.
class FakeModel : public Model {
 public:
  FakeModel(const Scenario& sc, std::uint64_t seed)
      : seed_(seed), groups_(sc.params.integer("groups.count")) {
    if (groups_ == 2) throw std::runtime_error("two groups cannot be simulated");
  }
  const std::vector<MetricSpec>& daily_metrics() const override { return daily_; }
  const std::vector<MetricSpec>& platform_metrics() const override { return platform_; }
  std::size_t group_count() const override { return static_cast<std::size_t>(groups_); }
  std::uint64_t memberships() const override { return 1; }
  void advance(Tick) override {}
  void measure(Day d, DayFrame& frame) override {
    frame.reset(1, 1, group_count());
    for (std::size_t g = 0; g < group_count(); ++g) frame.at(0, g) = static_cast<double>(g + d);
    frame.platform[0] = static_cast<double>(splitmix64(seed_ + d) % 1000);
  }

 private:
  std::uint64_t seed_;
  std::int64_t groups_;
  std::vector<MetricSpec> daily_{{"size", "members", "group size"}};
  std::vector<MetricSpec> platform_{{"score", "", "a number"}};
};

std::unique_ptr<Model> fake(const Scenario& sc, std::uint64_t seed) {
  return std::make_unique<FakeModel>(sc, seed);
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name) << text;
  return dir / name;
}

std::string plan_error(const fs::path& file) {
  try {
    plan_runs({file.string()}, models::all_params());
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const char* arms_text =
    "[run]\ndays = 5\nseed = 9\n[groups]\ncount = 4\n"
    "[arms.control]\n[arms.broken]\ngroups.count = 2\n[arms.more]\n[arms.more.groups]\ncount = 6\n"
    "[replicates]\ncount = 3\n";

}  // namespace

TEST_CASE("arms x replicates: ids, order, seeds, settings", "[batch][plan]") {
  auto dir = testing_support::scratch_dir("plan");
  auto file = write(dir, "exp.toml", arms_text);
  auto plan = plan_runs({file.string()}, models::all_params());
  REQUIRE(plan.runs.size() == 9);
  CHECK(plan.runs[0].run_id == "exp.control.r0");
  CHECK(plan.runs[1].run_id == "exp.broken.r0");
  CHECK(plan.runs[2].run_id == "exp.more.r0");
  CHECK(plan.runs[8].run_id == "exp.more.r2");
  CHECK(plan.runs[4].seed == derive_seed(9, 1, 0, 1));
  CHECK(plan.scenario(2).params.integer("groups.count") == 6);
  CHECK(plan.scenario(4).params.integer("run.seed") ==
        static_cast<std::int64_t>(plan.runs[4].seed));
  CHECK(settings_text(plan.settings(1)) == "groups.count = 2\n");
  // --replicates and --seed override the file.
  PlanOptions po;
  po.replicates = 1;
  po.seed = 10;
  auto small = plan_runs({file.string()}, models::all_params(), po);
  REQUIRE(small.runs.size() == 3);
  CHECK(small.runs[0].seed == derive_seed(10, 0, 0, 0));
  // Common random numbers: every arm gets the same seeds.
  auto crn = write(dir, "crn.toml", std::string(arms_text) + "seeds = \"common\"\n");
  auto c = plan_runs({crn.string()}, models::all_params());
  CHECK(c.runs[0].seed == c.runs[1].seed);
  CHECK(c.runs[0].seed != c.runs[3].seed);
}

TEST_CASE("arms compose with sweeps", "[batch][plan]") {
  auto dir = testing_support::scratch_dir("plan-sweep");
  auto file =
      write(dir, "s.toml",
            "[run]\ndays = 3\n[arms.a]\n[arms.b]\npopulation.size = 300\n[replicates]\ncount = 2\n"
            "[sweep]\ngroups.count = [3, 4, 5]\n");
  auto plan = plan_runs({file.string()}, models::all_params());
  REQUIRE(plan.runs.size() == 12);  // 2 arms x 3 points x 2 replicates
  CHECK(plan.runs[0].run_id == "s.a.p0.r0");
  CHECK(plan.runs[1].run_id == "s.b.p0.r0");
  CHECK(plan.runs[2].run_id == "s.a.p2.r0");  // interleaved: both ends first
  CHECK(plan.scenario(3).params.integer("population.size") == 300);
  CHECK(plan.scenario(3).params.integer("groups.count") == 5);
}

TEST_CASE("bad arms and replicates are errors naming file, line and key", "[batch][plan]") {
  auto dir = testing_support::scratch_dir("plan-bad");
  CHECK_THAT(plan_error(write(dir, "a.toml", "[arms.x]\ngroups.cuont = 3\n")),
             Catch::Contains("a.toml:2") && Catch::Contains("arms.x.groups.cuont") &&
                 Catch::Contains("did you mean"));
  CHECK_THAT(plan_error(write(dir, "b.toml", "[arms.x]\n\n[arms.y]\npopulation.size = 1\n")),
             Catch::Contains("b.toml:4") && Catch::Contains("population.size") &&
                 Catch::Contains("out of range"));
  CHECK_THAT(plan_error(write(dir, "c.toml", "[replicates]\ncount = 0\n")),
             Catch::Contains("c.toml:2") && Catch::Contains("replicates.count"));
  CHECK_THAT(plan_error(write(dir, "d.toml", "[replicates]\ncuont = 3\n")),
             Catch::Contains("replicates.cuont"));
  CHECK_THAT(plan_error(write(dir, "e.toml", "[arms.x]\ngroups.count = [1, 2]\n")),
             Catch::Contains("[sweep]"));
  CHECK_THAT(plan_error(write(dir, "f.toml",
                              "[arms.x]\ngroups.count = 3\n[sweep]\ngroups.count = [3, 4]\n")),
             Catch::Contains("f.toml:2") && Catch::Contains("also swept"));
  CHECK_THAT(plan_error(write(dir, "g.toml", "[arms.\"a b\"]\n")), Catch::Contains("arm name"));
  // Sizes are counted before anything is allocated.
  CHECK_THAT(plan_error(write(dir, "big.toml",
                              "[replicates]\ncount = 1000000\n[sweep]\n"
                              "groups.count = { from = 1, to = 20, step = 1 }\n")),
             Catch::Contains("big.toml") && Catch::Contains("20000000 runs") &&
                 Catch::Contains("at most 10000000"));
  PlanOptions po;
  po.replicates = 0;
  CHECK_THROWS_WITH(plan_runs({write(dir, "h.toml", "").string()}, models::all_params(), po),
                    Catch::Contains("--replicates"));
}

TEST_CASE("the local executor: failures recorded, jobs do not matter, resume",
          "[batch][executor]") {
  auto dir = testing_support::scratch_dir("executor");
  auto file = write(dir, "exp.toml", arms_text);
  auto plan = plan_runs({file.string()}, models::all_params());
  std::vector<std::size_t> all(plan.runs.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

  BatchOptions o;
  o.quiet = true;
  o.out_dir = dir / "one";
  o.jobs = 1;
  fs::create_directories(o.out_dir);
  write_manifest(o.out_dir, plan);
  auto s1 = run_local(plan, all, fake, o);
  CHECK(s1.complete == 6);
  CHECK(s1.failed == 3);  // the broken arm, every replicate; the batch went on
  auto counts = build_index(o.out_dir);
  CHECK(counts.failed == 3);
  REQUIRE(!counts.problems.empty());
  CHECK_THAT(counts.problems[0],
             Catch::Contains("failed: exp.broken.r0") && Catch::Contains("two groups"));

  o.out_dir = dir / "four";
  o.jobs = 4;
  fs::create_directories(o.out_dir);
  write_manifest(o.out_dir, plan);
  run_local(plan, all, fake, o);
  build_index(o.out_dir);
  std::string out;
  CHECK(testing_support::run_command(
            "h5diff " + (dir / "one/index.h5").string() + " " + (dir / "four/index.h5").string(),
            &out) == 0);
  for (std::size_t i = 0; i < all.size(); ++i)
    CHECK(testing_support::run_command("h5diff " + (dir / "one" / plan.file_name(i)).string() +
                                       " " + (dir / "four" / plan.file_name(i)).string()) == 0);

  // Resume: complete runs are kept, failed ones are tried again.
  o.resume = true;
  auto s2 = run_local(plan, all, fake, o);
  CHECK(s2.reused == 6);
  CHECK(s2.failed == 3);
  // A complete file from another plan (other parameters) is not taken as done.
  CHECK(run_is_done(plan, 0, dir / "four" / plan.file_name(0)));
  CHECK_FALSE(run_is_done(plan, 2, dir / "four" / plan.file_name(0)));

  // Fail fast: one at a time, stops at the first failure (the second run).
  o.out_dir = dir / "ff";
  o.resume = false;
  o.fail_fast = true;
  o.jobs = 1;
  fs::create_directories(o.out_dir);
  auto s3 = run_local(plan, all, fake, o);
  CHECK(s3.aborted);
  CHECK(s3.failed == 1);
  CHECK(s3.not_started == 7);
}

TEST_CASE("the index lists pending runs from the plan and links run files", "[batch][index]") {
  auto dir = testing_support::scratch_dir("index");
  auto file = write(dir, "exp.toml", arms_text);
  auto plan = plan_runs({file.string()}, models::all_params());
  BatchOptions o;
  o.quiet = true;
  o.out_dir = dir / "out";
  fs::create_directories(o.out_dir);
  write_manifest(o.out_dir, plan);
  run_local(plan, {0, 2}, fake, o);  // two runs of nine
  auto counts = build_index(o.out_dir);
  CHECK(counts.total == 9);
  CHECK(counts.complete == 2);
  CHECK(counts.pending == 7);
  std::string out;
  testing_support::run_command(
      "h5dump -d /runs/params/groups.count " + (o.out_dir / "index.h5").string(), &out);
  CHECK_THAT(out, Catch::Contains("4, 2, 6, 4, 2, 6, 4, 2, 6"));
  testing_support::run_command(
      "h5ls " + (o.out_dir / "index.h5").string() + "/files/exp.more.r0/platform", &out);
  CHECK_THAT(out, Catch::Contains("score"));
}

TEST_CASE("the index calls a damaged file damaged, not complete, and --resume redoes it",
          "[batch][index]") {
  auto dir = testing_support::scratch_dir("index-damaged");
  auto file = write(dir, "exp.toml", arms_text);
  auto plan = plan_runs({file.string()}, models::all_params());
  BatchOptions o;
  o.quiet = true;
  o.out_dir = dir / "out";
  fs::create_directories(o.out_dir);
  write_manifest(o.out_dir, plan);
  run_local(plan, {0, 2}, fake, o);
  // Run 0 still says complete = 1, but its data was cut short (a copy that stopped
  // half-way, a disk that lost its tail); run 2 stopped and left its .part behind.
  const fs::path cut = o.out_dir / plan.file_name(0);
  fs::resize_file(cut, fs::file_size(cut) / 2);
  fs::copy_file(o.out_dir / plan.file_name(2), partial_path(o.out_dir / plan.file_name(2)));
  fs::remove(o.out_dir / plan.file_name(2));
  auto counts = build_index(o.out_dir);
  CHECK(counts.complete == 0);
  CHECK(counts.damaged == 1);
  CHECK(counts.partial == 1);
  REQUIRE(counts.problems.size() == 1);
  CHECK_THAT(counts.problems[0], Catch::Contains("damaged: exp.control.r0"));
  std::string out;
  testing_support::run_command(
      "h5dump -d /runs/status -d /runs/file " + (o.out_dir / "index.h5").string(), &out);
  CHECK_THAT(out, Catch::Contains("\"damaged\"") && Catch::Contains("exp.more.r0.h5.part"));
  CHECK_FALSE(run_is_done(plan, 0, cut));
  CHECK_THAT(check_done(plan, 0, cut).why, Catch::Contains("damaged"));
  CHECK_THAT(check_done(plan, 2, o.out_dir / plan.file_name(2)).why, Catch::Contains("partial"));

  o.resume = true;
  auto again = run_local(plan, {0, 2}, fake, o);
  CHECK(again.reused == 0);
  CHECK(again.complete == 2);
  counts = build_index(o.out_dir);
  CHECK(counts.complete == 2);
  CHECK(counts.damaged == 0);
  CHECK_FALSE(fs::exists(partial_path(o.out_dir / plan.file_name(2))));
}
