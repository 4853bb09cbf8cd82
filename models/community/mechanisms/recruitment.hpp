#pragma once
// Recruitment, once a day: each group draws up its applicants (admission then lets them in).
//  - Friend invitations (C20, Backstrom et al. 2006): members at or above invite_above invite their
//    friends (under invite_only, only core members: owner, moderators, founders). A friend
//    with k inviting friends inside joins with probability
//        friend_rate · (1 - exp(-k / friends_half)) · (1 + fit)/2
//    concave in k; fit is the friend's interest alignment with the focus.
//  - Both channels: people join to gain (C14). A candidate of value v weighs a group of mean
//    member value q by min(1, 2q/(q+v))^value_seeking: novices join readily, experts less.
//  - The open channel (C15, F2): Poisson(open_channel_per_day) strangers a day, a share
//    open_ad_share of them ad accounts; none under invite_only.
//  - Entry policy (C20, C21): fee — a person pays only if fee ≤ fee_willingness · max(0, fit) ·
//    (mean member value) · E, E ~ Exp(1) (ad accounts never pay); screening — moderators screen
//    up to screen_capacity applicants each a day, admit those with fit ≥ screen_alignment and value
//    ≥ screen_value, and recognise ad accounts with probability ad_detection; task — everyone
//    enters, removal comes later (departures). Screening applies to invited friends and strangers
//    alike.
#include "models/community/world.hpp"

namespace community {

double friend_join_probability(const sim::ParamValues& rules, int inviting_friends, double fit);

void recruit(World& world, std::size_t group, Tick t);

}  // namespace community
