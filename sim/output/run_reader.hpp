#pragma once
// Reading a run file back (layout: docs/output-format.md): root attributes, /daily/<m> as a
// [day][group] matrix, /platform/<m> as a [day] series, and what state the run is in.
//
// Streamed tables (/<table>/<column>, the root groups with a `rows` attribute) read as
// columns of `rows` values; /hourly/<m> as an [hour][group] matrix of 24 x days_written rows.
//
// A file is never trusted. Opening checks everything that costs no data reads: a regular
// file, HDF5, a commsim run file of a format version this build reads, the root attributes'
// types and ranges (0 <= days_written <= days_planned, complete 0 or 1, hours_written = 24 x
// days_written, ...), every /daily, /platform and /hourly dataset's type and shape (rank,
// rows on disk against days_written, one group count, a size the file can hold), and every
// table's columns (1-D numbers or codes, at least `rows` long, exactly that in a complete
// file). verify_data() then reads every dataset through, which is where damaged chunks
// show. Every fault names the file: "run file 'X': <fault>".
//
// Two modes. OnFault::raise (commands that need the data: diagnose, compare) throws the
// fault as an InputError. OnFault::record (the batch index, --resume) never throws for a
// damaged file: fault() holds the first fault and state() says `damaged`, so a broken file
// becomes a row of the index rather than an abort.
//
// The HDF5 library itself can crash or hang on a damaged file, before any check of ours; so
// a reader first checks the file and reads it through in a child process (run_isolated),
// and a file that kills or stalls the child is `damaged` ("reading it crashed ...").
//
// Calls into HDF5 are made under the process-wide HDF5 lock, so readers may live on
// different threads; one reader object is not meant to be shared between threads.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/output/hdf5_handle.hpp"
#include "sim/params/param_spec.hpp"

namespace sim {

// /daily/<metric>: values[day * groups + group]; a group founded later holds NaN before.
// `days` is the run's days_written and `groups` the file's group count, for every metric.
struct DailyMatrix {
  std::size_t days = 0, groups = 0;
  std::vector<double> values;
  double at(std::size_t day, std::size_t group) const { return values[day * groups + group]; }
};

// /hourly/<metric>: values[hour * groups + group], hour 0 being the first hour of day 0.
struct HourlyMatrix {
  std::size_t hours = 0, groups = 0;
  std::vector<double> values;
  double at(std::size_t hour, std::size_t group) const { return values[hour * groups + group]; }
};

// What a run file is, once checked.
enum class RunFileState {
  complete,  // complete = 1 and no fault found
  failed,    // the run threw: a stub whose `error` attribute says why
  partial,   // complete = 0: stopped (killed, interrupted, disk full) before its last day
  damaged,   // not readable as a run file, or complete = 1 but a check failed
};
const char* state_name(RunFileState state);

class RunReader {
 public:
  enum class OnFault { raise, record };

  explicit RunReader(const std::filesystem::path& path, OnFault on_fault = OnFault::raise);
  ~RunReader();
  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The file opened as a commsim run file: its attributes can be read (even if a later
  // check found a fault). False only in OnFault::record mode.
  bool is_open() const { return static_cast<bool>(file_); }
  const std::string& fault() const { return fault_; }  // "" while nothing is wrong
  RunFileState state() const;

  bool complete() const { return complete_; }  // root attribute complete == 1
  std::int64_t days_written() const { return days_written_; }
  std::int64_t days_planned() const { return days_planned_; }
  std::size_t group_count() const { return groups_; }  // width of every /daily dataset
  // InputError "run file 'X': not complete (...)" unless complete().
  void require_complete() const;

  // Reads every dataset in full (the index and --resume do this before calling a run
  // complete). False, with fault() set, or an InputError, per the mode. Free after a
  // successful probe, which read them already.
  bool verify_data();

  // How long the child that first reads a file may take (default: 30 s plus 1 s per 10 MB);
  // tests and the fuzz target shorten it.
  static void set_probe_timeout(double seconds);

  bool has_attribute(const std::string& name) const;
  // int64, float64, int8 -> bool, string; nullopt when absent; InputError when unreadable.
  std::optional<ParamValue> attribute(const std::string& name) const;
  std::string text_attribute(const std::string& name) const;  // InputError if absent or not text
  std::int64_t int_attribute(
      const std::string& name) const;  // InputError if absent or not an integer
  // The attributes of /parameters (every resolved parameter, by path); empty if none. Read
  // once, then served from memory.
  const std::map<std::string, ParamValue>& parameters() const;
  // The names of the file's root attributes.
  std::vector<std::string> root_attribute_names() const;

  std::vector<std::string> daily_metrics() const;     // names under /daily, sorted
  std::vector<std::string> platform_metrics() const;  // names under /platform, sorted
  bool has_daily(const std::string& metric) const;
  bool has_platform(const std::string& metric) const;

  // Read once, then served from memory. InputError naming file and dataset when it is
  // missing or cannot be read.
  const DailyMatrix& daily(const std::string& metric) const;
  const std::vector<double>& platform(const std::string& metric) const;

  std::vector<std::string> table_names() const;  // sorted
  bool has_table(const std::string& table) const;
  std::vector<std::string> table_columns(const std::string& table) const;  // declared order
  std::size_t table_rows(const std::string& table) const;                  // the `rows` attribute
  // The table's first `rows` values of `column` as numbers (a code column: its codes; exact
  // for every column type but i64 beyond 2^53). InputError naming what is missing.
  std::vector<double> table_column(const std::string& table, const std::string& column) const;
  // A code column's names, indexed by code; empty for a column of numbers.
  std::vector<std::string> column_codes(const std::string& table, const std::string& column) const;

  bool has_hourly() const { return !hourly_names_.empty(); }
  std::vector<std::string> hourly_metrics() const { return hourly_names_; }  // sorted
  std::int64_t hours_written() const { return hours_written_; }
  const HourlyMatrix& hourly(const std::string& metric) const;

 private:
  RunReader(const std::filesystem::path& path, OnFault on_fault, bool probe);
  bool probe_in_child();  // false when the file must not be opened here
  [[noreturn]] void fail(const std::string& what) const;
  bool record(const std::string& what);  // raise, or keep the first fault; returns false
  void open_and_check();
  void check_attributes();
  void check_datasets();
  std::vector<double> read(const std::string& dataset) const;
  std::vector<double> read_rows(const std::string& dataset, hsize_t rows, hsize_t width) const;
  void check_tables();
  const std::vector<std::string>& columns_of(const std::string& table,
                                             const std::string& column) const;

  std::filesystem::path path_;
  OnFault on_fault_;
  std::string fault_;
  std::uintmax_t file_bytes_ = 0;
  h5::Handle file_;
  bool complete_ = false, failed_ = false, verified_ = false;
  std::int64_t days_written_ = 0, days_planned_ = 0;
  std::size_t groups_ = 0;
  std::vector<std::string> attribute_names(hid_t object, const std::string& where) const;
  std::vector<std::string> daily_names_, platform_names_, hourly_names_;
  std::int64_t hours_written_ = 0;
  bool has_hours_written_ = false;
  std::size_t hourly_groups_ = 0;
  struct TableInfo {
    std::size_t rows = 0;
    std::vector<std::string> columns;
  };
  std::map<std::string, TableInfo> tables_;
  mutable std::map<std::string, DailyMatrix> daily_cache_;
  mutable std::map<std::string, HourlyMatrix> hourly_cache_;
  mutable std::map<std::string, std::vector<double>> platform_cache_;
  mutable std::optional<std::map<std::string, ParamValue>> parameters_cache_;
};

}  // namespace sim
