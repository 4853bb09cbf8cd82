#pragma once
// Reads a real network from a text edge list: one "u v" pair per line (space, tab or comma
// separated), ids from 0 to people-1, '#' starts a comment.
#include <filesystem>

#include "sim/graph/social_graph.hpp"

namespace sim {

SocialGraph load_edge_list(const std::filesystem::path& file, PersonId people);

}  // namespace sim
