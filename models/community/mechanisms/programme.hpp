#pragma once
// Programme events (claims C25, C16): the group's managers post scheduled on-focus prompts (a
// daily question at 21:00, a check-in, a talk). A programme post needs a manager present (a
// present moderator: without management there is no programme, C11). It obeys the members'
// rules: its quality is groups.programme_quality (a prompt, not an article: its worth read
// alone is small), moderation reviews it, and members answer it (groups.programme_prompt,
// reading.hpp). Each one opens a new topic, so it is new (novelty 1) and so are the answers
// to it (a reply is as new as what it answers, posting.hpp): its worth to a group is the
// conversation it starts (C25); a push that invites no answer (programme_prompt = 0) adds a
// little to read and keeps nobody talking (C16). Programme posts open the hour's inbox, so
// this is the first hourly step.
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::groups {
inline const sim::Key<double> programme_prompt =
    sim::real({.path = "groups.programme_prompt",
               .value = 0.2,
               .unit = "1/post read",
               .min = 0,
               .max = 100,
               .meaning = "answers a scheduled post draws from a satisfied member who reads it in "
                          "full and finds it fully relevant, however talkative (0: a push that "
                          "asks nothing)",
               .claim = "C25",
               .scope = sim::ParamScope::group});
}  // namespace param::groups

// Hours of the day that carry a scheduled post when there are `per_day` of them (the
// evening slot first); a fraction below one means every round(1/per_day) days at 21:00.
bool programme_slot(double per_day, Tick t);

void run_programme(World& world, std::size_t group, Tick t);

}  // namespace community
