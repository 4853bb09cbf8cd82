#pragma once
// Numbers and text as cells of the compare summary tables (CSV for programs, Markdown for
// people), shared by summary.csv/runs.csv and both layouts of summary.md.
#include <string>

namespace sim::compare {

std::string csv_number(double v);          // 12 significant digits, NA for NaN, never "-0"
std::string md_number(double v);           // 4 significant digits, n/a for NaN
std::string csv_text(const std::string&);  // quoted when it holds , " or a line break
std::string md_text(const std::string&);   // '|' escaped, line breaks as "; "
std::string percent(double level);         // 0.95 -> "95%"

}  // namespace sim::compare
