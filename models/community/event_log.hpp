#pragma once
// The per-member event log (output.events = true): what happened to whom and when, so that a
// researcher can follow members past what the daily metrics aggregate (who invited whom, what
// became of members after a removal). Mechanisms record into their group's buffer during the
// tick (groups run in parallel, each writes only its own buffer); the buffers are written in
// group order at the end of each day, so the table is the same for any thread count.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/clock.hpp"

namespace community {

// Column `kind` of /events.
enum class LogKind : std::uint8_t { join, leave, mute, unmute, removal, post, reply };
// Column `detail`: a join's channel, a post's kind, a removal's reason, or why a leave happened.
enum class LogDetail : std::uint8_t {
  none,
  friend_invite,
  open_channel,
  influx,
  founder,
  split,
  content,
  chat,
  ad,
  programme,
  dispute,
  ad_removed,   // removal: an ad account caught with its ad
  violations,   // removal: too many removed posts (moderation, C12)
  task_missed,  // removal: the task policy's deadline passed without a post (C20)
  protest,      // leave: right after one's own post was removed (C12)
  gave_up,      // leave: an ad account whose ads went unread or were removed
  group_closed  // leave: the group died or was closed, and every member with it
};

inline constexpr std::uint32_t log_none = 0xffffffffu;

struct LoggedEvent {
  sim::Tick tick;
  std::uint32_t person;
  std::uint32_t other;  // inviter (joins), the person answered (replies), else log_none
  LogKind kind;
  LogDetail detail;
  bool removed;  // a post moderation took down
};

// The names of LogKind and LogDetail, in code order (the output's enum names).
const std::vector<std::string>& log_kind_names();
const std::vector<std::string>& log_detail_names();

}  // namespace community
