// CSV output (RFC 4180) that is safe to open in a spreadsheet: a text cell that begins with
// "=", "+", "-", "@", a tab or a carriage return is prefixed with an apostrophe, so that a page
// title like =HYPERLINK(...) is shown as text instead of run as a formula (OWASP "CSV
// injection"). Numbers the report computes are written as numbers.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace plainsight::reports {

class CsvRow {
 public:
  explicit CsvRow(std::ostream& out) : out_(out) {}

  // Text from pages, files or people: quoted when needed, neutralised when formula-like.
  CsvRow& Text(std::string_view value);
  // A number the report computed (never neutralised); empty for nullopt.
  CsvRow& Number(double value, int decimals = 1);
  CsvRow& Number(std::optional<double> value, int decimals = 1);
  CsvRow& Integer(long long value);
  void End();

 private:
  void Separator();
  std::ostream& out_;
  bool first_ = true;
};

// The cell as CsvRow::Text writes it (for tests).
std::string CsvText(std::string_view value);

}  // namespace plainsight::reports
