#pragma once
// One run's HDF5 file, written as the run goes (see docs/output-format.md):
//   root attributes  commsim_version, format_version, seed, scenario, scenario_name,
//                    parameters, days_planned, days_written, ticks_per_day, complete
//   /parameters      one attribute per resolved parameter
//   /daily/<metric>  [day, group], chunked and compressed, extended as days arrive
//   /platform/<m>    [day]
//   /hourly/<m>      [hour, group] (declare_hourly; root attribute hours_written)
//   /<table>/<col>   1-D columns of a streamed table (declare_table; attribute `rows`)
// Rows are buffered for `chunk_days` days and then written and flushed, so a run that is
// killed leaves a readable file holding every flushed day and complete = 0. Hours and table
// rows are buffered with the days and written by the same flush: everything handed over
// before a day's append(frame) is on disk once that day is, and nothing later is.
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
#include "sim/output/table.hpp"
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

  // Closes a day: with hourly output declared, its 24 hours must have been appended first.
  void append(const DayFrame& frame);
  void flush();   // write buffered days, hours and table rows, update days_written, flush to disk
  void finish();  // flush, set complete = 1, close, rename <path>.part to <path>
  // Close and rename to <path> without complete = 1: a record that stays (a failed run's
  // stub, whose `error` attribute says why).
  void publish_incomplete();

  std::uint32_t days_written() const { return days_written_; }
  const std::filesystem::path& path() const { return path_; }  // where it ends up
  const std::filesystem::path& writing_path() const { return writing_path_; }

  // A streamed table /<name>; returns its handle for append_rows/replace_rows. Declared
  // before the first flush, so that every file of the run's kind holds the table (maybe
  // with 0 rows).
  std::size_t declare_table(const TableSpec& spec);
  // Buffered and written at the next flush; the caller may clear `rows` after the call.
  void append_rows(std::size_t table, const TableRows& rows);
  // A rewritten table's whole content, written at the next flush (the latest call wins).
  void replace_rows(std::size_t table, const TableRows& rows);
  // /hourly/<metric> float64 [hour, group], widening like /daily. Before the first append.
  void declare_hourly(std::vector<MetricSpec> metrics);
  // One hour: `hour.daily` holds the hourly metrics (metric-major), `hour.platform` is
  // unused. 24 calls per day, before that day's append(frame); buffered with the day.
  void append_hour(const DayFrame& hour);
  // The most the next flush may add to the file: what it reserves on disk before writing.
  std::uint64_t pending_bytes_bound() const;

  // A static table written once (e.g. per-member snapshots): /<group>/<name> as 1-D float64.
  void write_table(const std::string& group, const std::string& name,
                   const std::vector<double>& values, const std::string& unit,
                   const std::string& description);

 private:
  [[noreturn]] void fail(const std::string& what) const;
  std::vector<h5::Handle> create_series(const std::string& group,
                                        const std::vector<MetricSpec>& specs, int rank,
                                        const hsize_t* chunk);
  void write_block(hid_t set, int rank, hsize_t first_row, hsize_t rows, hsize_t width,
                   const double* data, const std::string& name);
  void write_tables();
  void write_hours(std::size_t days);
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

  struct Table {
    explicit Table(const TableSpec& s) : spec(s), pending(s) {}
    TableSpec spec;
    h5::Handle group;
    std::vector<h5::Handle> columns;
    TableRows pending;      // appended: rows not yet written; rewritten: the next content
    bool replaced = false;  // rewritten: replace_rows was called since the last flush
    hsize_t rows = 0;       // on disk
    hsize_t chunk_rows = 0;
  };
  std::vector<Table> tables_;

  std::vector<MetricSpec> hourly_;
  std::vector<h5::Handle> hourly_sets_;
  std::vector<DayFrame> pending_hours_;
  std::size_t hourly_width_ = 0;
  hsize_t hour_chunk_[2] = {0, 0};
  bool finished_ = false;
  bool broken_ = false;  // a write could not be made safely: write nothing more
};

// Where a run file is written until it is finished: "<path>.part".
inline constexpr const char* partial_suffix = ".part";
std::filesystem::path partial_path(const std::filesystem::path& path);

// True when the file exists and RunReader finds it complete and sound (data read through).
bool run_file_is_complete(const std::filesystem::path& path);

}  // namespace sim
