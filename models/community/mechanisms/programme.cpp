#include "models/community/mechanisms/programme.hpp"

#include <cmath>

namespace community {

using namespace param;

namespace {
// Slots in the order they are filled: evening first, then spread over the waking day.
constexpr int slot_order[24] = {21, 12, 19, 9,  15, 22, 10, 17, 13, 20, 8, 16,
                                11, 18, 14, 23, 7,  6,  0,  5,  1,  4,  2, 3};
}  // namespace

bool programme_slot(double per_day, Tick t) {
  if (per_day <= 0) return false;
  const int hour = sim::hour_of_day(t);
  if (per_day < 1) {
    const auto period = static_cast<sim::Day>(std::lround(1.0 / per_day));
    return hour == 21 && sim::day_of(t) % period == 0;
  }
  const int n = static_cast<int>(std::floor(per_day));
  for (int k = 0; k < n && k < 24; ++k)
    if (slot_order[k] == hour) return true;
  return false;
}

void run_programme(World& w, std::size_t gi, Tick t) {
  GroupState& g = w.groups[gi];
  g.inbox.clear();
  if (!g.alive || g.moderators == 0 || !programme_slot(g.rules[groups::programme_per_day], t))
    return;
  if (g.topics.cols() < 1) g.topics.resize(w.people.topics, 16);
  g.topics.col(0) = g.focus;
  // Each scheduled post opens a new topic: new in itself, whoever posts it.
  Message msg{never, MessageKind::programme, static_cast<float>(g.rules[groups::programme_quality]),
              1.0f};
  msg.id = g.next_message_id++;
  msg.reply_to = never;
  g.inbox.push_back(msg);
}

}  // namespace community
