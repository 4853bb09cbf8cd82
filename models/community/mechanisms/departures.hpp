#pragma once
// Muting and leaving, once a day (claims C4, C13, C20, C22). A member mutes below
// mute_below and returns above unmute_above. Below leave_below they leave with daily
// probability leave_hazard · (leave_below - s)/leave_below; a muted member also leaves with
// lurker_hazard (long-time lurkers drift away, C22). Under the task policy a member who has
// not posted within task_days is removed (homework, C20).
#include "models/community/world.hpp"

namespace community {

double leave_probability(const sim::ParamValues& rules, double satisfaction, bool muted);

void mute_and_leave(World& world, std::size_t group, Tick t);

}  // namespace community
