#include "models/community/mechanisms/posting.hpp"

#include "models/community/stream_purposes.hpp"

namespace community {

void post_messages(World& w, std::size_t g, sim::Tick t) {
  auto& group = w.groups[g];
  sim::RandomStream rng(w.seed, purpose::posting, group.id, t);
  const double hour = w.diurnal[sim::hour_of_day(t)] / sim::ticks_per_day;
  for (std::size_t i = 0; i < group.size(); ++i) {
    double p = w.people.activity[group.person[i]] * hour;
    if (rng.uniform() < p) {
      ++group.posts[i];
      group.last_post_tick[i] = t;
      ++group.messages_today;
    }
  }
}

}  // namespace community
