#pragma once
// One run's HDF5 file, written as the run goes (see docs/output-format.md):
//   root attributes  commsim_version, format_version, seed, scenario, scenario_name,
//                    parameters, days_planned, days_written, ticks_per_day, complete
//   /parameters      one attribute per resolved parameter
//   /daily/<metric>  [day, group], chunked and compressed, extended as days arrive
//   /platform/<m>    [day]
// Rows are buffered for `chunk_days` days and then written and flushed, so a run that is
// killed leaves a readable file holding every flushed day and complete = 0.
//
// Nothing finished is overwritten and nothing unfinished looks finished: the file is written
// as `<path>.part` and renamed to `<path>` only by finish() (complete = 1) or, for the stub
// of a failed run, publish_incomplete(). A stopped or killed run leaves `<path>.part`, a
// readable partial file; `<path>` keeps whatever was there before until the rename.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sim/output/hdf5_handle.hpp"
#include "sim/output/metrics.hpp"
#include "sim/params/parameters.hpp"

namespace sim {

inline constexpr int run_format_version = 1;

struct RunHeader {
  std::uint64_t seed = 0;
  std::string scenario_text;
  std::string scenario_name;
  const Parameters* parameters = nullptr;
  std::uint32_t days_planned = 0;
  // Further root attributes a caller wants recorded (a sweep's run id, an arm's name).
  std::vector<std::pair<std::string, ParamValue>> extra;
};

struct RunFileOptions {
  std::size_t chunk_days = 16;
  int compression = 4;  // deflate level, 0 = off
  std::size_t group_chunk =
      256;  // groups per chunk of a /daily dataset (the expected group count, capped)
};

class RunFile {
 public:
  RunFile(std::filesystem::path path, const RunHeader& header, std::vector<MetricSpec> daily,
          std::vector<MetricSpec> platform, RunFileOptions options = {});
  RunFile(const RunFile&) = delete;
  RunFile& operator=(const RunFile&) = delete;
  ~RunFile();  // writes what is buffered if it can, never marks the run complete

  void append(const DayFrame& frame);
  void flush();   // write buffered days, update days_written, flush to disk
  void finish();  // flush, set complete = 1, close, rename <path>.part to <path>
  // Close and rename to <path> without complete = 1: a record that stays (a failed run's
  // stub, whose `error` attribute says why).
  void publish_incomplete();

  std::uint32_t days_written() const { return days_written_; }
  const std::filesystem::path& path() const { return path_; }  // where it ends up
  const std::filesystem::path& writing_path() const { return writing_path_; }

  // A static table written once (e.g. per-member snapshots): /<group>/<name> as 1-D float64.
  void write_table(const std::string& group, const std::string& name,
                   const std::vector<double>& values, const std::string& unit,
                   const std::string& description);

 private:
  [[noreturn]] void fail(const std::string& what) const;
  void create_series(const std::string& group, const std::vector<MetricSpec>& specs, int rank);
  void set_attribute(const std::string& name, const ParamValue& value, hid_t object = -1);
  void reserve_disk_space(std::uint64_t bytes);
  void close_and_rename();

  std::filesystem::path path_, writing_path_;
  RunFileOptions options_;
  std::vector<MetricSpec> daily_, platform_;
  h5::Handle file_;
  std::vector<h5::Handle> daily_sets_, platform_sets_;
  std::vector<DayFrame> pending_;
  std::uint32_t days_written_ = 0;
  std::size_t width_ = 0;  // groups in the /daily datasets
  bool finished_ = false;
  bool broken_ = false;  // a write could not be made safely: write nothing more
};

// Where a run file is written until it is finished: "<path>.part".
inline constexpr const char* partial_suffix = ".part";
std::filesystem::path partial_path(const std::filesystem::path& path);

// True when the file exists and RunReader finds it complete and sound (data read through).
bool run_file_is_complete(const std::filesystem::path& path);

}  // namespace sim
