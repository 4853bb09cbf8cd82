#include "models/community/event_log.hpp"

namespace community {

const std::vector<std::string>& log_kind_names() {
  static const std::vector<std::string> names{"join",    "leave", "mute", "unmute",
                                              "removal", "post",  "reply"};
  return names;
}

const std::vector<std::string>& log_detail_names() {
  static const std::vector<std::string> names{
      "none",       "friend_invite", "open_channel", "influx",    "founder",     "split",
      "content",    "chat",          "ad",           "programme", "dispute",     "ad_removed",
      "violations", "task_missed",   "protest",      "gave_up",   "group_closed"};
  return names;
}

}  // namespace community
