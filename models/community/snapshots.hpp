#pragma once
// Per-member snapshots (on request, every snapshots.every_days days): one row per membership
// under /snapshots/day_<d>/ — group, person, state, interest alignment with the focus, value,
// activity, posts, tenure, satisfaction, friends inside.
#include "models/community/world.hpp"
#include "sim/output/run_file.hpp"

namespace community {

void write_snapshot(const World& world, sim::Day day, sim::RunFile& file);

}  // namespace community
