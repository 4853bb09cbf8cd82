#include "sim/output/run_reader.hpp"

#include <algorithm>
#include <optional>

#include "sim/core/clock.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/input_file.hpp"
#include "sim/core/isolated_call.hpp"
#include "sim/output/h5_attribute.hpp"
#include "sim/output/run_file.hpp"
#include "sim/output/written_files.hpp"

namespace sim {
namespace {

using h5::Handle;

// Past these a number in a run file is damage, not a run: 27 000 years of days.
constexpr std::int64_t max_days = 10'000'000;
// Deflate compresses at most about 1032:1, so a dataset cannot hold much more than this many
// times the file's size; below the floor, any size is believed (sparse, NaN-filled data).
constexpr std::uintmax_t max_compression_ratio = 1100;
constexpr std::uintmax_t believed_bytes = std::uintmax_t{1} << 30;

herr_t collect_names(hid_t, const char* name, const H5L_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->push_back(name);
  return 0;
}

// Names under `group` ("daily"), sorted; empty when there is no such group.
std::vector<std::string> names_in(hid_t file, const char* group) {
  std::vector<std::string> names;
  if (H5Lexists(file, group, H5P_DEFAULT) <= 0) return names;
  Handle g(H5Gopen2(file, group, H5P_DEFAULT), H5Gclose);
  if (g) H5Literate(g.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_names, &names);
  std::sort(names.begin(), names.end());
  return names;
}

// A group's members in the order they were created where the group tracks it (tables do:
// their columns in declared order), else by name.
std::vector<std::string> names_in_order(hid_t group) {
  std::vector<std::string> names;
  if (H5Literate(group, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_names, &names) >= 0)
    return names;
  names.clear();
  H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_names, &names);
  return names;
}

std::string plural(std::uintmax_t n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

}  // namespace

const char* state_name(RunFileState state) {
  switch (state) {
    case RunFileState::complete:
      return "complete";
    case RunFileState::failed:
      return "failed";
    case RunFileState::partial:
      return "partial";
    case RunFileState::damaged:
      return "damaged";
  }
  return "?";
}

namespace {
double probe_timeout_override = 0;
}

void RunReader::set_probe_timeout(double seconds) {
  probe_timeout_override = seconds;
}

RunReader::RunReader(const std::filesystem::path& path, OnFault on_fault)
    : RunReader(path, on_fault, true) {}

RunReader::RunReader(const std::filesystem::path& path, OnFault on_fault, bool probe)
    : path_(path), on_fault_(on_fault) {
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  try {
    // A file whose bytes are those this job wrote needs no guard (written_files.hpp).
    if (probe && !written_by_this_job(path_) && !probe_in_child()) return;
    open_and_check();
  } catch (...) {
    file_.reset();  // closed while the HDF5 lock is held
    throw;
  }
}

RunReader::~RunReader() {
  std::lock_guard lock(h5::library_lock());
  file_.reset();
}

// libhdf5 parses the file, and on some damaged files it loops for ever or crashes (the
// fuzz target found both); no check of ours can come first. So every check, and a read of
// every dataset, is done once in a child process. Only a file the child got through is
// opened here, and then the same steps cannot fail differently.
bool RunReader::probe_in_child() {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path_, ec);
  // Generous: a healthy file is read in milliseconds plus well over 10 MB/s.
  const double timeout = probe_timeout_override > 0
                             ? probe_timeout_override
                             : 30.0 + (ec ? 0.0 : static_cast<double>(bytes) / 10e6);
  const IsolatedResult probe = run_isolated(
      [&] {
        RunReader child(path_, OnFault::record, false);
        child.verify_data();
        return child.fault();
      },
      timeout);
  if (!probe.started) return true;  // no child to spare (fork failed): read it here, unguarded
  if (!probe.finished) {
    record("reading it " + probe.text +
           ": the file is damaged in a way the HDF5 library "
           "cannot cope with");
    return false;
  }
  verified_ = probe.text.empty();
  if (!probe.text.empty()) record(probe.text);  // raise mode throws here
  return true;
}

void RunReader::fail(const std::string& what) const {
  throw InputError("run file '" + path_.string() + "': " + what);
}

bool RunReader::record(const std::string& what) {
  if (on_fault_ == OnFault::raise) fail(what);
  if (fault_.empty()) fault_ = what;
  return false;
}

