#pragma once
// Recruitment, once a day: each group draws up its applicants (admission then lets them in).
//  - Friend invitations (C20, Backstrom et al. 2006): members at or above invite_above invite their
//    friends (under invite_only, only core members: owner, moderators, founders). A friend
//    with k inviting friends inside joins with probability
//        friend_rate · (1 - exp(-k / friends_half)) · A
//    concave in k; A is how the group's visible topic attracts them (below).
//  - Both channels: people join to gain (C14). A candidate of value v weighs a group of mean
//    member value q by min(1, 2q/(q+v))^value_seeking: novices join readily, experts less.
//  - The open channel (C10, C15, F2): Poisson(open_channel_per_day) strangers a day come across
//    the group's public QR code, a share open_ad_share of them ad accounts; none under
//    invite_only. Strangers join with probability A · appeal.
//  - Joiners select themselves by what the group visibly is about (C10): the unit vector
//    t_vis ∝ (1 - conversation_visibility)·focus + conversation_visibility·c/|c| (its stated
//    purpose and its recent conversation) attracts a person of interest θ by
//    A = ((1 + θ·t_vis)/2)^topic_selectivity, so a group whose conversation drifted draws
//    friends and strangers of the drifted topic and drifts further (topic_selectivity = 0:
//    anyone joins whatever the topic). Ad accounts go where an audience listens (C15): one joins
//    with probability a/(a + ad_audience_half), a = members who have not muted the group.
//  - Entry policy (C20, C21): fee — a person pays only if fee ≤ fee_willingness · max(0, fit) ·
//    (mean member value) · E, E ~ Exp(1) (ad accounts never pay); screening — moderators screen
//    up to screen_capacity applicants each a day, admit those with fit ≥ screen_alignment and value
//    ≥ screen_value, and recognise ad accounts with probability ad_detection; task — everyone
//    enters, removal comes later (departures). Screening applies to invited friends and strangers
//    alike.
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::recruitment {
inline const sim::Key<double> topic_selectivity =
    sim::real({.path = "recruitment.topic_selectivity",
               .value = 8,
               .unit = "exponent",
               .min = 0,
               .max = 100,
               .meaning = "how strongly strangers select groups by the visible topic "
                          "(((1 + cos)/2)^this; 0: strangers join whatever the topic)",
               .claim = "C10"});
inline const sim::Key<double> conversation_visibility =
    sim::real({.path = "recruitment.conversation_visibility",
               .value = 0.7,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "weight of the recent conversation, against the stated purpose, in what "
                          "strangers see a group is about",
               .claim = "C10"});
inline const sim::Key<double> ad_audience_half =
    sim::real({.path = "recruitment.ad_audience_half",
               .value = 20,
               .unit = "members",
               .min = 0.001,
               .max = 1e9,
               .meaning = "audience (members who did not mute) at which half of the ad accounts "
                          "that find a group stay to advertise",
               .claim = "C15"});
}  // namespace param::recruitment

double friend_join_probability(const sim::ParamValues& rules, int inviting_friends,
                               double attraction);

// A = ((1 + cosine)/2)^topic_selectivity: how a topic at this cosine attracts a person.
double attraction(const sim::ParamValues& rules, double cosine);

void recruit(World& world, std::size_t group, Tick t);

}  // namespace community
