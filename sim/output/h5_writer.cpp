#include "sim/output/h5_writer.hpp"

#include <utility>

#include "sim/core/input_error.hpp"

namespace sim::h5 {

Handle string_type() {
  Handle t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t.get(), H5T_VARIABLE);
  H5Tset_cset(t.get(), H5T_CSET_UTF8);
  return t;
}

Handle untimed_group_plist() {
  Handle p(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
  H5Pset_obj_track_times(p.get(), false);
  return p;
}

void write_attribute(hid_t object, const std::string& name, const ParamValue& value,
                     const std::function<void()>& on_error) {
  if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle attr;
  herr_t rc = -1;
  auto create = [&](hid_t type) {
    attr = Handle(H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                  H5Aclose);
    return static_cast<bool>(attr);
  };
  if (auto* i = std::get_if<std::int64_t>(&value)) {
    if (create(H5T_STD_I64LE)) rc = H5Awrite(attr.get(), H5T_NATIVE_INT64, i);
  } else if (auto* d = std::get_if<double>(&value)) {
    if (create(H5T_IEEE_F64LE)) rc = H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, d);
  } else if (auto* b = std::get_if<bool>(&value)) {
    std::int8_t v = *b ? 1 : 0;
    if (create(H5T_STD_I8LE)) rc = H5Awrite(attr.get(), H5T_NATIVE_INT8, &v);
  } else {
    Handle type = string_type();
    const char* s = std::get<std::string>(value).c_str();
    if (create(type.get())) rc = H5Awrite(attr.get(), type.get(), &s);
  }
  if (rc < 0) on_error();
}

Writer::Writer(std::filesystem::path path, std::string label)
    : path_(std::move(path)), label_(std::move(label)) {}

void Writer::fail(const std::string& what) const {
  throw OutputError(label_ + " '" + path_.string() + "': cannot " + what + " (" + last_error() +
                    ")");
}

void Writer::create() {
  file_ = Handle(H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file_) fail("create the file");
}

Handle Writer::group(hid_t parent, const std::string& name) {
  Handle gcpl = untimed_group_plist();
  Handle g(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), H5Gclose);
  if (!g) fail("create group " + name);
  return g;
}

void Writer::dataset(hid_t parent, const std::string& name, hid_t file_type, hid_t mem_type,
                     std::size_t n, const void* data) {
  hsize_t dims = n;
  Handle space(H5Screate_simple(1, &dims, nullptr), H5Sclose);
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_obj_track_times(dcpl.get(), false);
  Handle set(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(),
                        H5P_DEFAULT),
             H5Dclose);
  if (!set || (n && H5Dwrite(set.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0))
    fail("write dataset " + name);
}

void Writer::strings(hid_t parent, const std::string& name, const std::vector<std::string>& v) {
  Handle type = string_type();
  std::vector<const char*> p;
  for (const auto& s : v) p.push_back(s.c_str());
  dataset(parent, name, type.get(), type.get(), v.size(), p.data());
}

void Writer::ints(hid_t parent, const std::string& name, const std::vector<std::int64_t>& v) {
  dataset(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64, v.size(), v.data());
}

void Writer::doubles(hid_t parent, const std::string& name, const std::vector<double>& v) {
  dataset(parent, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, v.size(), v.data());
}

void Writer::bytes(hid_t parent, const std::string& name, const std::vector<std::int8_t>& v) {
  dataset(parent, name, H5T_STD_I8LE, H5T_NATIVE_INT8, v.size(), v.data());
}

void Writer::attribute(hid_t object, const std::string& name, const ParamValue& value) {
  write_attribute(object, name, value, [&] { fail("write attribute " + name); });
}

void Writer::flush() {
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) fail("flush");
}

void Writer::close() {
  if (H5Fclose(file_.release()) < 0) fail("close");
}

}  // namespace sim::h5
