#pragma once
// Reading within attention (claims C13, C14, C15, C22). Each member reads the hour's visible
// messages as far as their hourly attention allows (attention / groups joined · diurnal/24;
// reading.muted_reading of that when muted), a share ρ = min(1, attention / messages) of each.
// Reading message j gives reader i
//   content:  relevance · 2q/(q + v_i) · novelty      (experts gain little from novices, C14)
//   chat:     chat_value · relevance · novelty
//   ad:       -ad_cost
// with relevance = max(0, interest_i · topic_j), minus read_cost per message read, and an
// overload cost when the feed exceeds attention. The visible messages then update the
// group's running conversation topic and its recent message count (liveliness).
#include "models/community/world.hpp"

namespace community {

// Worth of one message to a reader of value `reader_value`, before novelty and read cost.
double message_worth(const sim::ParamValues& rules, MessageKind kind, double relevance,
                     double quality, double reader_value);

void read_messages(World& world, std::size_t group, Tick t);

}  // namespace community
