#include "sim/compare/table_text.hpp"

#include <cmath>
#include <cstdio>

namespace sim::compare {

std::string csv_number(double v) {
  if (std::isnan(v)) return "NA";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", v == 0 ? 0.0 : v);  // no "-0"
  return buf;
}

std::string md_number(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.4g", v == 0 ? 0.0 : v);
  return buf;
}

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string md_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "; ";
    else
      out += c;
  }
  return out;
}

std::string percent(double level) {
  return std::to_string(static_cast<int>(std::lround(level * 100))) + "%";
}

}  // namespace sim::compare