void RunReader::open_and_check() {
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec) && std::filesystem::exists(partial_path(path_), ec)) {
    record("not complete: the run stopped before its last day, and what it wrote is in '" +
           partial_path(path_).string() + "'");
    return;
  }
  try {
    check_input_file(path_, "run file");  // a folder, FIFO or device is refused by name
  } catch (const InputError& e) {
    const std::string prefix = "run file '" + path_.string() + "': ";
    std::string what = e.what();
    record(what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what);
    return;
  }
  file_bytes_ = std::filesystem::file_size(path_, ec);
  if (H5Fis_hdf5(path_.c_str()) <= 0) {
    record("not an HDF5 file (truncated, or killed while it was created?)");
    return;
  }
  file_ = Handle(H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file_) {
    record("cannot be opened (" + h5::last_error() + ")");
    return;
  }
  if (H5Aexists(file_.get(), "commsim_version") <= 0) {
    file_.reset();
    record("not a commsim run file (no commsim_version attribute)");
    return;
  }
  try {
    check_attributes();
    if (fault_.empty()) check_datasets();
  } catch (const h5::AttributeError& e) {
    record(e.what());
  }
}

void RunReader::check_attributes() {
  // An integer attribute within lo..hi; a fault is recorded (and lo returned) otherwise.
  auto integer = [&](const char* name, std::int64_t lo, std::int64_t hi) -> std::int64_t {
    const std::string attr = std::string("attribute '") + name + "'";
    auto v = h5::read_attribute(file_.get(), name);
    if (!v) {
      record(std::string("no attribute '") + name + "'");
    } else if (!std::holds_alternative<std::int64_t>(*v)) {
      record(attr + " is not an integer");
    } else if (std::int64_t x = std::get<std::int64_t>(*v); x < lo || x > hi) {
      record(attr + " is " + std::to_string(x) + ", outside " + std::to_string(lo) + ".." +
             std::to_string(hi));
    } else {
      return x;
    }
    return lo;
  };
  auto text = [&](const char* name, bool required) {
    auto v = h5::read_attribute(file_.get(), name);
    if (!v) {
      if (required) record(std::string("no attribute '") + name + "'");
      return;
    }
    if (!std::holds_alternative<std::string>(*v))
      record(std::string("attribute '") + name + "' is not text");
  };
  text("commsim_version", true);
  // The version first: a newer layout may differ in everything below.
  auto format = h5::read_attribute(file_.get(), "format_version");
  if (!format || !std::holds_alternative<std::int64_t>(*format)) {
    record("no integer attribute 'format_version'");
    return;
  }
  const std::int64_t version = std::get<std::int64_t>(*format);
  if (version > run_format_version) {
    record("format_version " + std::to_string(version) + " is newer than this commsim reads (" +
           std::to_string(run_format_version) + "); read it with a newer commsim");
    return;
  }
  if (version < 1) {
    record("format_version " + std::to_string(version) + " is not a commsim format");
    return;
  }
  integer("seed", 0, INT64_MAX);
  days_planned_ = integer("days_planned", 0, max_days);
  days_written_ = integer("days_written", 0, days_planned_);
  complete_ = integer("complete", 0, 1) == 1;
  integer("ticks_per_day", ticks_per_day, ticks_per_day);
  text("scenario", true);
  text("scenario_name", true);
  text("parameters", false);
  text("error", false);
  failed_ = has_attribute("error");
  if (has_attribute("hours_written")) {
    has_hours_written_ = true;
    hours_written_ = integer("hours_written", 0, max_days * std::int64_t{ticks_per_day});
    if (hours_written_ != days_written_ * std::int64_t{ticks_per_day})
      record("attribute 'hours_written' is " + std::to_string(hours_written_) +
             ", not 24 x days_written (" + std::to_string(days_written_) + ")");
  }
  if (complete_ && days_written_ != days_planned_)
    record("says complete = 1 but days_written " + std::to_string(days_written_) + " of " +
           std::to_string(days_planned_));
}

