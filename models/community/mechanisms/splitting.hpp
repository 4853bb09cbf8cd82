#pragma once
// Splitting an over-large group into sub-groups (claims C22, C24: "splitting into sub-groups
// keeps the bonds"; small, matched groups). Once a day, a group with more than
// groups.split_at members that has not split (nor been founded) in groups.split_every_days
// days is divided by interest and ties into k = max(2, round(N / groups.split_target))
// clusters (k = 2 when the target is 0): k-means on the members' interest vectors, started
// from the focus and, one by one, the member least aligned with every centre so far; then
// each member joins the cluster j maximising
//
//   θ·c_j + groups.split_ties · (share of their friends inside whose cluster is j)
//
// with c_0 the parent's focus (who stays). Clusters smaller than groups.split_min_size stay
// in the parent; if none is left, or the parent would fall below that size, the split waits.
// Each other cluster moves to a new group of the parent's type whose focus is its centre,
// owned by its highest-value member. Moving is neither a departure nor a join.
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::groups {
inline const sim::Key<double> split_ties = sim::real(
    {.path = "groups.split_ties",
     .value = 0.5,
     .unit = "cosine",
     .min = 0,
     .max = 10,
     .meaning = "how much a split keeps friends together: weight of the share of one's friends "
                "in a sub-group against interest alignment with its centre",
     .claim = "C24",
     .scope = sim::ParamScope::group});
}  // namespace param::groups

void split_large_groups(World& world, Tick t);

}  // namespace community
