#include "sim/output/table.hpp"

namespace sim {

std::size_t column_width(ColumnType type) {
  switch (type) {
    case ColumnType::u8:
    case ColumnType::code:
      return 1;
    case ColumnType::u32:
    case ColumnType::f32:
      return 4;
    case ColumnType::i64:
    case ColumnType::f64:
      return 8;
  }
  return 8;
}

TableRows::TableRows(const TableSpec& spec) {
  columns_.reserve(spec.columns.size());
  for (const auto& c : spec.columns)
    columns_.push_back(Column{c.type, column_width(c.type), c.codes.size(), {}});
}

void TableRows::add_row(std::initializer_list<double> values) {
  if (values.size() != columns_.size())
    throw std::invalid_argument("table row of " + std::to_string(values.size()) + " values for " +
                                std::to_string(columns_.size()) + " columns");
  std::size_t i = 0;
  for (double v : values) add(i++, v);
}

bool TableRows::same_layout(const TableRows& other) const {
  if (other.columns_.size() != columns_.size()) return false;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (other.columns_[i].type != columns_[i].type || other.columns_[i].codes != columns_[i].codes)
      return false;
  return true;
}

void TableRows::append(const TableRows& more) {
  if (!same_layout(more)) throw std::invalid_argument("table rows of another table's columns");
  for (std::size_t i = 0; i < columns_.size(); ++i)
    columns_[i].bytes.insert(columns_[i].bytes.end(), more.columns_[i].bytes.begin(),
                             more.columns_[i].bytes.end());
}

std::size_t TableRows::rows() const {
  return columns_.empty() ? 0 : columns_[0].bytes.size() / columns_[0].width;
}

bool TableRows::complete() const {
  const std::size_t n = rows();
  for (const auto& c : columns_)
    if (c.bytes.size() != n * c.width) return false;
  return true;
}

void TableRows::clear() {
  for (auto& c : columns_) c.bytes.clear();
}

}  // namespace sim