void RunReader::check_datasets() {
  daily_names_ = names_in(file_.get(), "daily");
  platform_names_ = names_in(file_.get(), "platform");
  hourly_names_ = names_in(file_.get(), "hourly");
  // `written` rows must be there (the `counter` attribute says so); every rank-2 dataset of
  // one series shares its group count, the first one sets it.
  auto check = [&](const std::string& name, int rank, hsize_t written, const char* counter,
                   std::size_t& groups, bool& first) {
    const std::string where = "dataset " + name;
    Handle set(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
    if (!set) return record(where + " cannot be opened (" + h5::last_error() + ")");
    Handle type(H5Dget_type(set.get()), H5Tclose);
    if (!type || H5Tget_class(type.get()) != H5T_FLOAT)
      return record(where + " does not hold floating-point numbers");
    Handle space(H5Dget_space(set.get()), H5Sclose);
    const int ndims = space ? H5Sget_simple_extent_ndims(space.get()) : -1;
    if (ndims != rank)
      return record(where + " has " + std::to_string(ndims) + " dimensions, expected " +
                    std::to_string(rank));
    hsize_t dims[2] = {0, 1};
    H5Sget_simple_extent_dims(space.get(), dims, nullptr);
    // Rows past the written ones are allowed only in a partial file, and only the one buffer
    // of days being written when it stopped (the chunk's rows).
    hsize_t chunk[2] = {0, 0};
    Handle dcpl(H5Dget_create_plist(set.get()), H5Pclose);
    const bool chunked = dcpl && H5Pget_layout(dcpl.get()) == H5D_CHUNKED &&
                         H5Pget_chunk(dcpl.get(), rank, chunk) == rank;
    const std::string rows_text =
        " holds " + plural(dims[0], "row") + " but " + counter + " is " + std::to_string(written);
    if (dims[0] < written) return record(where + rows_text);
    if (dims[0] > written && (complete_ || !chunked || dims[0] - written > chunk[0]))
      return record(where + rows_text);
    if (rank == 2) {
      if (first) groups = dims[1];
      first = false;
      if (dims[1] != groups)
        return record(where + " has " + plural(dims[1], "group") + ", other " +
                      name.substr(0, name.find('/', 1)) + " datasets " + std::to_string(groups));
    }
    // What reading it would allocate, against what the file could hold compressed.
    const long double bytes = static_cast<long double>(dims[0]) * dims[1] * sizeof(double);
    const long double most =
        std::max<long double>(believed_bytes, static_cast<long double>(file_bytes_) *
                                                  static_cast<long double>(max_compression_ratio));
    if (bytes > most)
      return record(where + " claims " + std::to_string(dims[0]) + " x " + std::to_string(dims[1]) +
                    " values, more than a " + std::to_string(file_bytes_) + "-byte file can hold");
    return true;
  };
  const auto days = static_cast<hsize_t>(days_written_);
  bool first_daily = true, first_hourly = true, unused = true;
  std::size_t no_groups = 0;
  for (const auto& m : daily_names_)
    if (!check("/daily/" + m, 2, days, "days_written", groups_, first_daily)) return;
  for (const auto& m : platform_names_)
    if (!check("/platform/" + m, 1, days, "days_written", no_groups, unused)) return;
  if (!hourly_names_.empty() && !has_hours_written_) {
    record("/hourly holds series but there is no attribute 'hours_written'");
    return;
  }
  for (const auto& m : hourly_names_)
    if (!check("/hourly/" + m, 2, static_cast<hsize_t>(hours_written_), "hours_written",
               hourly_groups_, first_hourly))
      return;
  check_tables();
}

void RunReader::check_tables() {
  std::vector<std::string> names;
  H5Literate(file_.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_names, &names);
  const long double most =
      std::max<long double>(believed_bytes, static_cast<long double>(file_bytes_) *
                                                static_cast<long double>(max_compression_ratio));
  for (const auto& name : names) {
    Handle group(H5Oopen(file_.get(), name.c_str(), H5P_DEFAULT), H5Oclose);
    // A table is a group with a `rows` attribute; other groups are not tables.
    if (!group || H5Iget_type(group.get()) != H5I_GROUP || H5Aexists(group.get(), "rows") <= 0)
      continue;
    const std::string where = "table /" + name;
    std::optional<ParamValue> rows, description;
    try {
      rows = h5::read_attribute(group.get(), "rows");
      description = h5::read_attribute(group.get(), "description");
    } catch (const h5::AttributeError& e) {
      record(where + ": " + e.what());
      return;
    }
    if (!std::holds_alternative<std::int64_t>(*rows) || std::get<std::int64_t>(*rows) < 0) {
      record(where + ": attribute 'rows' is not a count");
      return;
    }
    if (description && !std::holds_alternative<std::string>(*description)) {
      record(where + ": attribute 'description' is not text");
      return;
    }
    TableInfo info;
    info.rows = static_cast<std::size_t>(std::get<std::int64_t>(*rows));
    info.columns = names_in_order(group.get());
    for (const auto& column : info.columns) {
      const std::string at = "column /" + name + "/" + column;
      Handle set(H5Dopen2(group.get(), column.c_str(), H5P_DEFAULT), H5Dclose);
      if (!set) {
        record(at + " is not a dataset (" + h5::last_error() + ")");
        return;
      }
      Handle type(H5Dget_type(set.get()), H5Tclose);
      const H5T_class_t kind = type ? H5Tget_class(type.get()) : H5T_NO_CLASS;
      const std::size_t size = type ? H5Tget_size(type.get()) : 0;
      const bool numbers = (kind == H5T_INTEGER || kind == H5T_FLOAT) && size >= 1 && size <= 8;
      if (!numbers && !(kind == H5T_ENUM && size == 1)) {
        record(at + " holds neither numbers nor 1-byte codes");
        return;
      }
      Handle space(H5Dget_space(set.get()), H5Sclose);
      const int ndims = space ? H5Sget_simple_extent_ndims(space.get()) : -1;
      if (ndims != 1) {
        record(at + " has " + std::to_string(ndims) + " dimensions, expected 1");
        return;
      }
      hsize_t length = 0;
      H5Sget_simple_extent_dims(space.get(), &length, nullptr);
      // A partial file may hold rows of a flush that did not reach its `rows` update.
      if (length < info.rows || (complete_ && length != info.rows)) {
        record(at + " holds " + plural(length, "row") + " but the table's rows is " +
               std::to_string(info.rows));
        return;
      }
      if (static_cast<long double>(length) * size > most) {
        record(at + " claims " + plural(length, "row") + ", more than a " +
               std::to_string(file_bytes_) + "-byte file can hold");
        return;
      }
    }
    tables_.emplace(name, std::move(info));
  }
}

RunFileState RunReader::state() const {
  if (!file_) return RunFileState::damaged;
  if (failed_) return RunFileState::failed;
  if (!complete_) return RunFileState::partial;
  return fault_.empty() ? RunFileState::complete : RunFileState::damaged;
}

void RunReader::require_complete() const {
  if (!fault_.empty()) fail(fault_);
  if (complete_) return;
  std::string why = failed_ ? "the run failed: " + text_attribute("error")
                            : "days_written " + std::to_string(days_written_) + " of " +
                                  std::to_string(days_planned_) + " (a stopped run)";
  fail("not complete (" + why + ")");
}

bool RunReader::verify_data() {
  if (!file_ || !fault_.empty()) return false;
  if (verified_) return true;  // read through in the child already
  try {
    for (const auto& m : daily_names_) read("/daily/" + m);
    for (const auto& m : platform_names_) read("/platform/" + m);
    for (const auto& m : hourly_names_) hourly(m);
    for (const auto& [table, info] : tables_)
      for (const auto& column : info.columns) table_column(table, column);
    // Every attribute too: libhdf5 copies a damaged text attribute's heap with overlapping
    // ranges (found by the fuzz target), so it is read here, in the child, first.
    for (const auto& name : root_attribute_names()) attribute(name);
    parameters();
  } catch (const InputError& e) {
    const std::string prefix = "run file '" + path_.string() + "': ";
    std::string what = e.what();
    return record(what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what);
  }
  return true;
}

bool RunReader::has_attribute(const std::string& name) const {
  std::lock_guard lock(h5::library_lock());
  return file_ && H5Aexists(file_.get(), name.c_str()) > 0;
}

std::optional<ParamValue> RunReader::attribute(const std::string& name) const {
  std::lock_guard lock(h5::library_lock());
  if (!file_) fail(fault_);
  try {
    return h5::read_attribute(file_.get(), name);
  } catch (const h5::AttributeError& e) {
    fail(e.what());
  }
}

std::string RunReader::text_attribute(const std::string& name) const {
  auto v = attribute(name);
  if (!v) fail("no attribute '" + name + "'");
  if (!std::holds_alternative<std::string>(*v)) fail("attribute '" + name + "' is not text");
  return std::get<std::string>(*v);
}

std::int64_t RunReader::int_attribute(const std::string& name) const {
  auto v = attribute(name);
  if (!v) fail("no attribute '" + name + "'");
  if (!std::holds_alternative<std::int64_t>(*v)) fail("attribute '" + name + "' is not an integer");
  return std::get<std::int64_t>(*v);
}

// The attribute names of `object` ("" for the root, else "group /x: " in messages). The
// caller holds the library lock.
std::vector<std::string> RunReader::attribute_names(hid_t object, const std::string& where) const {
  std::vector<std::string> out;
  H5O_info_t info;
  if (H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS) < 0)
    fail(where + "its attributes cannot be listed (" + h5::last_error() + ")");
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    char name[512];
    const ssize_t n = H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, name,
                                         sizeof name, H5P_DEFAULT);
    if (n < 0 || static_cast<std::size_t>(n) >= sizeof name)
      fail(where + "attribute " + std::to_string(i) + " has no readable name");
    out.emplace_back(name);
  }
  return out;
}

