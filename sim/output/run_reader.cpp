#include "sim/output/run_reader.hpp"

#include <algorithm>

#include "sim/core/input_error.hpp"

namespace sim {
namespace {

using h5::Handle;

herr_t collect_names(hid_t, const char* name, const H5L_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->push_back(name);
  return 0;
}

bool link_exists(hid_t file, const std::string& path) {
  // H5Lexists needs every intermediate link to exist: check "/daily" before "/daily/x".
  std::string prefix;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    prefix = path.substr(0, end);
    if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

RunReader::RunReader(const std::filesystem::path& path) : path_(path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail("no such file");
  std::lock_guard lock(h5::library_lock());
  h5::silence_library_errors();
  try {
    if (H5Fis_hdf5(path.c_str()) <= 0) fail("not an HDF5 file (killed while it was created?)");
    file_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file_) fail("cannot open (" + h5::last_error() + ")");
    if (H5Aexists(file_.get(), "commsim_version") <= 0)
      fail("not a commsim run file (no commsim_version attribute)");
    auto int_or = [&](const char* name, std::int64_t fallback) {
      auto v = attribute(name);
      return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : fallback;
    };
    complete_ = int_or("complete", 0) == 1;
    days_written_ = int_or("days_written", 0);
    days_planned_ = int_or("days_planned", 0);
  } catch (...) {
    file_.reset();  // closed while the HDF5 lock is held
    throw;
  }
}

RunReader::~RunReader() {
  std::lock_guard lock(h5::library_lock());
  file_.reset();
}

void RunReader::fail(const std::string& what) const {
  throw InputError("run file '" + path_.string() + "': " + what);
}

void RunReader::require_complete() const {
  if (complete_) return;
  std::string why = has_attribute("error")
                        ? "the run failed: " + text_attribute("error")
                        : "days_written " + std::to_string(days_written_) + " of " +
                              std::to_string(days_planned_) + " (a stopped run)";
  fail("not complete (" + why + ")");
}

bool RunReader::has_attribute(const std::string& name) const {
  std::lock_guard lock(h5::library_lock());
  return H5Aexists(file_.get(), name.c_str()) > 0;
}

std::optional<ParamValue> RunReader::attribute(const std::string& name) const {
  std::lock_guard lock(h5::library_lock());
  hid_t f = file_.get();
  if (H5Aexists(f, name.c_str()) <= 0) return std::nullopt;
  Handle attr(H5Aopen(f, name.c_str(), H5P_DEFAULT), H5Aclose);
  Handle type(H5Aget_type(attr.get()), H5Tclose);
  if (!attr || !type) fail("cannot read attribute '" + name + "' (" + h5::last_error() + ")");
  switch (H5Tget_class(type.get())) {
    case H5T_INTEGER: {
      std::int64_t v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_INT64, &v) < 0)
        fail("cannot read attribute '" + name + "'");
      if (H5Tget_size(type.get()) == 1) return ParamValue{v != 0};
      return ParamValue{v};
    }
    case H5T_FLOAT: {
      double v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v) < 0)
        fail("cannot read attribute '" + name + "'");
      return ParamValue{v};
    }
    case H5T_STRING: {
      if (!H5Tis_variable_str(type.get()))
        fail("attribute '" + name + "': fixed-length strings are not read");
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      H5Tset_size(mem.get(), H5T_VARIABLE);
      H5Tset_cset(mem.get(), H5T_CSET_UTF8);
      char* s = nullptr;
      if (H5Aread(attr.get(), mem.get(), &s) < 0 || !s)
        fail("cannot read attribute '" + name + "'");
      std::string out(s);
      H5free_memory(s);
      return ParamValue{out};
    }
    default:
      fail("attribute '" + name + "' has a type this reader does not know");
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

namespace {
std::vector<std::string> names_in(hid_t file, const char* group) {
  std::vector<std::string> names;
  if (H5Lexists(file, group, H5P_DEFAULT) <= 0) return names;
  Handle g(H5Gopen2(file, group, H5P_DEFAULT), H5Gclose);
  if (g) H5Literate(g.get(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_names, &names);
  std::sort(names.begin(), names.end());
  return names;
}
}  // namespace

std::vector<std::string> RunReader::daily_metrics() const {
  std::lock_guard lock(h5::library_lock());
  return names_in(file_.get(), "daily");
}

std::vector<std::string> RunReader::platform_metrics() const {
  std::lock_guard lock(h5::library_lock());
  return names_in(file_.get(), "platform");
}

bool RunReader::has_daily(const std::string& metric) const {
  std::lock_guard lock(h5::library_lock());
  return link_exists(file_.get(), "/daily/" + metric);
}

bool RunReader::has_platform(const std::string& metric) const {
  std::lock_guard lock(h5::library_lock());
  return link_exists(file_.get(), "/platform/" + metric);
}

std::vector<double> RunReader::read(const std::string& dataset, int rank,
                                    std::vector<unsigned long long>& dims_out) const {
  std::lock_guard lock(h5::library_lock());
  if (!link_exists(file_.get(), dataset)) fail("no dataset " + dataset);
  Handle set(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose);
  if (!set) fail("cannot open dataset " + dataset + " (" + h5::last_error() + ")");
  Handle space(H5Dget_space(set.get()), H5Sclose);
  const int ndims = H5Sget_simple_extent_ndims(space.get());
  if (ndims != rank)
    fail("dataset " + dataset + " has " + std::to_string(ndims) + " dimensions, expected " +
         std::to_string(rank));
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  // Only the rows on disk that are data: the first days_written.
  const hsize_t rows =
      std::min<hsize_t>(dims[0], static_cast<hsize_t>(std::max<std::int64_t>(0, days_written_)));
  hsize_t cols = rank == 2 ? dims[1] : 1;
  std::vector<double> values(rows * cols);
  if (!values.empty()) {
    std::vector<hsize_t> start(static_cast<std::size_t>(rank), 0), count = dims;
    count[0] = rows;
    if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                            nullptr) < 0)
      fail("cannot select rows of dataset " + dataset);
    Handle mem(H5Screate_simple(rank, count.data(), nullptr), H5Sclose);
    if (H5Dread(set.get(), H5T_NATIVE_DOUBLE, mem.get(), space.get(), H5P_DEFAULT, values.data()) <
        0)
      fail("cannot read dataset " + dataset + " (" + h5::last_error() + ")");
  }
  dims_out.assign({static_cast<unsigned long long>(rows), static_cast<unsigned long long>(cols)});
  return values;
}

const DailyMatrix& RunReader::daily(const std::string& metric) const {
  if (auto it = daily_cache_.find(metric); it != daily_cache_.end()) return it->second;
  std::vector<unsigned long long> dims;
  DailyMatrix m;
  m.values = read("/daily/" + metric, 2, dims);
  m.days = dims[0];
  m.groups = dims[1];
  return daily_cache_.emplace(metric, std::move(m)).first->second;
}

const std::vector<double>& RunReader::platform(const std::string& metric) const {
  if (auto it = platform_cache_.find(metric); it != platform_cache_.end()) return it->second;
  std::vector<unsigned long long> dims;
  auto v = read("/platform/" + metric, 1, dims);
  return platform_cache_.emplace(metric, std::move(v)).first->second;
}

}  // namespace sim
