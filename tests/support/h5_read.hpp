#pragma once
// Reading HDF5 files back in tests, with the plain C API (independent of the writer's code).
#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

namespace testing_support {

struct Dataset {
  std::vector<hsize_t> dims;
  std::vector<double> values;
};

inline std::int64_t read_int_attr(const std::string& file, const std::string& name,
                                  const std::string& object = "/") {
  hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw std::runtime_error("cannot open " + file);
  hid_t a = H5Aopen_by_name(f, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
  std::int64_t v = -1;
  if (a >= 0) {
    H5Aread(a, H5T_NATIVE_INT64, &v);
    H5Aclose(a);
  }
  H5Fclose(f);
  if (a < 0) throw std::runtime_error("no attribute " + name + " in " + file);
  return v;
}

inline std::string read_string_attr(const std::string& file, const std::string& name) {
  hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw std::runtime_error("cannot open " + file);
  hid_t a = H5Aopen(f, name.c_str(), H5P_DEFAULT);
  std::string out;
  if (a >= 0) {
    hid_t t = H5Aget_type(a);
    char* s = nullptr;
    H5Aread(a, t, &s);
    if (s) out = s;
    H5free_memory(s);
    H5Tclose(t);
    H5Aclose(a);
  }
  H5Fclose(f);
  if (a < 0) throw std::runtime_error("no attribute " + name + " in " + file);
  return out;
}

inline Dataset read_dataset(const std::string& file, const std::string& path) {
  Dataset d;
  hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw std::runtime_error("cannot open " + file);
  hid_t set = H5Dopen2(f, path.c_str(), H5P_DEFAULT);
  if (set < 0) {
    H5Fclose(f);
    throw std::runtime_error("no dataset " + path + " in " + file);
  }
  hid_t space = H5Dget_space(set);
  int rank = H5Sget_simple_extent_ndims(space);
  d.dims.resize(rank);
  H5Sget_simple_extent_dims(space, d.dims.data(), nullptr);
  hsize_t n = 1;
  for (auto x : d.dims) n *= x;
  d.values.resize(n);
  if (n) H5Dread(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, d.values.data());
  H5Sclose(space);
  H5Dclose(set);
  H5Fclose(f);
  return d;
}

}  // namespace testing_support
