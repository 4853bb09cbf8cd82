#pragma once
// The tick order: a list of named steps run one after another each tick. A per-group step
// runs for every group in parallel (TBB); it may touch only its own group's state, so the
// outcome cannot depend on scheduling. A whole-world step runs alone, for work that
// crosses groups (recruitment, people shared between groups).
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/clock.hpp"

namespace sim {

template <class World>
class Schedule {
 public:
  using GroupStep = std::function<void(World&, std::size_t group, Tick)>;
  using WorldStep = std::function<void(World&, Tick)>;

  Schedule& per_group(std::string name, GroupStep step) {
    steps_.push_back({std::move(name), std::move(step), {}});
    return *this;
  }
  Schedule& whole_world(std::string name, WorldStep step) {
    steps_.push_back({std::move(name), {}, std::move(step)});
    return *this;
  }

  void run_tick(World& world, Tick t, std::size_t groups) const {
    for (const auto& s : steps_) {
      if (s.group) {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, groups, 4),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                            for (std::size_t g = r.begin(); g != r.end(); ++g) s.group(world, g, t);
                          });
      } else {
        s.world(world, t);
      }
    }
  }

  // "name (per group)" / "name (whole world)" in tick order, for `commsim inspect` and docs.
  std::vector<std::string> order() const {
    std::vector<std::string> out;
    for (const auto& s : steps_) out.push_back(s.name + (s.group ? " (per group)" : " (whole world)"));
    return out;
  }

 private:
  struct Step {
    std::string name;
    GroupStep group;
    WorldStep world;
  };
  std::vector<Step> steps_;
};

}  // namespace sim
