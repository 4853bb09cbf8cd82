// libFuzzer target: the scenario parser and the run planner (arms, [sweep], [replicates])
// on arbitrary text. Bad text must end in an InputError naming where; anything else (a
// crash, a sanitizer report, another exception, a hang) is a bug. Run by ctest (label fuzz)
// for a fixed number of inputs from the seed corpus in corpus/scenario/.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "models/registry.hpp"
#include "sim/batch/run_plan.hpp"
#include "sim/core/input_error.hpp"
#include "sim/scenario/scenario.hpp"

namespace {

// The planner reads files (a scenario, its design table): one scratch folder per process.
const std::string& scratch() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/commsim-fuzz-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto& registry = models::all_params();
  try {
    sim::ScenarioOptions options;
    options.reserved_sections = sim::batch::batch_sections;
    sim::parse_scenario(text, "fuzz.toml", registry, options);
  } catch (const sim::InputError&) {
  }
  const std::string path = scratch() + "/fuzz.toml";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  try {
    sim::batch::plan_runs({path}, registry);
  } catch (const sim::InputError&) {
  }
  return 0;
}
