#pragma once
// Satisfaction, once a day (claims C5, C10, C12, C13, C14, C20). The day's net value
//   net = benefit - cost + recognition_value · min(heard, answer_capacity)
//         - question_overload · max(0, demand - answer_capacity) - wariness_cost · wariness
//         + belonging · m/(m + liveliness_half) · (fit - belonging_fit)
// benefit and cost are what reading, answers, unanswered posts and removals brought the member
// today (reading.hpp, moderation.hpp); demand is how many questions they read that they could
// answer (of askers of lower value): an expert flooded with novices' questions pays for it
// (C10, C14); fit is the cosine of the member's interest with the running conversation topic
// (people stay where the conversation is about what they care for, C10); heard counts the
// replies to one's posts and the thanks for one's answers today (reading.hpp), recognised up
// to one's capacity; wariness, grown by removals one saw (moderation.hpp), is the constraint
// one lives under, felt every day while it lasts (C12); m is the messages
// per member in the last 24 hours (a silent group gives no sense of belonging, C13). It sets
//   target = logistic((net - opportunity_cost) / scale) + tie_bonus · f/(f + 2) + fee_bonus · paid
// (f = friends inside the group), clipped to [0, 1], and satisfaction moves 1/memory_days of
// the way towards it. Wariness fades: w ← w · exp(-1/wariness_days).
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::satisfaction {
inline const sim::Key<double> question_overload = sim::real(
    {.path = "satisfaction.question_overload",
     .value = 0.5,
     .unit = "value units/question",
     .min = 0,
     .max = 100,
     .meaning = "cost of each question a day beyond one's answer capacity (novices harass experts)",
     .claim = "C10, C14"});
inline const sim::Key<double> belonging_fit =
    sim::real({.path = "satisfaction.belonging_fit",
               .value = 0.5,
               .unit = "cosine",
               .min = -1,
               .max = 1,
               .meaning = "fit with the conversation below which a lively group gives a member no "
                          "sense of belonging but a sense of not belonging",
               .claim = "C10"});
}  // namespace param::satisfaction

namespace param::satisfaction {
inline const sim::Key<double> wariness_cost =
    sim::real({.path = "satisfaction.wariness_cost",
               .value = 3.0,
               .unit = "value units/day",
               .min = 0,
               .max = 1000,
               .meaning = "daily cost of full wariness: living under rules one has seen enforced "
                          "on oneself and one's friends",
               .claim = "C12"});
}  // namespace param::satisfaction

namespace param::members {
inline const sim::Key<double> answer_capacity =
    sim::real({.path = "members.answer_capacity",
               .value = 3,
               .unit = "questions/day",
               .min = 0,
               .max = 1e6,
               .meaning = "questions a day a member reads gladly before they become a burden",
               .claim = "C14"});
inline const sim::Key<double> wariness_days =
    sim::real({.path = "members.wariness_days",
               .value = 30,
               .unit = "days",
               .min = 0.1,
               .max = 36500,
               .meaning = "time constant over which the wariness from removals fades",
               .claim = "C12"});
}  // namespace param::members

double satisfaction_target(const sim::ParamValues& rules, double net_value, int friends_inside,
                           bool paid);

void update_satisfaction(World& world, std::size_t group, Tick t);

}  // namespace community
