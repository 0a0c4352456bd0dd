// CSV output (csv.h).
#include "reports/csv.h"

#include <cmath>
#include <cstdio>

namespace plainsight::reports {

std::string CsvText(std::string_view value) {
  std::string cell;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    cell += '\'';
  }
  cell.append(value);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    return cell;
  }
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') {
      quoted += "\"\"";
    } else {
      quoted += c;
    }
  }
  quoted += '"';
  return quoted;
}

void CsvRow::Separator() {
  if (!first_) {
    out_ << ',';
  }
  first_ = false;
}

CsvRow& CsvRow::Text(std::string_view value) {
  Separator();
  out_ << CsvText(value);
  return *this;
}

CsvRow& CsvRow::Number(double value, int decimals) {
  Separator();
  if (std::isfinite(value)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    out_ << buf;
  }
  return *this;
}

CsvRow& CsvRow::Number(std::optional<double> value, int decimals) {
  if (!value) {
    Separator();
    return *this;
  }
  return Number(*value, decimals);
}

CsvRow& CsvRow::Integer(long long value) {
  Separator();
  out_ << value;
  return *this;
}

void CsvRow::End() {
  out_ << "\r\n";
  first_ = true;
}

}  // namespace plainsight::reports
