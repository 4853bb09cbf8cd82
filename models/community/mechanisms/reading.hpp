#pragma once
// Reading within attention, and answering (claims C4, C5, C10, C13, C14, C15, C16, C22).
// Each member reads the hour's visible messages as far as their hourly attention allows
// (attention / groups joined · diurnal/24; reading.muted_reading of that when muted), a share
// ρ = min(1, attention / messages) of each. Reading message j gives reader i
//   content, programme: relevance · (2q/(q + v_i))^value_gap · novelty   (C14: experts gain
//                       little from lower-valued posts; value_gap = 0 removes that)
//   chat:               chat_value · novelty   (social: worth the same whatever its topic)
//   ad:                 -ad_cost;   complaint or dispute: -dispute_cost
// with relevance = max(0, interest_i · topic_j), minus read_cost per message read, and an
// overload cost when the feed exceeds attention. A question j read by a member of higher value
// than its asker adds ρ·relevance to that member's demand for answers (C10, C14; it costs
// past answer_capacity, satisfaction.hpp).
//
// Answering. Having read j, member i answers it within the hour with intensity
//   r_ij = ρ · 2·s_i · (1 - wariness_silence · wariness_i)
//          · (1 + reply_ties · [i and j's poster are friends]) · k_ij
// with k_ij = reply_rate · a_i · w_ij (a_i: the reader's activity: talkers answer more,
// lurkers read, C4) and w_ij the message's worth to i for content (one answers what one
// values: novices answer experts, if only to thank them), relevance · question_pull ·
// 2v_i/(v_i + q_j) for questions (experts answer novices), chat_pull for chat, dispute_pull for
// complaints (friends take sides, C12), 0 for ads; a scheduled prompt asks everyone, talkers
// readily and lurkers now and then (a lurker speaks when something concerns them): k_ij =
// groups.programme_prompt · relevance · a_i/(a_i + prompt_activity_half) (C25; 0: a push that
// asks nothing, C16). A member answers at most one message an
// hour: with probability 1 - exp(-Σ_j r_ij), message j with probability ∝ r_ij; the reply is
// posted in the next hour (posting.hpp).
// A visible reply gives the poster of the message it answers answered_value · 2q/(q + v_p)
// when that message was a question (help), recognition_value otherwise, and the answerer of a
// question recognition_value (thanks: experts gain from helping, C14); a member's post that
// no one answered within reply_window_hours costs them unanswered_cost (C16: unanswered posts
// discourage). Ads record how many readers they reached (ad accounts give up where nobody
// reads them, departures.hpp). The visible messages then update the group's running
// conversation topic and its recent message count (liveliness).
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::members {
inline const sim::Key<double> reply_rate = sim::real(
    {.path = "members.reply_rate",
     .value = 0.05,
     .unit = "1/message read",
     .min = 0,
     .max = 100,
     .meaning = "answers per message read in full, per post a day of the reader's activity, for "
                "a satisfied member and a fully relevant message with pull 1",
     .claim = "C4"});
inline const sim::Key<double> reply_ties =
    sim::real({.path = "members.reply_ties",
               .value = 2.0,
               .unit = "ratio",
               .min = 0,
               .max = 100,
               .meaning = "extra keenness to answer a friend (friends answer friends)",
               .claim = "C5"});
inline const sim::Key<double> question_pull =
    sim::real({.path = "members.question_pull",
               .value = 3.0,
               .unit = "ratio",
               .min = 0,
               .max = 100,
               .meaning = "how much more a question invites an answer than a statement, for a "
                          "reader of the asker's value (times 2v/(v + q): experts answer)",
               .claim = "C14"});
inline const sim::Key<double> chat_pull =
    sim::real({.path = "members.chat_pull",
               .value = 1.0,
               .unit = "ratio",
               .min = 0,
               .max = 100,
               .meaning = "how much idle chat invites an answer (mostly from friends)",
               .claim = "C11"});
inline const sim::Key<double> prompt_activity_half =
    sim::real({.path = "members.prompt_activity_half",
               .value = 0.06,
               .unit = "posts/day",
               .min = 0.0001,
               .max = 1000,
               .meaning = "activity at which a member answers a scheduled prompt half as readily "
                          "as the most talkative do",
               .claim = "C4, C25"});
inline const sim::Key<int> reply_window_hours =
    sim::integer({.path = "members.reply_window_hours",
                  .value = 24,
                  .unit = "hours",
                  .min = 1,
                  .max = 24 * 30,
                  .meaning = "a post with no answer within this many hours counts as unanswered",
                  .claim = "C16"});
}  // namespace param::members

namespace param::moderation {
inline const sim::Key<double> dispute_pull =
    sim::real({.path = "moderation.dispute_pull",
               .value = 1.0,
               .unit = "ratio",
               .min = 0,
               .max = 100,
               .meaning = "how much a complaint about a removal invites answers (friends of the "
                          "complainer take sides)",
               .claim = "C12"});
}  // namespace param::moderation

namespace param::reading {
inline const sim::Key<double> value_gap = sim::real(
    {.path = "reading.value_gap",
     .value = 0.5,
     .unit = "exponent",
     .min = 0,
     .max = 10,
     .meaning = "how much a post's worth depends on its poster's value relative to the reader's: "
                "(2q/(q + v))^value_gap (0: every poster is worth the same)",
     .claim = "C14"});
inline const sim::Key<double> dispute_cost =
    sim::real({.path = "reading.dispute_cost",
               .value = 0.5,
               .unit = "value units/message",
               .min = 0,
               .max = 100,
               .meaning = "annoyance of reading a complaint or a dispute about a removal",
               .claim = "C12"});
}  // namespace param::reading

namespace param::satisfaction {
inline const sim::Key<double> answered_value =
    sim::real({.path = "satisfaction.answered_value",
               .value = 1.0,
               .unit = "value units",
               .min = 0,
               .max = 100,
               .meaning = "worth of an answer to one's question from someone of one's own value "
                          "(times 2q/(q + v): help from experts is worth more)",
               .claim = "C14"});
inline const sim::Key<double> recognition_value =
    sim::real({.path = "satisfaction.recognition_value",
               .value = 0.5,
               .unit = "value units",
               .min = 0,
               .max = 100,
               .meaning = "worth of a reply to one's post (being heard: recognition)",
               .claim = "C26"});
inline const sim::Key<double> unanswered_cost =
    sim::real({.path = "satisfaction.unanswered_cost",
               .value = 0.3,
               .unit = "value units",
               .min = 0,
               .max = 100,
               .meaning = "disappointment of a post nobody answered within the reply window",
               .claim = "C16"});
}  // namespace param::satisfaction

// Worth of one message to a reader of value `reader_value`, before novelty and read cost.
double message_worth(const sim::ParamValues& rules, MessageKind kind, double relevance,
                     double quality, double reader_value);

void read_messages(World& world, std::size_t group, Tick t);

}  // namespace community
