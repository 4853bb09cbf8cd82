#pragma once
// Reading a run file back (layout: docs/output-format.md): root attributes, /daily/<m> as a
// [day][group] matrix, /platform/<m> as a [day] series, and whether the run is complete.
// Rows past `days_written` are not data and are cut off. Every error names the file and,
// where there is one, the dataset or attribute.
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
struct DailyMatrix {
  std::size_t days = 0, groups = 0;
  std::vector<double> values;
  double at(std::size_t day, std::size_t group) const { return values[day * groups + group]; }
};

class RunReader {
 public:
  // Opens the file read-only; InputError when it is missing or not an HDF5 run file.
  explicit RunReader(const std::filesystem::path& path);
  ~RunReader();
  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  bool complete() const { return complete_; }  // root attribute complete == 1
  std::int64_t days_written() const { return days_written_; }
  // InputError "run file 'X': not complete (...)" unless complete().
  void require_complete() const;

  bool has_attribute(const std::string& name) const;
  std::optional<ParamValue> attribute(
      const std::string& name) const;  // int64, float64, int8 -> bool, string
  std::string text_attribute(const std::string& name) const;  // InputError if absent or not text
  std::int64_t int_attribute(
      const std::string& name) const;  // InputError if absent or not an integer

  std::vector<std::string> daily_metrics() const;     // names under /daily, sorted
  std::vector<std::string> platform_metrics() const;  // names under /platform, sorted
  bool has_daily(const std::string& metric) const;
  bool has_platform(const std::string& metric) const;

  // Read once, then served from memory. InputError naming file and dataset when it is
  // missing or has the wrong shape.
  const DailyMatrix& daily(const std::string& metric) const;
  const std::vector<double>& platform(const std::string& metric) const;

 private:
  [[noreturn]] void fail(const std::string& what) const;
  std::vector<double> read(const std::string& dataset, int rank,
                           std::vector<unsigned long long>& dims) const;

  std::filesystem::path path_;
  h5::Handle file_;
  bool complete_ = false;
  std::int64_t days_written_ = 0, days_planned_ = 0;
  mutable std::map<std::string, DailyMatrix> daily_cache_;
  mutable std::map<std::string, std::vector<double>> platform_cache_;
};

}  // namespace sim