std::vector<std::string> RunReader::root_attribute_names() const {
  std::lock_guard lock(h5::library_lock());
  if (!file_) fail(fault_);
  return attribute_names(file_.get(), "");
}

const std::map<std::string, ParamValue>& RunReader::parameters() const {
  std::lock_guard lock(h5::library_lock());
  if (parameters_cache_) return *parameters_cache_;
  std::map<std::string, ParamValue> out;
  if (!file_ || H5Lexists(file_.get(), "parameters", H5P_DEFAULT) <= 0)
    return parameters_cache_.emplace(std::move(out));
  Handle g(H5Gopen2(file_.get(), "parameters", H5P_DEFAULT), H5Gclose);
  if (!g) fail("group /parameters cannot be read (" + h5::last_error() + ")");
  for (const auto& name : attribute_names(g.get(), "group /parameters: ")) {
    try {
      if (auto v = h5::read_attribute(g.get(), name)) out[name] = *v;
    } catch (const h5::AttributeError& e) {
      fail("group /parameters: " + std::string(e.what()));
    }
  }
  return parameters_cache_.emplace(std::move(out));
}

std::vector<std::string> RunReader::daily_metrics() const {
  return daily_names_;
}

std::vector<std::string> RunReader::platform_metrics() const {
  return platform_names_;
}

