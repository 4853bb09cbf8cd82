#pragma once
// The files `commsim compare` writes into its output folder, next to the run files:
//   summary.csv  one row per metric x arm (x sweep point): n, mean, sd, CI, difference vs the
//                reference with its Welch CI, df and p, Hedges' g (NaN written as NA)
//   runs.csv     one row per run: run_id, arm, replicate, seed, every headline metric
//   summary.md   the same for people (sim/compare/summary_markdown.hpp)
//   summary.h5   /summary/<column> (the rows of summary.csv), /runs/<column> and
//                /runs/metrics/<metric> (runs.csv), /metrics/name|unit|description, root
//                attributes describing the comparison (docs: README "Comparing arms")
// With a sweep, summary.csv, runs.csv and both tables of summary.h5 gain the columns `point`
// and one named after the swept parameter (summary.csv also `reference_point`); without
// one, the columns are those written before sweeps, in the same order.
// Each is written to a temporary name and renamed, and none holds a time or a path, so the
// same runs give byte-identical summaries.
#include <filesystem>
#include <string>

#include "sim/compare/compare_summary.hpp"
#include "sim/compare/summary_markdown.hpp"

namespace sim::compare {

inline constexpr const char* summary_h5_name = "summary.h5";
inline constexpr const char* summary_md_name = "summary.md";
inline constexpr const char* summary_csv_name = "summary.csv";
inline constexpr const char* runs_csv_name = "runs.csv";
inline constexpr int summary_format_version = 1;

std::string summary_csv(const CompareSummary& s);
std::string runs_csv(const CompareSummary& s);
void write_summary_h5(const std::filesystem::path& path, const CompareSummary& s);

// Writes `text` to `path` through a temporary file renamed into place; OutputError if it cannot.
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

// Writes the four files into `dir`; OutputError when one cannot be written.
void write_summary_files(const std::filesystem::path& dir, const CompareSummary& s);

// Deletes them from `dir` (a summary must not outlive the runs it summarized); OutputError
// when one exists and cannot be removed.
void remove_summary_files(const std::filesystem::path& dir);

}  // namespace sim::compare
