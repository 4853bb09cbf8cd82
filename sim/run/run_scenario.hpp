#pragma once
// One complete run: build the model for (scenario, seed), stream its days into an HDF5 file,
// mark the file complete. Shared by `run`, `bench` and the batch commands.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "sim/output/run_file.hpp"
#include "sim/run/model.hpp"
#include "sim/run/run_loop.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

using ModelFactory = std::function<std::unique_ptr<Model>(const Scenario&, std::uint64_t seed)>;

struct RunRequest {
  const Scenario* scenario = nullptr;
  std::uint64_t seed = 0;
  std::filesystem::path out;  // empty: run without writing (benchmarks)
  std::vector<std::pair<std::string, ParamValue>> extra_attributes;
  bool quiet = false;
  std::string label = "run";
  const std::atomic<bool>* stop = nullptr;
};

struct RunOutcome {
  RunReport report;
  double setup_seconds = 0;
};

RunOutcome run_scenario(const ModelFactory& factory, const RunRequest& request);

}  // namespace sim
