#pragma once
// What a group's ads policy (groups.ads, C28) means for each mechanism that meets an ad.
// Ad accounts keep to the stated rule (C21: explicit rules, or you are removed): under a
// price they advertise only where the audience is worth it, under a window only on the
// window's day, under a thread only in the thread. Only a ban has moderators remove ads.
#include "models/community/community_params.hpp"
#include "sim/core/clock.hpp"
#include "sim/params/parameters.hpp"

namespace community {

// The day of the week (0-6, counted from the run's start) on which a weekly ad window is open.
inline constexpr int ad_window_weekday = 6;

// Moderators remove an ad they recognise only when ads are banned.
inline bool ads_removed(const sim::ParamValues& r) {
  return r[param::groups::ads] == AdsPolicy::banned;
}

// The factor on an ad account's posting rate in hour `t`, given the group's listening
// audience (members who did not mute it). A price is paid only where enough people read.
inline double ad_posting_factor(const sim::ParamValues& r, double audience, sim::Tick t) {
  switch (r[param::groups::ads]) {
    case AdsPolicy::paid: {
      const double price = r[param::groups::ad_price];
      return audience + price > 0 ? audience / (audience + price) : 1.0;
    }
    case AdsPolicy::window:
      return sim::day_of(t) % 7 == ad_window_weekday ? 1.0 : 0.0;
    default:
      return 1.0;
  }
}

// The share of the ads in the feed a reader reads (the rest is never opened).
inline double ad_read_share(const sim::ParamValues& r) {
  return r[param::groups::ads] == AdsPolicy::thread ? r[param::reading::ad_thread_reading] : 1.0;
}

}  // namespace community