bool RunReader::has_daily(const std::string& metric) const {
  return std::binary_search(daily_names_.begin(), daily_names_.end(), metric);
}

bool RunReader::has_platform(const std::string& metric) const {
  return std::binary_search(platform_names_.begin(), platform_names_.end(), metric);
}

// The first days_written rows of a dataset open_and_check() has already checked.
std::vector<double> RunReader::read(const std::string& dataset) const {
  return read_rows(dataset, static_cast<hsize_t>(days_written_), groups_);  // width if 2-D
}

// The first `rows` rows (of `width` values when 2-D) of a checked dataset, as float64.
std::vector<double> RunReader::read_rows(const std::string& dataset, hsize_t rows,
                                         hsize_t width) const {
  std::lock_guard lock(h5::library_lock());
  if (!file_) fail(fault_);
  Handle set(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose);
  if (!set) fail("cannot open dataset " + dataset + " (" + h5::last_error() + ")");
  Handle space(H5Dget_space(set.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  hsize_t count[2] = {rows, rank == 2 ? width : 1};
  std::vector<double> values(count[0] * count[1]);
  if (values.empty()) return values;
  hsize_t start[2] = {0, 0};
  if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0)
    fail("cannot select rows of dataset " + dataset);
  Handle mem(H5Screate_simple(rank, count, nullptr), H5Sclose);
  Handle type(H5Dget_type(set.get()), H5Tclose);
  if (type && H5Tget_class(type.get()) == H5T_ENUM) {
    // HDF5 converts codes only to codes: read them in their own type, then widen.
    Handle native(H5Tget_native_type(type.get(), H5T_DIR_ASCEND), H5Tclose);
    std::vector<std::uint8_t> codes(values.size());
    if (!native || H5Tget_size(native.get()) != 1 ||
        H5Dread(set.get(), native.get(), mem.get(), space.get(), H5P_DEFAULT, codes.data()) < 0)
      fail("cannot read dataset " + dataset + " (" + h5::last_error() + ")");
    std::copy(codes.begin(), codes.end(), values.begin());
    return values;
  }
  if (H5Dread(set.get(), H5T_NATIVE_DOUBLE, mem.get(), space.get(), H5P_DEFAULT, values.data()) < 0)
    fail("cannot read dataset " + dataset + " (" + h5::last_error() + ")");
  return values;
}

const DailyMatrix& RunReader::daily(const std::string& metric) const {
  if (auto it = daily_cache_.find(metric); it != daily_cache_.end()) return it->second;
  if (!has_daily(metric)) fail("no dataset /daily/" + metric);
  DailyMatrix m;
  m.values = read("/daily/" + metric);
  m.days = static_cast<std::size_t>(days_written_);
  m.groups = groups_;
  return daily_cache_.emplace(metric, std::move(m)).first->second;
}

const std::vector<double>& RunReader::platform(const std::string& metric) const {
  if (auto it = platform_cache_.find(metric); it != platform_cache_.end()) return it->second;
  if (!has_platform(metric)) fail("no dataset /platform/" + metric);
  auto v = read("/platform/" + metric);
  return platform_cache_.emplace(metric, std::move(v)).first->second;
}

const HourlyMatrix& RunReader::hourly(const std::string& metric) const {
  if (auto it = hourly_cache_.find(metric); it != hourly_cache_.end()) return it->second;
  if (!std::binary_search(hourly_names_.begin(), hourly_names_.end(), metric))
    fail("no dataset /hourly/" + metric);
  HourlyMatrix m;
  m.hours = static_cast<std::size_t>(hours_written_);
  m.groups = hourly_groups_;
  m.values = read_rows("/hourly/" + metric, m.hours, m.groups);
  return hourly_cache_.emplace(metric, std::move(m)).first->second;
}

std::vector<std::string> RunReader::table_names() const {
  std::vector<std::string> out;
  for (const auto& [name, info] : tables_) out.push_back(name);
  return out;
}

bool RunReader::has_table(const std::string& table) const {
  return tables_.count(table) > 0;
}

std::vector<std::string> RunReader::table_columns(const std::string& table) const {
  auto it = tables_.find(table);
  if (it == tables_.end()) fail("no table /" + table);
  return it->second.columns;
}

std::size_t RunReader::table_rows(const std::string& table) const {
  auto it = tables_.find(table);
  if (it == tables_.end()) fail("no table /" + table);
  return it->second.rows;
}

// The table's columns, after checking that `column` is one of them.
const std::vector<std::string>& RunReader::columns_of(const std::string& table,
                                                      const std::string& column) const {
  auto it = tables_.find(table);
  if (it == tables_.end()) fail("no table /" + table);
  const auto& columns = it->second.columns;
  if (std::find(columns.begin(), columns.end(), column) == columns.end())
    fail("table /" + table + " has no column '" + column + "'");
  return columns;
}

std::vector<double> RunReader::table_column(const std::string& table,
                                            const std::string& column) const {
  columns_of(table, column);
  return read_rows("/" + table + "/" + column, tables_.at(table).rows, 1);
}

std::vector<std::string> RunReader::column_codes(const std::string& table,
                                                 const std::string& column) const {
  columns_of(table, column);
  std::lock_guard lock(h5::library_lock());
  if (!file_) fail(fault_);
  const std::string name = "/" + table + "/" + column;
  Handle set(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
  Handle type(set ? H5Dget_type(set.get()) : -1, H5Tclose);
  if (!type) fail("cannot open dataset " + name + " (" + h5::last_error() + ")");
  std::vector<std::string> names;
  if (H5Tget_class(type.get()) != H5T_ENUM) return names;
  const int n = H5Tget_nmembers(type.get());
  for (int i = 0; i < n; ++i) {
    std::uint8_t code = 0;  // the check found 1-byte codes
    char* text = H5Tget_member_name(type.get(), static_cast<unsigned>(i));
    if (!text || H5Tget_member_value(type.get(), static_cast<unsigned>(i), &code) < 0) {
      if (text) H5free_memory(text);
      fail("cannot read the names of the codes in " + name);
    }
    if (code >= names.size()) names.resize(code + 1u);
    names[code] = text;
    H5free_memory(text);
  }
  return names;
}

}  // namespace sim
