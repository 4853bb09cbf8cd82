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
#include <type_traits>
#include <vector>

#include "sim/core/clock.hpp"

namespace sim {

template <class World>
class Schedule {
 public:
  using GroupStep = std::function<void(World&, std::size_t group, Tick)>;
  using WorldStep = std::function<void(World&, Tick)>;

  Schedule& per_group(std::string name, GroupStep step) {
    steps_.push_back({std::move(name), std::move(step), {}, false});
    return *this;
  }
  Schedule& whole_world(std::string name, WorldStep step) {
    steps_.push_back({std::move(name), {}, std::move(step), false});
    return *this;
  }
  // Steps that run once a day, in the day's last tick (23:00-24:00), after the hourly ones
  // listed before them.
  Schedule& per_group_daily(std::string name, GroupStep step) {
    steps_.push_back({std::move(name), std::move(step), {}, true});
    return *this;
  }
  Schedule& whole_world_daily(std::string name, WorldStep step) {
    steps_.push_back({std::move(name), {}, std::move(step), true});
    return *this;
  }

  // `groups` is read before every whole-world step and every run of per-group steps: a
  // whole-world step may found new groups. Consecutive per-group steps due this tick run in one
  // parallel pass, each group going through them in turn: since a per-group step touches only
  // its own group, that is the same as one step over all groups after another, with one
  // barrier instead of several and each group's data still in cache for the next step.
  template <class GroupCount>
  void run_tick(World& world, Tick t, GroupCount&& groups) const {
    const bool end_of_day = hour_of_day(t) == static_cast<int>(ticks_per_day) - 1;
    const Step* run[max_run];
    std::size_t in_run = 0;
    auto flush = [&] {
      if (in_run == 0) return;
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count(groups, world), 4),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t g = r.begin(); g != r.end(); ++g)
                            for (std::size_t k = 0; k < in_run; ++k) run[k]->group(world, g, t);
                        });
      in_run = 0;
    };
    for (const auto& s : steps_) {
      if (s.daily && !end_of_day) continue;
      if (s.group) {
        if (in_run == max_run) flush();
        run[in_run++] = &s;
      } else {
        flush();
        s.world(world, t);
      }
    }
    flush();
  }

  // "name (per group)" / "name (whole world)" in tick order, for `commsim inspect` and docs.
  std::vector<std::string> order() const {
    std::vector<std::string> out;
    for (const auto& s : steps_)
      out.push_back(s.name + (s.group ? " (per group" : " (whole world") +
                    (s.daily ? ", daily)" : ")"));
    return out;
  }

 private:
  static constexpr std::size_t max_run = 32;
  struct Step {
    std::string name;
    GroupStep group;
    WorldStep world;
    bool daily;
  };
  template <class GroupCount>
  static std::size_t count(GroupCount& groups, World& world) {
    if constexpr (std::is_invocable_v<GroupCount&, World&>)
      return groups(world);
    else
      return groups;
  }
  std::vector<Step> steps_;
};

}  // namespace sim
