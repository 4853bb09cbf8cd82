// libFuzzer target: sim::RunReader on arbitrary bytes given as a run file. Whatever the
// bytes, the reader must end in a state (complete, failed, partial, damaged) or an
// InputError naming the file; a crash, a sanitizer report or another exception is a bug.
// Run by ctest (label fuzz) for a fixed number of inputs from the seed corpus in
// corpus/run_file/ (small run files the real writer made: complete, partial, failed).
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "sim/core/input_error.hpp"
#include "sim/output/run_reader.hpp"

namespace {

const std::string& file_path() {
  static const std::string path = [] {
    char tmpl[] = "/tmp/commsim-fuzz-XXXXXX";
    return std::string(mkdtemp(tmpl)) + "/run.h5";
  }();
  return path;
}

// Everything a command may ask of a reader.
void read_all(const sim::RunReader& run) {
  for (const char* name : {"seed", "scenario", "parameters", "run_id", "error", "settings"})
    if (run.has_attribute(name)) run.attribute(name);
  run.parameters();
  for (const auto& m : run.daily_metrics()) {
    const auto& d = run.daily(m);
    if (d.days && d.groups) (void)d.at(d.days - 1, d.groups - 1);
  }
  for (const auto& m : run.platform_metrics()) run.platform(m);
}

}  // namespace

// Every input is read in a forked child (see RunReader); a fork copies the page tables of
// what the parent holds, so keep ASan's quarantine of freed memory small.
extern "C" const char* __asan_default_options() {
  return "quarantine_size_mb=4:malloc_context_size=5";
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Inputs are small: a read that takes longer is libhdf5 looping on damage, which the
  // reader must report (not wait out libFuzzer's own timeout).
  sim::RunReader::set_probe_timeout(0.5);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(file_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  {
    // The index's way: never throws for a damaged file.
    sim::RunReader run(file_path(), sim::RunReader::OnFault::record);
    if (run.state() == sim::RunFileState::complete) run.verify_data();
    if (run.is_open() && run.fault().empty()) {
      try {
        read_all(run);
      } catch (const sim::InputError&) {
      }
    }
  }
  try {
    // diagnose's way: the first fault is an InputError.
    sim::RunReader run(file_path());
    run.verify_data();
    read_all(run);
  } catch (const sim::InputError&) {
  }
  return 0;
}
