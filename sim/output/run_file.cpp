#include "sim/output/run_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "sim/core/clock.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/run_reader.hpp"
#include "sim/output/written_files.hpp"
#include "sim/version.hpp"

namespace sim {
namespace {

using h5::Handle;

using h5::untimed_group_plist;

// The column's type on disk (little-endian, fixed) or in memory (native).
Handle column_type(const TableColumnSpec& c, bool in_memory) {
  auto copy = [](hid_t t) { return Handle(H5Tcopy(t), H5Tclose); };
  switch (c.type) {
    case ColumnType::u8:
      return copy(in_memory ? H5T_NATIVE_UINT8 : H5T_STD_U8LE);
    case ColumnType::u32:
      return copy(in_memory ? H5T_NATIVE_UINT32 : H5T_STD_U32LE);
    case ColumnType::i64:
      return copy(in_memory ? H5T_NATIVE_INT64 : H5T_STD_I64LE);
    case ColumnType::f32:
      return copy(in_memory ? H5T_NATIVE_FLOAT : H5T_IEEE_F32LE);
    case ColumnType::f64:
      return copy(in_memory ? H5T_NATIVE_DOUBLE : H5T_IEEE_F64LE);
    case ColumnType::code: {
      Handle t(H5Tenum_create(in_memory ? H5T_NATIVE_UINT8 : H5T_STD_U8LE), H5Tclose);
      for (std::size_t i = 0; i < c.codes.size(); ++i) {
        const auto v = static_cast<std::uint8_t>(i);
        if (t) H5Tenum_insert(t.get(), c.codes[i].c_str(), &v);
      }
      return t;
    }
  }
  return {};
}

bool valid_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

void check_table_spec(const TableSpec& spec) {
  auto bad = [&](const std::string& why) {
    throw std::invalid_argument("table '" + spec.name + "': " + why);
  };
  static const char* reserved[] = {"daily", "platform", "hourly", "parameters", "snapshots"};
  if (!valid_name(spec.name)) bad("not a name for an HDF5 group");
  for (const char* r : reserved)
    if (spec.name == r) bad("the name of another part of the run file");
  if (spec.columns.empty()) bad("no columns");
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const auto& c = spec.columns[i];
    if (!valid_name(c.name)) bad("column " + std::to_string(i) + " has no valid name");
    for (std::size_t j = 0; j < i; ++j)
      if (spec.columns[j].name == c.name) bad("column '" + c.name + "' twice");
    if (c.type != ColumnType::code) continue;
    if (c.codes.empty() || c.codes.size() > 256)
      bad("code column '" + c.name + "' needs 1 to 256 names");
    for (std::size_t a = 0; a < c.codes.size(); ++a) {
      if (c.codes[a].empty()) bad("code column '" + c.name + "' has an empty name");
      for (std::size_t b = 0; b < a; ++b)
        if (c.codes[a] == c.codes[b])
          bad("code column '" + c.name + "' names '" + c.codes[a] + "' twice");
    }
  }
}

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) {
  return (a + b - 1) / b;
}

// Rows per chunk of a table whose first flush writes `rows` rows (see TableSpec::chunk_rows).
hsize_t first_chunk_rows(const TableSpec& spec, hsize_t rows) {
  if (spec.chunk_rows) return spec.chunk_rows;
  const hsize_t floor = spec.rewritten ? 256 : 64;
  return std::clamp<hsize_t>(std::bit_ceil(std::max<hsize_t>(rows, 1)), floor, 65536);
}

}  // namespace

void RunFile::fail(const std::string& what) const {
  std::string detail = h5::last_error();
  throw OutputError("run file '" + writing_path_.string() + "': cannot " + what +
                    (detail.empty() ? "" : " (" + detail + ")"));
}

void RunFile::set_attribute(const std::string& name, const ParamValue& value, hid_t object) {
  if (object < 0) object = file_.get();
  h5::write_attribute(object, name, value, [&] { fail("write attribute '" + name + "'"); });
}

