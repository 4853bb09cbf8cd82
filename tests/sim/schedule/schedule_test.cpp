#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include "sim/schedule/schedule.hpp"

using namespace sim;

namespace {
struct Toy {
  std::vector<int> value;
  std::vector<std::string> log;
};
}  // namespace

TEST_CASE("steps run in their declared order, per-group steps over every group", "[schedule]") {
  Schedule<Toy> s;
  s.whole_world("start", [](Toy& w, Tick t) { w.log.push_back("start " + std::to_string(t)); })
      .per_group("double", [](Toy& w, std::size_t g, Tick) { w.value[g] *= 2; })
      .per_group("add",
                 [](Toy& w, std::size_t g, Tick t) { w.value[g] += static_cast<int>(g + t); })
      .whole_world("end", [](Toy& w, Tick) { w.log.push_back("end"); });
  Toy w{std::vector<int>(1000, 1), {}};
  s.run_tick(w, 3, w.value.size());
  for (std::size_t g = 0; g < w.value.size(); ++g)
    REQUIRE(w.value[g] == 2 + static_cast<int>(g) + 3);
  CHECK(w.log == std::vector<std::string>{"start 3", "end"});
  CHECK(s.order() == std::vector<std::string>{"start (whole world)", "double (per group)",
                                              "add (per group)", "end (whole world)"});
}

TEST_CASE("per-group steps give the same result on one thread and many", "[schedule]") {
  Schedule<Toy> s;
  s.per_group("mix", [](Toy& w, std::size_t g, Tick t) {
    // Mixed in unsigned arithmetic, which wraps; int would overflow (undefined behaviour).
    w.value[g] =
        static_cast<int>(static_cast<unsigned>(w.value[g]) * 31u + static_cast<unsigned>(g * t));
  });
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    Toy w{std::vector<int>(5000, 1), {}};
    for (Tick t = 0; t < 20; ++t) s.run_tick(w, t, w.value.size());
    return w.value;
  };
  CHECK(run(1) == run(2));
}
