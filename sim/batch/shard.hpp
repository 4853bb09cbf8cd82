#pragma once
// `--shard I/N`: run only the runs whose plan position k has k mod N == I (0 <= I < N), so
// N Slurm array tasks (I = $SLURM_ARRAY_TASK_ID, N = $SLURM_ARRAY_TASK_COUNT with
// --array=0-(N-1)) split a sweep between them, each one a spread of the interleaved order.
#include <cstddef>
#include <string>
#include <vector>

namespace sim::batch {

struct Shard {
  std::size_t index = 0, count = 1;
  bool contains(std::size_t position) const { return position % count == index; }
};

Shard parse_shard(const std::string& spec);  // InputError naming --shard on bad input

// Positions 0..total-1 that belong to the shard.
std::vector<std::size_t> shard_positions(const Shard& shard, std::size_t total);

}  // namespace sim::batch
