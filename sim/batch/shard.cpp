#include "sim/batch/shard.hpp"

#include <cctype>

#include "sim/core/input_error.hpp"

namespace sim::batch {
namespace {
bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
}  // namespace

Shard parse_shard(const std::string& spec) {
  const std::string usage =
      " (expected I/N with 0 <= I < N, e.g. --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)";
  auto slash = spec.find('/');
  if (slash == std::string::npos) throw InputError("--shard '" + spec + "': no '/'" + usage);
  std::string i = spec.substr(0, slash), n = spec.substr(slash + 1);
  if (!all_digits(i) || !all_digits(n))
    throw InputError("--shard '" + spec + "': I and N must be whole numbers" + usage);
  Shard s{std::stoul(i), std::stoul(n)};
  if (s.count == 0) throw InputError("--shard '" + spec + "': N must be at least 1" + usage);
  if (s.index >= s.count)
    throw InputError("--shard '" + spec + "': shard " + i + " does not exist among " + n +
                     " shards (numbered 0.." + std::to_string(s.count - 1) + ")" + usage);
  return s;
}

std::vector<std::size_t> shard_positions(const Shard& shard, std::size_t total) {
  std::vector<std::size_t> out;
  for (std::size_t k = shard.index; k < total; k += shard.count) out.push_back(k);
  return out;
}

}  // namespace sim::batch
