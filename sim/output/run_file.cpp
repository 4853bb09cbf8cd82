#include "sim/output/run_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "sim/core/clock.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/h5_writer.hpp"
#include "sim/output/run_reader.hpp"
#include "sim/version.hpp"

namespace sim {
namespace {

using h5::Handle;

using h5::untimed_group_plist;

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
  create_series("daily", daily_, 2);
  create_series("platform", platform_, 1);
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush");
}

void RunFile::create_series(const std::string& group_name, const std::vector<MetricSpec>& specs,
                            int rank) {
  Handle gcpl = untimed_group_plist();
  Handle group(H5Gcreate2(file_.get(), group_name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
               H5Gclose);
  if (!group) fail("create group /" + group_name);
  auto& sets = rank == 2 ? daily_sets_ : platform_sets_;
  for (const auto& spec : specs) {
    hsize_t dims[2] = {0, 0}, max[2] = {H5S_UNLIMITED, H5S_UNLIMITED};
    hsize_t chunk[2] = {options_.chunk_days, options_.group_chunk};
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
}

void RunFile::append(const DayFrame& frame) {
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
    throw OutputError("run file '" + writing_path_.string() + "': cannot reserve " +
                      std::to_string(bytes / 1024 + 1) + " KiB for days " +
                      std::to_string(days_written_) + ".." +
                      std::to_string(days_written_ + pending_.size() - 1) + " (" +
                      std::strerror(rc) + "); the file keeps days 0.." +
                      (days_written_ ? std::to_string(days_written_ - 1) : std::string("(none)")));
  }
}

void RunFile::flush() {
  std::lock_guard lock(h5::library_lock());
  if (!file_ || broken_) return;
  if (!pending_.empty()) {
    const hsize_t rows = pending_.size();
    std::size_t width = width_;
    for (const auto& f : pending_) width = std::max(width, f.groups);
    // HDF5 cannot undo a half-done write: a disk that fills up mid-flush leaves a file that
    // no longer opens. So claim the space first (raw rows + room for metadata) and refuse to
    // write at all when the disk cannot hold it; the file then keeps every earlier day.
    try {
      // Upper bound: every chunk the rows touch, stored uncompressed, plus metadata.
      const std::uint64_t chunk_rows = (rows + options_.chunk_days - 1) / options_.chunk_days + 1;
      const std::uint64_t chunks_across = (width + options_.group_chunk - 1) / options_.group_chunk;
      const std::uint64_t chunk_bytes = options_.chunk_days * sizeof(double);
      reserve_disk_space(
          chunk_rows * chunk_bytes *
              (daily_.size() * chunks_across * options_.group_chunk + platform_.size()) +
          (daily_.size() + platform_.size()) * 4096 + (64u << 10));
    } catch (...) {
      broken_ = true;
      throw;
    }
    std::vector<double> block(rows * width);
    auto write = [&](hid_t set, int rank, const std::string& name) {
      hsize_t extent[2] = {days_written_ + rows, width};
      if (H5Dset_extent(set, extent) < 0) fail("extend dataset " + name);
      Handle file_space(H5Dget_space(set), H5Sclose);
      hsize_t start[2] = {days_written_, 0}, count[2] = {rows, width};
      H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr);
      Handle mem_space(H5Screate_simple(rank, count, nullptr), H5Sclose);
      if (H5Dwrite(set, H5T_NATIVE_DOUBLE, mem_space.get(), file_space.get(), H5P_DEFAULT,
                   block.data()) < 0)
        fail("write dataset " + name);
    };
    for (std::size_t m = 0; m < daily_sets_.size(); ++m) {
      std::fill(block.begin(), block.end(), std::nan(""));
      for (hsize_t r = 0; r < rows; ++r)
        for (std::size_t g = 0; g < pending_[r].groups; ++g)
          block[r * width + g] = pending_[r].at(m, g);
      write(daily_sets_[m].get(), 2, "/daily/" + daily_[m].name);
    }
    for (std::size_t m = 0; m < platform_sets_.size(); ++m) {
      for (hsize_t r = 0; r < rows; ++r) block[r] = pending_[r].platform[m];
      write(platform_sets_[m].get(), 1, "/platform/" + platform_[m].name);
    }
    days_written_ += static_cast<std::uint32_t>(rows);
    width_ = width;
    pending_.clear();
    set_attribute("days_written", std::int64_t{days_written_});
  }
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush to disk");
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
