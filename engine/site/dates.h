// Dates written in page text, in the forms Irish and EU public-sector pages use:
//   "23 September 2024", "23rd of September, 2024", "September 23, 2024", "Sept. 2024";
//   Irish: "23 Meán Fómhair 2024", "an 23ú Meán Fómhair 2024", "mí na Samhna 2023" (month
//   names in the nominative, the genitive after "mí" and lenited: Mheán Fómhair, Dheireadh
//   Fómhair, an Mhárta, na Bealtaine, an Mheithimh, na Nollag);
//   numeric: "1/3/2025", "01.03.2025", "1-3-2025", ISO 8601 "2025-03-01".
// Interpretation: a numeric date whose two first parts could both be a day or a month is read
// day first, as Ireland and the rest of the EU write it ("1/3/2025" is 1 March); when only the
// second part can be a day ("3/21/2025") it is read month first. A month and year without a
// day ("September 2024") is kept with day 0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight::engine::site {

struct FoundDate {
  int year = 0;
  int month = 0;        // 1-12
  int day = 0;          // 1-31; 0 when only the month and year were written
  std::string text;     // as written
  uint32_t offset = 0;  // byte offset of `text` in the searched text

  // "2024-09-23", or "2024-09" without a day.
  std::string Iso() const;
  // Days since 1970-01-01; a date without a day counts as the first of its month.
  int64_t Days() const;
};

// The dates in `text` (NormaliseText output), in text order, without overlaps. Impossible dates
// (31 June, month 13) and years outside 1995-2100 are left out.
std::vector<FoundDate> FindDates(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int year, int month, int day) noexcept;

// Parses "YYYY-MM-DD" (or the date part of an ISO 8601 timestamp, "2026-12-06T10:15:00Z");
// nullopt when it is not one.
std::optional<FoundDate> ParseIsoDate(std::string_view text);

}  // namespace plainsight::engine::site