RunFile::RunFile(std::filesystem::path path, const RunHeader& header, std::vector<MetricSpec> daily,
                 std::vector<MetricSpec> platform, RunFileOptions options)
    : path_(std::move(path)),
      writing_path_(partial_path(path_)),
      options_(options),
      daily_(std::move(daily)),
      platform_(std::move(platform)) {
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  options_.chunk_days = std::max<std::size_t>(1, options_.chunk_days);
  options_.group_chunk = std::clamp<std::size_t>(options_.group_chunk, 1, 256);
  if (path_.has_parent_path() && !std::filesystem::exists(path_.parent_path()))
    throw OutputError("run file '" + path_.string() + "': folder '" + path_.parent_path().string() +
                      "' does not exist");
  file_ =
      Handle(H5Fcreate(writing_path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file_) fail("create the file");

  set_attribute("commsim_version", std::string(version));
  set_attribute("format_version", std::int64_t{run_format_version});
  set_attribute("seed", static_cast<std::int64_t>(header.seed));
  set_attribute("scenario", header.scenario_text);
  set_attribute("scenario_name", header.scenario_name);
  set_attribute("days_planned", std::int64_t{header.days_planned});
  set_attribute("days_written", std::int64_t{0});
  set_attribute("ticks_per_day", std::int64_t{ticks_per_day});
  set_attribute("complete", std::int64_t{0});
  for (const auto& [name, value] : header.extra) set_attribute(name, value);
  if (header.parameters) {
    set_attribute("parameters", header.parameters->to_toml());
    Handle gcpl = untimed_group_plist();
    Handle group(H5Gcreate2(file_.get(), "parameters", H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                 H5Gclose);
    if (!group) fail("create group /parameters");
    for (const auto& spec : header.parameters->registry().all())
      set_attribute(spec.path, header.parameters->value(spec.path), group.get());
  }
  const hsize_t chunk[2] = {options_.chunk_days, options_.group_chunk};
  daily_sets_ = create_series("daily", daily_, 2, chunk);
  platform_sets_ = create_series("platform", platform_, 1, chunk);
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush");
}

std::vector<Handle> RunFile::create_series(const std::string& group_name,
                                           const std::vector<MetricSpec>& specs, int rank,
                                           const hsize_t* chunk) {
  Handle gcpl = untimed_group_plist();
  Handle group(H5Gcreate2(file_.get(), group_name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
               H5Gclose);
  if (!group) fail("create group /" + group_name);
  std::vector<Handle> sets;
  for (const auto& spec : specs) {
    hsize_t dims[2] = {0, 0}, max[2] = {H5S_UNLIMITED, H5S_UNLIMITED};
    Handle space(H5Screate_simple(rank, dims, max), H5Sclose);
    Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    H5Pset_chunk(dcpl.get(), rank, chunk);
    H5Pset_obj_track_times(dcpl.get(), false);
    double nan = std::nan("");
    H5Pset_fill_value(dcpl.get(), H5T_NATIVE_DOUBLE, &nan);
    if (options_.compression > 0) {
      H5Pset_shuffle(dcpl.get());
      H5Pset_deflate(dcpl.get(), static_cast<unsigned>(options_.compression));
    }
    Handle set(H5Dcreate2(group.get(), spec.name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                          dcpl.get(), H5P_DEFAULT),
               H5Dclose);
    if (!set) fail("create dataset /" + group_name + "/" + spec.name);
    set_attribute("unit", spec.unit, set.get());
    set_attribute("description", spec.description, set.get());
    sets.push_back(std::move(set));
  }
  return sets;
}

void RunFile::append(const DayFrame& frame) {
  if (!hourly_.empty() &&
      pending_hours_.size() < std::size_t{ticks_per_day} * (pending_.size() + 1))
    throw std::logic_error("run file: day " + std::to_string(days_written_ + pending_.size()) +
                           " appended before its 24 hours (append_hour)");
  pending_.push_back(frame);
  if (pending_.size() >= options_.chunk_days) flush();
}

void RunFile::reserve_disk_space(std::uint64_t bytes) {
  hsize_t used = 0;
  if (H5Fget_filesize(file_.get(), &used) < 0) fail("read the file size");
  int fd = ::open(writing_path_.c_str(), O_WRONLY);
  int rc = fd < 0 ? errno : ::posix_fallocate(fd, 0, static_cast<off_t>(used + bytes));
  if (fd >= 0) ::close(fd);
  if (rc != 0 && rc != EOPNOTSUPP && rc != EINVAL) {
    const std::string what = pending_.empty()
                                 ? std::string("table rows")
                                 : "days " + std::to_string(days_written_) + ".." +
                                       std::to_string(days_written_ + pending_.size() - 1);
    throw OutputError("run file '" + writing_path_.string() + "': cannot reserve " +
                      std::to_string(bytes / 1024 + 1) + " KiB for " + what + " (" +
                      std::strerror(rc) + "); the file keeps days 0.." +
                      (days_written_ ? std::to_string(days_written_ - 1) : std::string("(none)")));
  }
}

std::uint64_t RunFile::pending_bytes_bound() const {
  // Upper bound: every chunk the writes touch, stored uncompressed, plus metadata. A chunk
  // holding earlier rows is counted whole: a compressed chunk that changes is written anew.
  std::uint64_t bytes = 64u << 10;
  const std::uint64_t rows = pending_.size();
  if (rows > 0) {
    std::size_t width = width_;
    for (const auto& f : pending_) width = std::max(width, f.groups);
    const std::uint64_t chunks_down = ceil_div(rows, options_.chunk_days) + 1;
    const std::uint64_t chunks_across = ceil_div(width, options_.group_chunk);
    const std::uint64_t chunk_bytes = options_.chunk_days * sizeof(double);
    bytes += chunks_down * chunk_bytes *
                 (daily_.size() * chunks_across * options_.group_chunk + platform_.size()) +
             (daily_.size() + platform_.size()) * 4096;
    if (!hourly_.empty()) {
      const std::uint64_t hours = std::size_t{ticks_per_day} * rows;
      std::size_t hwidth = hourly_width_;
      for (std::size_t h = 0; h < hours && h < pending_hours_.size(); ++h)
        hwidth = std::max(hwidth, pending_hours_[h].groups);
      bytes += (ceil_div(hours, hour_chunk_[0]) + 1) * ceil_div(hwidth, hour_chunk_[1]) *
                   hour_chunk_[0] * hour_chunk_[1] * sizeof(double) * hourly_.size() +
               hourly_.size() * 4096;
    }
  }
  for (const auto& t : tables_) {
    const bool writes = t.spec.rewritten ? t.replaced : t.pending.rows() > 0;
    if (t.columns.empty()) bytes += t.spec.columns.size() * 4096;  // created at this flush
    if (!writes) continue;
    const std::uint64_t n = t.pending.rows();
    const std::uint64_t first = t.spec.rewritten ? 0 : t.rows;
    const std::uint64_t chunk = t.chunk_rows ? t.chunk_rows : first_chunk_rows(t.spec, n);
    const std::uint64_t chunks = n == 0 ? 0 : (first + n - 1) / chunk - first / chunk + 1;
    for (const auto& c : t.spec.columns) bytes += chunks * chunk * column_width(c.type) + 4096;
  }
  return bytes;
}

void RunFile::write_block(hid_t set, int rank, hsize_t first_row, hsize_t rows, hsize_t width,
                          const double* data, const std::string& name) {
  hsize_t extent[2] = {first_row + rows, width};
  if (H5Dset_extent(set, extent) < 0) fail("extend dataset " + name);
  if (rows == 0 || (rank == 2 && width == 0)) return;
  Handle file_space(H5Dget_space(set), H5Sclose);
  hsize_t start[2] = {first_row, 0}, count[2] = {rows, width};
  H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr);
  Handle mem_space(H5Screate_simple(rank, count, nullptr), H5Sclose);
  if (H5Dwrite(set, H5T_NATIVE_DOUBLE, mem_space.get(), file_space.get(), H5P_DEFAULT, data) < 0)
    fail("write dataset " + name);
}

void RunFile::write_hours(std::size_t days) {
  if (hourly_.empty()) return;
  const hsize_t hours = std::size_t{ticks_per_day} * days;
  std::size_t width = hourly_width_;
  for (hsize_t h = 0; h < hours; ++h) width = std::max(width, pending_hours_[h].groups);
  std::vector<double> block(hours * width);
  for (std::size_t m = 0; m < hourly_sets_.size(); ++m) {
    std::fill(block.begin(), block.end(), std::nan(""));
    for (hsize_t h = 0; h < hours; ++h)
      for (std::size_t g = 0; g < pending_hours_[h].groups; ++g)
        block[h * width + g] = pending_hours_[h].at(m, g);
    write_block(hourly_sets_[m].get(), 2, std::size_t{ticks_per_day} * hsize_t{days_written_},
                hours, width, block.data(), "/hourly/" + hourly_[m].name);
  }
  // Hours past the flushed days (a day stopped half-way) stay behind, never written.
  pending_hours_.erase(pending_hours_.begin(),
                       pending_hours_.begin() + static_cast<std::ptrdiff_t>(hours));
  hourly_width_ = width;
}

void RunFile::write_tables() {
  for (auto& t : tables_) {
    const std::string where = "/" + t.spec.name;
    const bool writes = t.spec.rewritten ? t.replaced : t.pending.rows() > 0;
    const hsize_t n = writes ? t.pending.rows() : 0;
    if (t.columns.empty()) {
      // The first flush after the declaration sizes the chunks by what it writes: the
      // table's columns exist in every file that holds a day.
      t.chunk_rows = first_chunk_rows(t.spec, n);
      for (const auto& c : t.spec.columns) {
        hsize_t dims = 0, max = H5S_UNLIMITED;
        Handle space(H5Screate_simple(1, &dims, &max), H5Sclose);
        Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
        H5Pset_chunk(dcpl.get(), 1, &t.chunk_rows);
        H5Pset_obj_track_times(dcpl.get(), false);
        if (c.type == ColumnType::f32 || c.type == ColumnType::f64) {
          const double nan = std::nan("");
          H5Pset_fill_value(dcpl.get(), H5T_NATIVE_DOUBLE, &nan);
        }
        if (options_.compression > 0) {
          H5Pset_shuffle(dcpl.get());
          H5Pset_deflate(dcpl.get(), static_cast<unsigned>(options_.compression));
        }
        Handle type = column_type(c, false);
        Handle set;
        if (type)
          set = Handle(H5Dcreate2(t.group.get(), c.name.c_str(), type.get(), space.get(),
                                  H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                       H5Dclose);
        if (!set) fail("create dataset " + where + "/" + c.name);
        set_attribute("unit", c.unit, set.get());
        set_attribute("description", c.description, set.get());
        t.columns.push_back(std::move(set));
      }
    }
    if (!writes) continue;
    const hsize_t first = t.spec.rewritten ? 0 : t.rows;
    // A rewritten table that shrinks keeps its old length until `rows` says the new one,
    // so no moment has `rows` pointing past the end of a column.
    const hsize_t extent = std::max<hsize_t>(first + n, t.rows);
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string name = where + "/" + t.spec.columns[i].name;
      const hid_t set = t.columns[i].get();
      if (H5Dset_extent(set, &extent) < 0) fail("extend dataset " + name);
      if (n == 0) continue;
      Handle file_space(H5Dget_space(set), H5Sclose);
      H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &first, nullptr, &n, nullptr);
      Handle mem_space(H5Screate_simple(1, &n, nullptr), H5Sclose);
      Handle mem_type = column_type(t.spec.columns[i], true);
      if (H5Dwrite(set, mem_type.get(), mem_space.get(), file_space.get(), H5P_DEFAULT,
                   t.pending.data(i)) < 0)
        fail("write dataset " + name);
    }
    t.rows = first + n;
    set_attribute("rows", static_cast<std::int64_t>(t.rows), t.group.get());
    if (extent > t.rows)
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (H5Dset_extent(t.columns[i].get(), &t.rows) < 0)
          fail("shrink dataset " + where + "/" + t.spec.columns[i].name);
    t.pending.clear();
    t.replaced = false;
  }
}

void RunFile::flush() {
  std::lock_guard lock(h5::library_lock());
  if (!file_ || broken_) return;
  bool tables_due = false;
  for (const auto& t : tables_)
    tables_due |= t.columns.empty() || (t.spec.rewritten ? t.replaced : t.pending.rows() > 0);
  if (!pending_.empty() || tables_due) {
    const hsize_t rows = pending_.size();
    // HDF5 cannot undo a half-done write: a disk that fills up mid-flush leaves a file that
    // no longer opens. So claim the space first (raw rows + room for metadata) and refuse to
    // write at all when the disk cannot hold it; the file then keeps every earlier day.
    try {
      reserve_disk_space(pending_bytes_bound());
    } catch (...) {
      broken_ = true;
      throw;
    }
    if (rows > 0) {
      std::size_t width = width_;
      for (const auto& f : pending_) width = std::max(width, f.groups);
      std::vector<double> block(rows * width);
      for (std::size_t m = 0; m < daily_sets_.size(); ++m) {
        std::fill(block.begin(), block.end(), std::nan(""));
        for (hsize_t r = 0; r < rows; ++r)
          for (std::size_t g = 0; g < pending_[r].groups; ++g)
            block[r * width + g] = pending_[r].at(m, g);
        write_block(daily_sets_[m].get(), 2, days_written_, rows, width, block.data(),
                    "/daily/" + daily_[m].name);
      }
      for (std::size_t m = 0; m < platform_sets_.size(); ++m) {
        for (hsize_t r = 0; r < rows; ++r) block[r] = pending_[r].platform[m];
        write_block(platform_sets_[m].get(), 1, days_written_, rows, width, block.data(),
                    "/platform/" + platform_[m].name);
      }
      width_ = width;
    }
    write_hours(rows);
    write_tables();
    days_written_ += static_cast<std::uint32_t>(rows);
    pending_.clear();
    set_attribute("days_written", std::int64_t{days_written_});
    if (!hourly_.empty())
      set_attribute("hours_written",
                    static_cast<std::int64_t>(std::size_t{ticks_per_day} * days_written_));
  }
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush to disk");
}

std::size_t RunFile::declare_table(const TableSpec& spec) {
  std::lock_guard lock(h5::library_lock());
  check_table_spec(spec);
  for (const auto& t : tables_)
    if (t.spec.name == spec.name)
      throw std::invalid_argument("table '" + spec.name + "' declared twice");
  if (!file_) fail("declare table /" + spec.name + " (the file is closed)");
  Table t(spec);
  Handle gcpl = untimed_group_plist();
  // Readers list the columns in the order they were declared.
  H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
  t.group = Handle(H5Gcreate2(file_.get(), spec.name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                   H5Gclose);
  if (!t.group) fail("create group /" + spec.name);
  set_attribute("description", spec.description, t.group.get());
  set_attribute("rows", std::int64_t{0}, t.group.get());
  tables_.push_back(std::move(t));
  return tables_.size() - 1;
}

void RunFile::append_rows(std::size_t table, const TableRows& rows) {
  Table& t = tables_.at(table);
  if (t.spec.rewritten)
    throw std::logic_error("table '" + t.spec.name + "' is rewritten whole: use replace_rows");
  if (!rows.same_layout(t.pending) || !rows.complete())
    throw std::invalid_argument("rows for table '" + t.spec.name +
                                "' of other columns, or with a row half-filled");
  t.pending.append(rows);
}

void RunFile::replace_rows(std::size_t table, const TableRows& rows) {
  Table& t = tables_.at(table);
  if (!t.spec.rewritten)
    throw std::logic_error("table '" + t.spec.name + "' is appended to: use append_rows");
  if (!rows.same_layout(t.pending) || !rows.complete())
    throw std::invalid_argument("rows for table '" + t.spec.name +
                                "' of other columns, or with a row half-filled");
  t.pending = rows;
  t.replaced = true;
}

void RunFile::declare_hourly(std::vector<MetricSpec> metrics) {
  std::lock_guard lock(h5::library_lock());
  if (!hourly_.empty()) throw std::logic_error("run file: hourly output declared twice");
  // Hours are counted from the first day (hours_written = 24 x days_written).
  if (days_written_ > 0 || !pending_.empty())
    throw std::logic_error("run file: hourly output declared after the first day");
  if (metrics.empty()) return;
  if (!file_) fail("declare hourly output (the file is closed)");
  hourly_ = std::move(metrics);
  // A flush's hours down, and as many groups across as keep a chunk within 1 MiB (HDF5's
  // default chunk cache).
  hour_chunk_[0] = std::size_t{ticks_per_day} * options_.chunk_days;
  hour_chunk_[1] = std::clamp<hsize_t>((hsize_t{1} << 20) / sizeof(double) / hour_chunk_[0], 1,
                                       options_.group_chunk);
  hourly_sets_ = create_series("hourly", hourly_, 2, hour_chunk_);
  set_attribute("hours_written", std::int64_t{0});
}

void RunFile::append_hour(const DayFrame& hour) {
  if (hourly_.empty()) throw std::logic_error("run file: append_hour without declare_hourly");
  if (hour.daily.size() != hourly_.size() * hour.groups)
    throw std::invalid_argument("run file: an hour of " + std::to_string(hour.daily.size()) +
                                " values for " + std::to_string(hourly_.size()) + " metrics x " +
                                std::to_string(hour.groups) + " groups");
  pending_hours_.push_back(hour);
}

void RunFile::write_table(const std::string& group_name, const std::string& name,
                          const std::vector<double>& values, const std::string& unit,
                          const std::string& description) {
  std::lock_guard lock(h5::library_lock());
  Handle group;
  if (H5Lexists(file_.get(), group_name.c_str(), H5P_DEFAULT) > 0) {
    group = Handle(H5Gopen2(file_.get(), group_name.c_str(), H5P_DEFAULT), H5Gclose);
  } else {
    Handle gcpl = untimed_group_plist();
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    H5Pset_create_intermediate_group(lcpl.get(), 1);
    group = Handle(H5Gcreate2(file_.get(), group_name.c_str(), lcpl.get(), gcpl.get(), H5P_DEFAULT),
                   H5Gclose);
  }
  if (!group) fail("create group " + group_name);
  hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_obj_track_times(dcpl.get(), false);
  if (n > 0 && options_.compression > 0) {
    hsize_t chunk = std::min<hsize_t>(n, 65536);
    H5Pset_chunk(dcpl.get(), 1, &chunk);
    H5Pset_shuffle(dcpl.get());
    H5Pset_deflate(dcpl.get(), static_cast<unsigned>(options_.compression));
  }
  Handle set(H5Dcreate2(group.get(), name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                        dcpl.get(), H5P_DEFAULT),
             H5Dclose);
  if (!set ||
      H5Dwrite(set.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
    fail("write dataset " + group_name + "/" + name);
  set_attribute("unit", unit, set.get());
  set_attribute("description", description, set.get());
}

void RunFile::finish() {
  std::lock_guard lock(h5::library_lock());
  flush();
  set_attribute("complete", std::int64_t{1});
  close_and_rename();
}

void RunFile::publish_incomplete() {
  std::lock_guard lock(h5::library_lock());
  flush();
  close_and_rename();
}

void RunFile::close_and_rename() {
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush to disk");
  hsize_t used = 0;
  H5Fget_filesize(file_.get(), &used);
  daily_sets_.clear();
  platform_sets_.clear();
  hourly_sets_.clear();
  tables_.clear();
  if (H5Fclose(file_.release()) < 0) fail("close the file");
  finished_ = true;
  // Give back the space reserved for writes that never came.
  std::error_code ec;
  if (used > 0 && std::filesystem::file_size(writing_path_, ec) > used)
    std::filesystem::resize_file(writing_path_, used, ec);
  // The data must be on disk before the name says it is finished: otherwise a crash of the
  // machine could leave a finished name over a file with holes.
  int fd = ::open(writing_path_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw OutputError("run file '" + writing_path_.string() + "': cannot sync to disk (" +
                      std::strerror(err) + ")");
  }
  ::close(fd);
  std::filesystem::rename(writing_path_, path_, ec);
  if (ec)
    throw OutputError("run file '" + writing_path_.string() + "': cannot rename it to '" +
                      path_.string() + "' (" + ec.message() + ")");
  note_written_here(path_);  // read back later without a child's probe (written_files.hpp)
}

RunFile::~RunFile() {
  if (finished_) return;
  try {
    flush();
  } catch (...) {
    // Already failing (that is why we are here without finish()); keep what is on disk.
  }
  std::lock_guard lock(h5::library_lock());
  daily_sets_.clear();
  platform_sets_.clear();
  hourly_sets_.clear();
  tables_.clear();
  file_.reset();
}

std::filesystem::path partial_path(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  p += partial_suffix;
  return p;
}

bool run_file_is_complete(const std::filesystem::path& path) {
  RunReader run(path, RunReader::OnFault::record);
  return run.verify_data() && run.state() == RunFileState::complete;
}

}  // namespace sim
