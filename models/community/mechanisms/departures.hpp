#pragma once
// Muting and leaving, once a day (claims C4, C11, C13, C15, C20, C22, C27). A member mutes
// below mute_below and returns above unmute_above. Below leave_below they leave with daily
// probability leave_hazard · (leave_below - s)/leave_below; a muted member also leaves with
// lurker_hazard (long-time lurkers drift away, C22). The owner leaves like anyone, with the
// hazards times owner_commitment: a group may outlive its founder (housekeeping.hpp hands the
// group on) or die with them. Under the task policy a member who has not posted within
// task_days is removed (homework, C20). An ad account gives up on a group whose members do
// not read its ads: daily probability spam_give_up · spam_reach_half/(spam_reach_half +
// reach), reach being the readers its ads reached today (their read shares summed, C15).
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::satisfaction {
inline const sim::Key<double> owner_commitment =
    sim::real({.path = "satisfaction.owner_commitment",
               .value = 0.3,
               .unit = "ratio",
               .min = 0,
               .max = 1,
               .meaning = "the owner's leaving hazards relative to a member's (0: owners never "
                          "leave)",
               .claim = "C27"});
}  // namespace param::satisfaction

namespace param::members {
inline const sim::Key<double> spam_give_up =
    sim::real({.path = "members.spam_give_up",
               .value = 0.1,
               .unit = "1/day",
               .min = 0,
               .max = 1,
               .meaning = "daily chance that an ad account whose ads nobody reads leaves",
               .claim = "C15"});
inline const sim::Key<double> spam_reach_half =
    sim::real({.path = "members.spam_reach_half",
               .value = 2,
               .unit = "readers/day",
               .min = 0.001,
               .max = 1e6,
               .meaning = "readers reached a day at which an ad account's giving up halves",
               .claim = "C15"});
}  // namespace param::members

double leave_probability(const sim::ParamValues& rules, double satisfaction, bool muted);

void mute_and_leave(World& world, std::size_t group, Tick t);

}  // namespace community
