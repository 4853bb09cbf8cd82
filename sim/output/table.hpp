#pragma once
// Tables a model streams into its run file (an event log, the current state of every group,
// the scheduled events that fired): on disk a group /<name> of 1-D columns of equal length,
// each column in its own HDF5 type (docs/output-format.md, "Tables").
//
// Rows are kept column by column, each in its own type, because an event log can hold
// millions of rows between two flushes: an event row of seven columns is 19 bytes here
// rather than 56 as doubles, and each column goes to HDF5 as one contiguous write.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace sim {

// code: a u8 stored as an HDF5 enum whose names are TableColumnSpec::codes, so that h5dump,
// h5py and the analysis package show "join" rather than 0.
enum class ColumnType : std::uint8_t { u8, u32, i64, f32, f64, code };

struct TableColumnSpec {
  std::string name;
  ColumnType type = ColumnType::f64;
  std::string unit, description;
  // Code columns: the name of each value 0, 1, ... ({}: other columns may leave it out of
  // their initialisers without -Wmissing-field-initializers).
  std::vector<std::string> codes{};
};

struct TableSpec {
  std::string name;  // the group /<name>
  std::string description;
  std::vector<TableColumnSpec> columns;
  // The table is replaced whole at each flush (a current state, such as one row per group),
  // rather than appended to (a log).
  bool rewritten = false;
  // Rows per HDF5 chunk. 0: chosen at the first flush from the rows it writes (a power of
  // two, 64 to 65536; at least 256 for a rewritten table), so an event log takes 64k-row
  // chunks (a million-row append is 16 per column) and a table of 10 rows stays small even
  // uncompressed, where a chunk is stored whole.
  std::size_t chunk_rows = 0;
};

std::size_t column_width(ColumnType type);  // bytes per value

class TableRows {
 public:
  explicit TableRows(const TableSpec& spec);

  // The value of `column` in the row being built, converted to the column's type (a code
  // column takes the index of its name). Each row sets every column once, in any order.
  template <typename T>
  void add(std::size_t column, T value) {
    static_assert(std::is_arithmetic_v<T>, "table values are numbers");
    Column& c = columns_.at(column);
    switch (c.type) {
      case ColumnType::u8:
        return push(c, static_cast<std::uint8_t>(value));
      case ColumnType::u32:
        return push(c, static_cast<std::uint32_t>(value));
      case ColumnType::i64:
        return push(c, static_cast<std::int64_t>(value));
      case ColumnType::f32:
        return push(c, static_cast<float>(value));
      case ColumnType::f64:
        return push(c, static_cast<double>(value));
      case ColumnType::code:
        // An undefined value would be stored as a number no reader can name.
        if (!names_a_code(value, c.codes))
          throw std::out_of_range("table column " + std::to_string(column) + ": code " +
                                  std::to_string(value) + " has no name");
        return push(c, static_cast<std::uint8_t>(value));
    }
  }
  // A whole row, one value per column in order; exact for every type but i64 beyond 2^53.
  void add_row(std::initializer_list<double> values);
  void append(const TableRows& more);  // same columns; throws std::invalid_argument otherwise

  std::size_t columns() const { return columns_.size(); }
  // Rows of the first column; complete() says whether every column has that many.
  std::size_t rows() const;
  bool complete() const;
  void clear();
  bool same_layout(const TableRows& other) const;

  ColumnType type(std::size_t column) const { return columns_.at(column).type; }
  const void* data(std::size_t column) const { return columns_.at(column).bytes.data(); }

 private:
  struct Column {
    ColumnType type;
    std::size_t width;  // bytes per value
    std::size_t codes;  // names of a code column
    std::vector<unsigned char> bytes;
  };
  template <typename T>
  static bool names_a_code(T v, std::size_t codes) {
    if constexpr (std::is_floating_point_v<T>)
      return v >= 0 && v < static_cast<T>(codes);
    else if constexpr (std::is_signed_v<T>)
      return v >= 0 && static_cast<std::make_unsigned_t<T>>(v) < codes;
    else
      return static_cast<std::uintmax_t>(v) < codes;
  }
  template <typename V>
  static void push(Column& c, V v) {
    const std::size_t n = c.bytes.size();
    c.bytes.resize(n + sizeof v);
    std::memcpy(c.bytes.data() + n, &v, sizeof v);
  }
  std::vector<Column> columns_;
};

}  // namespace sim
