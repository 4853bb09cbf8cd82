#pragma once
// A catalogue filled by declarations spread over many source files (parameters, metrics,
// per-member fields), each made once, where the code that uses it lives. Entries register
// themselves during static initialisation, whose order across files the language leaves
// open; so the catalogue is read back in source order — by file, then line — which is the
// same in every binary built from the same tree (the CLI, the tests). Within one file,
// declarations keep the order in which they are written.
#include <algorithm>
#include <cstring>
#include <deque>
#include <source_location>
#include <string>
#include <vector>

namespace sim {

template <class Entry>
class Declarations {
 public:
  // Stores a copy of `entry` and returns its stable index (the order of registration,
  // which is not the reading order: use ordered() for listings and output).
  std::size_t add(Entry entry, const std::source_location& where) {
    entries_.push_back({std::move(entry), where.file_name(), where.line()});
    return entries_.size() - 1;
  }

  const Entry& at(std::size_t index) const { return entries_[index].entry; }
  std::size_t size() const { return entries_.size(); }

  // Indices of every entry in source order (file, then line). Call it after static
  // initialisation, once, and keep the result.
  std::vector<std::size_t> ordered() const {
    std::vector<std::size_t> order(entries_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
      const int c = std::strcmp(entries_[a].file, entries_[b].file);
      return c != 0 ? c < 0 : entries_[a].line < entries_[b].line;
    });
    return order;
  }

 private:
  struct Item {
    Entry entry;
    const char* file;
    unsigned line;
  };
  std::deque<Item> entries_;  // deque: references stay valid as entries are added
};

}  // namespace sim
