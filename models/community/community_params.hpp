#pragma once
// The community model's parameters, each declared once (sim/params/key.hpp): path, default,
// unit, range, meaning and the claim it implements, and the typed key the mechanisms read it
// through (`world.rules[param::groups::strictness]`). docs/ODD.md explains each; its table
// is generated from these declarations (`commsim params --markdown`). A mechanism of its
// own may declare further parameters in its own header (see docs/EXTENDING.md).
#include "sim/params/consistency.hpp"
#include "sim/params/key.hpp"

namespace community {

// Entry policies for newcomers (C20, C21), in the order of groups.entry's choices.
enum class EntryPolicy { open, invite_only, fee, task, screening };
// How a group's founding members are found, and what it is about (C3: relationship groups
// gather friends around what they share; an event's group gathers strangers around the event).
enum class Founders { friends, strangers };
enum class Purpose { community, founder, random };
// What a group does with ads (C28), in the order of groups.ads's choices.
enum class AdsPolicy { banned, tolerated, paid, window, thread };

namespace param {

// Groups: founding, rules and entry policy (per group: group types may differ).
namespace groups {
inline const sim::Key<int> count = sim::integer({.path = "groups.count",
                                                 .value = 20,
                                                 .unit = "groups",
                                                 .min = 1,
                                                 .max = 10'000'000,
                                                 .meaning = "groups founded at the start"});
inline const sim::Key<int> initial_size =
    sim::integer({.path = "groups.initial_size",
                  .value = 30,
                  .unit = "members",
                  .min = 2,
                  .max = 100'000,
                  .meaning = "founding members: the founder, their friends, friends of friends",
                  .claim = "C5",
                  .scope = sim::ParamScope::group});
inline const sim::Key<Founders> founders = sim::choice<Founders>(
    {.path = "groups.founders",
     .value = Founders::friends,
     .choices = {"friends", "strangers"},
     .meaning = "who founds it with the founder: friends, then friends of friends (breadth first), "
                "or people drawn at random from the platform (an event's attendees); either way "
                "each joins with probability ((1 + fit)/2)^recruitment.topic_selectivity",
     .claim = "C3",
     .scope = sim::ParamScope::group});
inline const sim::Key<Purpose> purpose = sim::choice<Purpose>(
    {.path = "groups.purpose",
     .value = Purpose::community,
     .choices = {"community", "founder", "random"},
     .meaning = "what it is about: the centre of the founder's community (a shared interest), the "
                "founder's own interest, or a topic drawn at random (a one-off event)",
     .claim = "C1, C3",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> moderators =
    sim::integer({.path = "groups.moderators",
                  .value = 1,
                  .unit = "moderators",
                  .min = 0,
                  .max = 1000,
                  .meaning = "managers who moderate (0 = leaderless: nothing is removed)",
                  .claim = "C11",
                  .scope = sim::ParamScope::group});
inline const sim::Key<int> promote_experts = sim::integer(
    {.path = "groups.promote_experts",
     .value = 0,
     .unit = "moderators",
     .min = 0,
     .max = 1000,
     .meaning = "active experts promoted to moderators beyond groups.moderators: the most "
                "valuable member who posted in the last week, recognised (rewards.recognition) "
                "and first in line to own the group",
     .claim = "C27",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> strictness = sim::real(
    {.path = "groups.strictness",
     .value = 0.3,
     .unit = "0-1",
     .min = 0,
     .max = 1,
     .meaning = "rule strictness: removes off-topic posts and, the higher, more legitimate ones",
     .claim = "C12",
     .scope = sim::ParamScope::group});
inline const sim::Key<EntryPolicy> entry =
    sim::choice<EntryPolicy>({.path = "groups.entry",
                              .value = EntryPolicy::open,
                              .choices = {"open", "invite_only", "fee", "task", "screening"},
                              .meaning = "entry policy for newcomers",
                              .claim = "C20",
                              .scope = sim::ParamScope::group});
inline const sim::Key<double> open_channel_per_day = sim::real(
    {.path = "groups.open_channel_per_day",
     .value = 1,
     .unit = "people/day",
     .min = 0,
     .max = 100'000,
     .meaning = "strangers arriving through the public channel (QR code) a day while it is open",
     .claim = "C15",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> open_ad_share =
    sim::real({.path = "groups.open_ad_share",
               .value = 0.15,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "share of open-channel arrivals that are ad accounts",
               .claim = "C15",
               .scope = sim::ParamScope::group});
inline const sim::Key<double> fee =
    sim::real({.path = "groups.fee",
               .value = 0,
               .unit = "value units",
               .min = 0,
               .max = 1'000'000,
               .meaning = "entry fee (fee policy): people join only if willing to pay it",
               .claim = "C20",
               .scope = sim::ParamScope::group});
inline const sim::Key<int> task_days = sim::integer(
    {.path = "groups.task_days",
     .value = 7,
     .unit = "days",
     .min = 1,
     .max = 3650,
     .meaning = "task policy: members who have not posted within this many days are removed",
     .claim = "C20",
     .scope = sim::ParamScope::group});
inline const sim::Key<bool> task_makeup = sim::flag(
    {.path = "groups.task_makeup",
     .value = false,
     .meaning = "task policy: a member who misses the task gets one make-up week (at most one a "
                "week) before removal",
     .claim = "C21",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> screen_alignment = sim::real(
    {.path = "groups.screen_alignment",
     .value = 0.5,
     .unit = "cosine",
     .min = -1,
     .max = 1,
     .meaning = "screening policy: least interest alignment with the focus to be admitted",
     .claim = "C21",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> screen_value =
    sim::real({.path = "groups.screen_value",
               .value = 0,
               .unit = "value units",
               .min = 0,
               .max = 1'000'000,
               .meaning = "screening policy: least value (expertise) to be admitted",
               .claim = "C21",
               .scope = sim::ParamScope::group});
inline const sim::Key<double> founding_value_min =
    sim::real({.path = "groups.founding_value_min",
               .value = 0,
               .unit = "value units",
               .min = 0,
               .max = 1'000'000,
               .meaning = "founders invite only friends (and friends of friends) with at least "
                          "this value: a circle of peers",
               .claim = "C14",
               .scope = sim::ParamScope::group});
inline const sim::Key<int> screen_capacity =
    sim::integer({.path = "groups.screen_capacity",
                  .value = 10,
                  .unit = "applicants/day",
                  .min = 0,
                  .max = 100'000,
                  .meaning = "screening policy: applicants one moderator can screen a day",
                  .claim = "C21",
                  .scope = sim::ParamScope::group});
inline const sim::Key<int> size_cap = sim::integer({.path = "groups.size_cap",
                                                    .value = 500,
                                                    .unit = "members",
                                                    .min = 2,
                                                    .max = 10'000'000,
                                                    .meaning = "no joins beyond this size",
                                                    .claim = "C24",
                                                    .scope = sim::ParamScope::group});
inline const sim::Key<int> split_at = sim::integer(
    {.path = "groups.split_at",
     .value = 0,
     .unit = "members",
     .min = 0,
     .max = 10'000'000,
     .meaning = "split a group in two by interest when it grows past this size (0 = never)",
     .claim = "C22",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> split_target = sim::integer(
    {.path = "groups.split_target",
     .value = 0,
     .unit = "members",
     .min = 0,
     .max = 10'000'000,
     .meaning = "members per sub-group when a group splits: it splits into round(N/target) "
                "groups by interest and ties (0 = in two)",
     .claim = "C22, C24",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> split_every_days = sim::integer(
    {.path = "groups.split_every_days",
     .value = 30,
     .unit = "days",
     .min = 1,
     .max = 36500,
     .meaning = "a group splits at most once in this many days, counted from its founding or "
                "last split",
     .claim = "C24",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> split_min_size = sim::integer(
    {.path = "groups.split_min_size",
     .value = 10,
     .unit = "members",
     .min = 2,
     .max = 10'000'000,
     .meaning = "no sub-group of a split, nor what is left of the group, is smaller than this "
                "(else the split waits)",
     .claim = "C24",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> lifetime_hours =
    sim::integer({.path = "groups.lifetime_hours",
                  .value = 0,
                  .unit = "hours",
                  .min = 0,
                  .max = 1'000'000,
                  .meaning = "flash groups close this many hours after founding (0 = no limit)",
                  .claim = "C23",
                  .scope = sim::ParamScope::group});
inline const sim::Key<double> programme_per_day = sim::real(
    {.path = "groups.programme_per_day",
     .value = 0,
     .unit = "posts/day",
     .min = 0,
     .max = 24,
     .meaning = "scheduled on-focus posts by the organisers (daily topic, check-in, talk)",
     .claim = "C25",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> programme_quality =
    sim::real({.path = "groups.programme_quality",
               .value = 0.1,
               .unit = "value units",
               .min = 0,
               .max = 100,
               .meaning = "quality of a scheduled post, on the same scale as member value",
               .claim = "C25",
               .scope = sim::ParamScope::group});
inline const sim::Key<AdsPolicy> ads = sim::choice<AdsPolicy>(
    {.path = "groups.ads",
     .value = AdsPolicy::banned,
     .choices = {"banned", "tolerated", "paid", "window", "thread"},
     .meaning = "ads policy: removed by moderators; left up; allowed against a price "
                "(groups.ad_price); allowed one day a week; confined to one thread that members "
                "read only in part (reading.ad_thread_reading)",
     .claim = "C28",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> ad_price = sim::real(
    {.path = "groups.ad_price",
     .value = 20,
     .unit = "readers",
     .min = 0,
     .max = 1e9,
     .meaning = "paid ads: the price of an ad, as the audience an advertiser needs to find it "
                "worth paying (an ad account posts with chance audience/(audience + price))",
     .claim = "C28",
     .scope = sim::ParamScope::group});
inline const sim::Key<double> owner_drift =
    sim::real({.path = "groups.owner_drift",
               .value = 0,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "share of the owner's posts that push off-focus topics (promotions)",
               .claim = "C7",
               .scope = sim::ParamScope::group});
inline const sim::Key<int> death_window_days =
    sim::integer({.path = "groups.death_window_days",
                  .value = 14,
                  .unit = "days",
                  .min = 1,
                  .max = 3650,
                  .meaning = "a group is dead when too few members posted in this many days",
                  .scope = sim::ParamScope::group});
inline const sim::Key<double> death_active_share = sim::real(
    {.path = "groups.death_active_share",
     .value = 0.05,
     .unit = "share",
     .min = 0,
     .max = 1,
     .meaning = "least share of members posting within the window for a group to count as alive",
     .scope = sim::ParamScope::group});
inline const sim::Key<int> min_size = sim::integer({.path = "groups.min_size",
                                                    .value = 3,
                                                    .unit = "members",
                                                    .min = 0,
                                                    .max = 1000,
                                                    .meaning = "a group with fewer members is dead",
                                                    .scope = sim::ParamScope::group});
}  // namespace groups

// Members: how people post.
namespace members {
inline const sim::Key<double> evening_peak = sim::real(
    {.path = "members.evening_peak",
     .value = 2,
     .unit = "ratio",
     .min = 1,
     .max = 20,
     .meaning = "activity at the 21:00 peak relative to the daily mean (diurnal rhythm)"});
inline const sim::Key<double> chat_share = sim::real(
    {.path = "members.chat_share",
     .value = 0.15,
     .unit = "share",
     .min = 0,
     .max = 1,
     .meaning =
         "share of ordinary members' posts that are idle chat in a group with no chat yet (chat "
         "seen raises it: members.chat_contagion)",
     .claim = "C15"});
inline const sim::Key<double> topic_pull =
    sim::real({.path = "members.topic_pull",
               .value = 0.4,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "how far a post's topic is pulled from the poster's interest to the "
                          "current conversation (conversations drift)",
               .claim = "C10"});
inline const sim::Key<double> topic_noise = sim::real({.path = "members.topic_noise",
                                                       .value = 0.3,
                                                       .unit = "",
                                                       .min = 0,
                                                       .max = 10,
                                                       .meaning = "randomness of a post's topic"});
inline const sim::Key<double> conversation_memory =
    sim::real({.path = "members.conversation_memory",
               .value = 20,
               .unit = "messages",
               .min = 1,
               .max = 1'000'000,
               .meaning = "messages over which the running conversation topic is averaged",
               .claim = "C10"});
inline const sim::Key<double> liveliness_strength =
    sim::real({.path = "members.liveliness_strength",
               .value = 0.6,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "how much posting depends on recent activity in the group (people talk "
                          "where others talk)"});
inline const sim::Key<double> liveliness_half =
    sim::real({.path = "members.liveliness_half",
               .value = 0.3,
               .unit = "messages/member/day",
               .min = 0.001,
               .max = 1000,
               .meaning = "recent message rate at which liveliness has its neutral value"});
inline const sim::Key<double> spammer_share =
    sim::real({.path = "members.spammer_share",
               .value = 0.02,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "share of people who are ad accounts",
               .claim = "C15"});
inline const sim::Key<double> spam_per_day = sim::real({.path = "members.spam_per_day",
                                                        .value = 3,
                                                        .unit = "posts/day",
                                                        .min = 0,
                                                        .max = 1000,
                                                        .meaning = "ads an ad account posts a day",
                                                        .claim = "C15"});
inline const sim::Key<int> max_groups = sim::integer(
    {.path = "members.max_groups",
     .value = 8,
     .unit = "groups",
     .min = 1,
     .max = 10'000,
     .meaning = "a person joins no more groups than this (attention is shared between them)"});
inline const sim::Key<double> satisfaction_initial =
    sim::real({.path = "members.satisfaction_initial",
               .value = 0.7,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "satisfaction on joining"});
}  // namespace members

// Reading: what a message is worth to its readers.
namespace reading {
inline const sim::Key<double> read_cost =
    sim::real({.path = "reading.read_cost",
               .value = 0.15,
               .unit = "value units/message",
               .min = 0,
               .max = 100,
               .meaning = "effort of reading one message, paid whatever its worth"});
inline const sim::Key<double> chat_value =
    sim::real({.path = "reading.chat_value",
               .value = 0.3,
               .unit = "share",
               .min = 0,
               .max = 10,
               .meaning = "worth of idle chat relative to content of the same relevance",
               .claim = "C15"});
inline const sim::Key<double> ad_cost = sim::real({.path = "reading.ad_cost",
                                                   .value = 1,
                                                   .unit = "value units/message",
                                                   .min = 0,
                                                   .max = 100,
                                                   .meaning = "annoyance of reading one ad",
                                                   .claim = "C15"});
inline const sim::Key<double> overload_cost = sim::real(
    {.path = "reading.overload_cost",
     .value = 0.5,
     .unit = "value units/day",
     .min = 0,
     .max = 100,
     .meaning =
         "cost per day of a feed twice as long as one's attention (scales with the excess)"});
inline const sim::Key<double> novelty_days = sim::real(
    {.path = "reading.novelty_days",
     .value = 60,
     .unit = "days",
     .min = 0.1,
     .max = 36500,
     .meaning = "how fast the same voices stop being new: a member's posts lose novelty over "
                "their tenure in the group (to 1/e of the way after this many days)",
     .claim = "C13"});
inline const sim::Key<double> novelty_floor =
    sim::real({.path = "reading.novelty_floor",
               .value = 0.25,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "novelty left in the posts of long-standing members",
               .claim = "C13"});
inline const sim::Key<double> ad_thread_reading = sim::real(
    {.path = "reading.ad_thread_reading",
     .value = 0.1,
     .unit = "share",
     .min = 0,
     .max = 1,
     .meaning = "ads confined to one thread (groups.ads = thread): share of them a member reads",
     .claim = "C28"});
inline const sim::Key<double> muted_reading =
    sim::real({.path = "reading.muted_reading",
               .value = 0.1,
               .unit = "share",
               .min = 0,
               .max = 1,
               .meaning = "share of the feed a member who muted the group still reads",
               .claim = "C4"});
}  // namespace reading

// Satisfaction, muting and leaving.
namespace satisfaction {
inline const sim::Key<double> memory_days = sim::real(
    {.path = "satisfaction.memory_days",
     .value = 7,
     .unit = "days",
     .min = 1,
     .max = 3650,
     .meaning = "time constant of satisfaction (how many days of experience it averages)"});
inline const sim::Key<double> opportunity_cost =
    sim::real({.path = "satisfaction.opportunity_cost",
               .value = 1.5,
               .unit = "value units/day",
               .min = -100,
               .max = 100,
               .meaning = "net value a day a group must give to be worth staying in"});
inline const sim::Key<double> belonging = sim::real(
    {.path = "satisfaction.belonging",
     .value = 1.5,
     .unit = "value units/day",
     .min = 0,
     .max = 100,
     .meaning =
         "worth of a lively conversation that matches one's interest: adds belonging · liveliness "
         "· (fit - satisfaction.belonging_fit) to the day's net value (fit: cosine of interest and "
         "conversation topic)",
     .claim = "C10"});
inline const sim::Key<double> scale =
    sim::real({.path = "satisfaction.scale",
               .value = 1.5,
               .unit = "value units/day",
               .min = 0.01,
               .max = 100,
               .meaning = "net value a day that moves satisfaction from 0.5 to 0.73"});
inline const sim::Key<double> tie_bonus =
    sim::real({.path = "satisfaction.tie_bonus",
               .value = 0.15,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "satisfaction added by friends inside the group (saturating)",
               .claim = "C5"});
inline const sim::Key<double> fee_bonus =
    sim::real({.path = "satisfaction.fee_bonus",
               .value = 0.1,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "satisfaction added by having paid to join (commitment)",
               .claim = "C20"});
inline const sim::Key<double> mute_below =
    sim::real({.path = "satisfaction.mute_below",
               .value = 0.35,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "members mute the group below this",
               .claim = "C13"});
inline const sim::Key<double> unmute_above =
    sim::real({.path = "satisfaction.unmute_above",
               .value = 0.5,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "muted members come back above this"});
inline const sim::Key<double> leave_below =
    sim::real({.path = "satisfaction.leave_below",
               .value = 0.25,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "members consider leaving below this"});
inline const sim::Key<double> leave_hazard = sim::real(
    {.path = "satisfaction.leave_hazard",
     .value = 0.15,
     .unit = "1/day",
     .min = 0,
     .max = 1,
     .meaning = "daily chance of leaving at satisfaction 0 (falls linearly to 0 at leave_below)"});
inline const sim::Key<double> lurker_hazard =
    sim::real({.path = "satisfaction.lurker_hazard",
               .value = 0.005,
               .unit = "1/day",
               .min = 0,
               .max = 1,
               .meaning = "daily chance that a member who muted the group leaves",
               .claim = "C22"});
}  // namespace satisfaction

// Moderation.
namespace moderation {
inline const sim::Key<double> capacity =
    sim::real({.path = "moderation.capacity",
               .value = 30,
               .unit = "messages/hour",
               .min = 0,
               .max = 1'000'000,
               .meaning = "messages one moderator reviews an hour",
               .claim = "C11"});
inline const sim::Key<double> ad_detection =
    sim::real({.path = "moderation.ad_detection",
               .value = 0.9,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "chance that a reviewed ad is recognised (and its account removed)",
               .claim = "C21"});
inline const sim::Key<double> enforcement_full = sim::real(
    {.path = "moderation.enforcement_full",
     .value = 0.2,
     .unit = "0-1",
     .min = 0,
     .max = 1,
     .meaning = "strictness from which the no-ads rule is fully enforced (below it, in proportion)",
     .claim = "C21"});
inline const sim::Key<double> offtopic_below = sim::real(
    {.path = "moderation.offtopic_below",
     .value = 0.2,
     .unit = "cosine",
     .min = -1,
     .max = 1,
     .meaning = "a post whose topic is less aligned with the focus than this is off-topic",
     .claim = "C10"});
inline const sim::Key<double> false_removal =
    sim::real({.path = "moderation.false_removal",
               .value = 0.3,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "chance, at full strictness, that a legitimate post is removed",
               .claim = "C12"});
inline const sim::Key<int> violations_to_remove =
    sim::integer({.path = "moderation.violations_to_remove",
                  .value = 5,
                  .unit = "posts",
                  .min = 1,
                  .max = 1000,
                  .meaning = "removed posts before a member is removed, at zero strictness (falls "
                             "to 1 at full strictness)",
                  .claim = "C12"});
inline const sim::Key<double> online = sim::real(
    {.path = "moderation.online",
     .value = 1.0,
     .unit = "share",
     .min = 0,
     .max = 1,
     .meaning = "chance that a moderator is at hand in an hour of average activity (scaled by the "
                "diurnal rhythm, at most 1); an hour with no moderator at hand goes unreviewed (1: "
                "always at hand, and more moderators matter only where review capacity binds)",
     .claim = "C11, C27"});
inline const sim::Key<double> violation_memory_days = sim::real(
    {.path = "moderation.violation_memory_days",
     .value = 30,
     .unit = "days",
     .min = 0.1,
     .max = 36500,
     .meaning = "violations fade with this time constant (a removed post is forgiven in time)"});
}  // namespace moderation

// Recruitment: friend invitations and the open channel.
namespace recruitment {
inline const sim::Key<double> invite_above =
    sim::real({.path = "recruitment.invite_above",
               .value = 0.6,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "members above this satisfaction invite their friends"});
inline const sim::Key<double> friend_rate = sim::real(
    {.path = "recruitment.friend_rate",
     .value = 0.1,
     .unit = "1/day",
     .min = 0,
     .max = 1,
     .meaning =
         "daily chance that a well-connected, interested friend joins (the saturation level)"});
inline const sim::Key<double> friends_half = sim::real(
    {.path = "recruitment.friends_half",
     .value = 1.5,
     .unit = "friends",
     .min = 0.01,
     .max = 1000,
     .meaning =
         "friends inside at which the join chance reaches 63% of its level (concave in friends)"});
inline const sim::Key<double> value_seeking = sim::real(
    {.path = "recruitment.value_seeking",
     .value = 1,
     .unit = "exponent",
     .min = 0,
     .max = 10,
     .meaning = "people join to gain: a candidate of value v joins a group of mean value q with "
                "weight min(1, 2q/(q+v))^value_seeking, so experts join less readily than novices",
     .claim = "C14"});
inline const sim::Key<double> fee_willingness = sim::real(
    {.path = "recruitment.fee_willingness",
     .value = 3,
     .unit = "value units",
     .min = 0,
     .max = 1'000'000,
     .meaning = "willingness to pay, per unit of interest fit and of the group's mean member value",
     .claim = "C20"});
}  // namespace recruitment

// Observation: definitions used by the metrics.
namespace metrics {
inline const sim::Key<double> aligned_above = sim::real(
    {.path = "metrics.aligned_above",
     .value = 0.5,
     .unit = "cosine",
     .min = -1,
     .max = 1,
     .meaning =
         "members whose interest has at least this alignment with the founding "
         "focus count as aligned with the purpose (for leave_rate_aligned and aligned_leave_rate)",
     .claim = "C10"});
inline const sim::Key<int> quiet_days =
    sim::integer({.path = "metrics.quiet_days",
                  .value = 30,
                  .unit = "days",
                  .min = 1,
                  .max = 3650,
                  .meaning = "members who have not posted for this many days count as quiet "
                             "(quiet_share: lurkers, C22)",
                  .claim = "C22"});
}  // namespace metrics

// Output: per-member snapshots.
namespace snapshots {
inline const sim::Key<int> every_days =
    sim::integer({.path = "snapshots.every_days",
                  .value = 0,
                  .unit = "days",
                  .min = 0,
                  .max = 36500,
                  .meaning = "write per-member snapshots every this many days (0 = never)"});
}  // namespace snapshots

// Output: the per-member event log and hourly series (docs/output-format.md).
namespace output {
inline const sim::Key<bool> events = sim::flag(
    {.path = "output.events",
     .value = false,
     .meaning = "write the per-member event log /events (joins with channel and inviter, leaves, "
                "mutes, removals with reason, posts, replies)"});
inline const sim::Key<bool> hourly = sim::flag(
    {.path = "output.hourly",
     .value = false,
     .meaning = "write hourly per-group series /hourly/<metric> (for groups that live hours)"});
}  // namespace output

// Rules over several of these parameters together (sim/params/consistency.hpp): refused when
// they contradict each other, reported when one makes another irrelevant.
namespace rules {
// A key that only the entry policy `policy` reads: a warning when set under another.
inline sim::ConsistencyRule entry_only(const char* key, const char* policy) {
  return {{key, "groups.entry"}, sim::RuleSeverity::warning, [policy](const sim::Parameters& p) {
            const std::string& entry = p.text("groups.entry");
            return entry == policy
                       ? std::string()
                       : "has no effect: groups.entry is \"" + entry + "\", not \"" + policy + "\"";
          }};
}
inline const std::size_t min_below_initial = sim::consistency_rule(
    {{"groups.min_size", "groups.initial_size"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const auto min = p.integer("groups.min_size"), initial = p.integer("groups.initial_size");
       return min <= initial ? ""
                             : "a group smaller than " + std::to_string(min) +
                                   " is dead, so groups founded with " + std::to_string(initial) +
                                   " would all be dead on day 0; min_size <= initial_size would "
                                   "be consistent";
     }});
inline const std::size_t founders_exist = sim::consistency_rule(
    {{"groups.initial_size", "population.size"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const auto initial = p.integer("groups.initial_size"), people = p.integer("population.size");
       return initial <= people
                  ? ""
                  : "groups cannot be founded by " + std::to_string(initial) + " people out of " +
                        std::to_string(people) + "; at most population.size would be consistent";
     }});
inline const std::size_t unmute_above_mute = sim::consistency_rule(
    {{"satisfaction.unmute_above", "satisfaction.mute_below"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const double up = p.real("satisfaction.unmute_above"),
                    down = p.real("satisfaction.mute_below");
       return up >= down ? ""
                         : "a member would unmute at a satisfaction below the one at which they "
                           "mute; unmute_above >= mute_below would be consistent";
     }});
// A world that cannot fit in memory is refused before it is built, not by std::bad_alloc.
// The sizes are rough upper bounds (about 2 KiB a group, 200 bytes a founding membership, the
// interest vector and friendships of a person).
inline const std::size_t world_fits = sim::consistency_rule(
    {{"groups.count", "groups.initial_size", "population.size", "population.topics"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const double groups = static_cast<double>(p.integer("groups.count"));
       const double founders = static_cast<double>(p.integer("groups.initial_size"));
       const double people = static_cast<double>(p.integer("population.size"));
       const double topics = static_cast<double>(p.integer("population.topics"));
       const double need = groups * (2048.0 + 200.0 * founders) + people * (4.0 * topics + 256.0);
       const double have = static_cast<double>(sim::physical_memory_bytes());
       return have <= 0 || need <= have
                  ? ""
                  : "the world would need about " + sim::bytes_text(need) +
                        " of memory and this machine has " + sim::bytes_text(have) +
                        "; fewer groups or people would fit";
     }});
inline const std::size_t fee_needs_fee_entry =
    sim::consistency_rule(entry_only("groups.fee", "fee"));
inline const std::size_t willingness_needs_fee_entry =
    sim::consistency_rule(entry_only("recruitment.fee_willingness", "fee"));
inline const std::size_t bonus_needs_fee_entry =
    sim::consistency_rule(entry_only("satisfaction.fee_bonus", "fee"));
inline const std::size_t task_days_need_task_entry =
    sim::consistency_rule(entry_only("groups.task_days", "task"));
inline const std::size_t screen_alignment_needs_screening =
    sim::consistency_rule(entry_only("groups.screen_alignment", "screening"));
inline const std::size_t screen_value_needs_screening =
    sim::consistency_rule(entry_only("groups.screen_value", "screening"));
inline const std::size_t screen_capacity_needs_screening =
    sim::consistency_rule(entry_only("groups.screen_capacity", "screening"));
inline const std::size_t split_below_cap = sim::consistency_rule(
    {{"groups.split_at", "groups.size_cap"},
     sim::RuleSeverity::warning,
     [](const sim::Parameters& p) -> std::string {
       const auto at = p.integer("groups.split_at"), cap = p.integer("groups.size_cap");
       return at == 0 || at < cap
                  ? ""
                  : "has no effect: no group grows past size_cap " + std::to_string(cap) +
                        ", so none reaches " + std::to_string(at) + " to split";
     }});
// A key that only the choice `value` of `lever` reads (the ads policy's price and thread, C28).
inline sim::ConsistencyRule only_when(const char* key, const char* lever, const char* value) {
  return {{key, lever}, sim::RuleSeverity::warning, [=](const sim::Parameters& p) {
            const std::string& v = p.text(lever);
            return v == value ? std::string()
                              : std::string("has no effect: ") + lever + " is \"" + v + "\"";
          }};
}
inline const std::size_t makeup_needs_task_entry =
    sim::consistency_rule(entry_only("groups.task_makeup", "task"));
inline const std::size_t ad_price_needs_paid_ads =
    sim::consistency_rule(only_when("groups.ad_price", "groups.ads", "paid"));
inline const std::size_t thread_reading_needs_thread_ads =
    sim::consistency_rule(only_when("reading.ad_thread_reading", "groups.ads", "thread"));
inline const std::size_t split_target_below_cap = sim::consistency_rule(
    {{"groups.split_target", "groups.size_cap"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const auto target = p.integer("groups.split_target"), cap = p.integer("groups.size_cap");
       return target <= cap ? ""
                            : "sub-groups of " + std::to_string(target) +
                                  " members cannot exist under size_cap " + std::to_string(cap) +
                                  "; split_target <= size_cap would be consistent";
     }});
// A splitting key: a warning when set while nothing splits.
inline sim::ConsistencyRule split_only(const char* key) {
  return {{key, "groups.split_at"}, sim::RuleSeverity::warning, [](const sim::Parameters& p) {
            return p.integer("groups.split_at") > 0
                       ? std::string()
                       : std::string("has no effect: groups.split_at is 0, so no group splits");
          }};
}
inline const std::size_t split_target_needs_split =
    sim::consistency_rule(split_only("groups.split_target"));
inline const std::size_t split_every_needs_split =
    sim::consistency_rule(split_only("groups.split_every_days"));
inline const std::size_t split_min_needs_split =
    sim::consistency_rule(split_only("groups.split_min_size"));
inline const std::size_t split_ties_needs_split =
    sim::consistency_rule(split_only("groups.split_ties"));
inline const std::size_t flash_within_run = sim::consistency_rule(
    {{"groups.lifetime_hours", "run.days"},
     sim::RuleSeverity::error,
     [](const sim::Parameters& p) -> std::string {
       const auto life = p.integer("groups.lifetime_hours"), hours = p.integer("run.days") * 24;
       return life <= hours ? ""
                            : "a group that lives " + std::to_string(life) +
                                  " hours outlives a run of " + std::to_string(hours) +
                                  " hours; at most run.days * 24 (or 0: no limit) would be "
                                  "consistent";
     }});
inline const std::size_t prompt_needs_programme = sim::consistency_rule(
    {{"groups.programme_prompt", "groups.programme_per_day"},
     sim::RuleSeverity::warning,
     [](const sim::Parameters& p) -> std::string {
       return p.real("groups.programme_per_day") > 0
                  ? ""
                  : "has no effect: groups.programme_per_day is 0, so nothing is scheduled";
     }});
}  // namespace rules
}  // namespace param
}  // namespace community
