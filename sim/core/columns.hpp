#pragma once
// Extra columns of a structure-of-arrays table, declared by the code that needs them (a
// mechanism that keeps one number per member) rather than in the table's own definition.
// A table holds one ColumnSet; adding, compacting and copying rows go through it, so a
// declared column is carried everywhere the table's own columns are.
#include <cstdint>
#include <memory>
#include <source_location>
#include <vector>

#include "sim/core/declarations.hpp"

namespace sim {

class ColumnBase {
 public:
  virtual ~ColumnBase() = default;
  virtual std::unique_ptr<ColumnBase> clone() const = 0;
  virtual std::unique_ptr<ColumnBase> empty() const = 0;
  virtual void push_initial() = 0;
  virtual void push_from(const ColumnBase& source, std::size_t row) = 0;
  virtual void move_row(std::size_t from, std::size_t to) = 0;
  virtual void resize(std::size_t rows) = 0;
};

template <class T>
class Column final : public ColumnBase {
 public:
  explicit Column(T initial) : initial_(initial) {}
  std::vector<T> values;

  std::unique_ptr<ColumnBase> clone() const override { return std::make_unique<Column>(*this); }
  std::unique_ptr<ColumnBase> empty() const override { return std::make_unique<Column>(initial_); }
  void push_initial() override { values.push_back(initial_); }
  void push_from(const ColumnBase& source, std::size_t row) override {
    values.push_back(static_cast<const Column&>(source).values[row]);
  }
  void move_row(std::size_t from, std::size_t to) override { values[to] = values[from]; }
  void resize(std::size_t rows) override { values.resize(rows, initial_); }

 private:
  T initial_;
};

// A typed handle on a declared column: `set[key]` is its std::vector<T>.
template <class T>
struct ColumnKey {
  std::uint32_t slot = 0;
};

// The declared extra columns of one kind of table (e.g. memberships), and one instance.
class ColumnSet {
 public:
  using Catalogue = Declarations<std::shared_ptr<const ColumnBase>>;

  ColumnSet() = default;
  explicit ColumnSet(const Catalogue& declared) {
    for (std::size_t i = 0; i < declared.size(); ++i) columns_.push_back(declared.at(i)->empty());
  }
  ColumnSet(const ColumnSet& other) {
    for (const auto& c : other.columns_) columns_.push_back(c->clone());
  }
  ColumnSet& operator=(const ColumnSet& other) {
    if (this != &other) *this = ColumnSet(other);
    return *this;
  }
  ColumnSet(ColumnSet&&) noexcept = default;
  ColumnSet& operator=(ColumnSet&&) noexcept = default;

  template <class T>
  std::vector<T>& operator[](ColumnKey<T> key) {
    return static_cast<Column<T>&>(*columns_.at(key.slot)).values;
  }
  template <class T>
  const std::vector<T>& operator[](ColumnKey<T> key) const {
    return static_cast<const Column<T>&>(*columns_.at(key.slot)).values;
  }

  void push_initial() {
    for (auto& c : columns_) c->push_initial();
  }
  void push_from(const ColumnSet& source, std::size_t row) {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      columns_[i]->push_from(*source.columns_[i], row);
  }
  void move_row(std::size_t from, std::size_t to) {
    for (auto& c : columns_) c->move_row(from, to);
  }
  void resize(std::size_t rows) {
    for (auto& c : columns_) c->resize(rows);
  }

 private:
  std::vector<std::unique_ptr<ColumnBase>> columns_;
};

// Declares a column of `catalogue` with the value every new row starts with.
template <class T>
ColumnKey<T> declare_column(ColumnSet::Catalogue& catalogue, T initial,
                            const std::source_location& where) {
  return {
      static_cast<std::uint32_t>(catalogue.add(std::make_shared<const Column<T>>(initial), where))};
}

}  // namespace sim
