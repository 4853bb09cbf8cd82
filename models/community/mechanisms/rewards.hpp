#pragma once
// Rewards for the most active (claim C26: "rewards for the most active, e.g. the top 3 each
// month ... titles that give a sense of achievement"). Every rewards.period_days days after a
// group's founding, at the end of the day, the rewards.top_n members who posted most in that
// period (at least once; ties go to the earlier member) are recognised before the group:
// their satisfaction moves rewards.recognition of the way to 1,
//   s <- s + recognition · (1 - s).
// Recognition is felt, not paid: it raises the rewarded members' satisfaction, and so their
// posting (posting.hpp) and their wish to stay and invite; it fades as satisfaction follows
// the days' experience again. Off unless rewards.top_n > 0. Ad accounts are never rewarded.
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::rewards {
inline const sim::Key<int> top_n =
    sim::integer({.path = "rewards.top_n",
                  .value = 0,
                  .unit = "members",
                  .min = 0,
                  .max = 1000,
                  .meaning = "members recognised each period for posting most (0 = no rewards)",
                  .claim = "C26",
                  .scope = sim::ParamScope::group});
inline const sim::Key<int> period_days =
    sim::integer({.path = "rewards.period_days",
                  .value = 30,
                  .unit = "days",
                  .min = 1,
                  .max = 3650,
                  .meaning = "days between rewards, counted from the group's founding",
                  .claim = "C26",
                  .scope = sim::ParamScope::group});
inline const sim::Key<double> recognition =
    sim::real({.path = "rewards.recognition",
               .value = 0.3,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "share of the way to full satisfaction a reward moves a member",
               .claim = "C26",
               .scope = sim::ParamScope::group});
}  // namespace param::rewards

void grant_rewards(World& world, std::size_t group, Tick t);

}  // namespace community
