#pragma once
// Posting, every hour (claims C4, C7, C10, C12, C13, C14, C15). A member who has not muted
// the group starts a post in an hour with probability 1 - exp(-λ),
//   λ = activity/24 · diurnal(hour) · liveliness · 2·satisfaction · (1 - wariness_silence ·
//   wariness)
// (wariness: the fear a member keeps after their own or a friend's post was removed, C12;
// see moderation.hpp). A new post is a promotion by the owner (owner_drift, C7), idle chat,
// or content. Idle chat is about nothing in particular (a random topic, so an on-topic rule
// curbs it) and begets chat: a post is chat with probability
//   chat_share + (1 - chat_share) · chat_contagion · (chat among the last 24 hours' messages)
// (people post what they see, C11). Content is a question with probability
// question_share · 2/(1 + value) (novices ask, C14). Its topic lies between the poster's
// interest and the running conversation (topic_pull: conversations drift, C10). Ad accounts
// post ads at spam_per_day (C15).
// Then the posts decided in the previous hour are made: replies chosen while reading
// (reading.hpp) and complaints about removals (moderation.hpp). A reply's topic lies between
// the replier's interest and its target's (reply_pull); a reply to chat is chat with
// probability chat_contagion (idle chat begets chat, C11) and a reply to a complaint takes
// sides in the dispute with probability dispute_contagion (C12). Quality is the poster's
// value; novelty wears off with the poster's tenure — the same voices stop being new (C13):
// novelty = novelty_floor + (1 - novelty_floor) · exp(-tenure/novelty_days); a reply is at
// least as new as what it answers (a fresh topic makes a fresh conversation).
#include "models/community/mechanisms/moderation.hpp"
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::members {
inline const sim::Key<double> question_share = sim::real(
    {.path = "members.question_share",
     .value = 0.3,
     .unit = "share",
     .min = 0,
     .max = 1,
     .meaning = "share of a member of value 1's content posts that ask a question (scaled by "
                "2/(1 + value): novices ask more)",
     .claim = "C14"});
inline const sim::Key<double> reply_pull =
    sim::real({.path = "members.reply_pull",
               .value = 0.7,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "how far a reply's topic is pulled from the replier's interest to the "
                          "message it answers",
               .claim = "C10"});
inline const sim::Key<double> chat_contagion =
    sim::real({.path = "members.chat_contagion",
               .value = 0.8,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "how much idle chat begets chat: the chance that a reply to chat is "
                          "chat, and the weight of the recent chat share in a new post's",
               .claim = "C11"});
inline const sim::Key<double> dispute_contagion =
    sim::real({.path = "members.dispute_contagion",
               .value = 0.7,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "chance that a reply to a complaint about a removal takes sides in the "
                          "dispute (else it is chat)",
               .claim = "C12"});
}  // namespace param::members

// Liveliness multiplier from messages per member in the last 24 hours.
double liveliness(const sim::ParamValues& rules, double messages_per_member);

// Novelty of a post by someone who joined `tenure_days` ago.
double novelty(const sim::ParamValues& rules, double tenure_days);

// Chance that a content post by a member of value v is a question.
double question_probability(const sim::ParamValues& rules, double value);

void post_messages(World& world, std::size_t group, Tick t);

}  // namespace community
