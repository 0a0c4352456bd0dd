// Dates written in page text (dates.h).
#include "engine/site/dates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "engine/site/text_match.h"

namespace plainsight::engine::site {
namespace {

// Each month's names: English (full and abbreviated) and Irish (nominative, genitive and
// lenited forms, with and without the fada).
constexpr std::array<std::string_view, 12> kMonthNames = {
    R"(january|jan|ean[aá]ir)",
    R"(february|feb|f?h?eabhra)",
    R"(march|mar|mh?[aá]rta)",
    R"(april|apr|aibre[aá]i?n)",
    R"(may|bh?ealtaine)",
    R"(june|jun|mh?eith(?:eamh|imh))",
    R"(july|jul|i[uú]il)",
    R"(august|aug|l[uú]nasa)",
    R"(september|sept|sep|mh?e[aá]n fh?[oó]mhair)",
    R"(october|oct|dh?eireadh fh?[oó]mhair)",
    R"(november|nov|sh?amh(?:ain|na))",
    R"(december|dec|nollai?g)",
};

// Full month names only: "may 2024" or "mar 2024" without a day reads as a word too often.
constexpr std::array<std::string_view, 12> kFullMonthNames = {
    R"(january|ean[aá]ir)",
    R"(february|f?h?eabhra)",
    R"(march|mh?[aá]rta)",
    R"(april|aibre[aá]i?n)",
    R"(may|bh?ealtaine)",
    R"(june|mh?eith(?:eamh|imh))",
    R"(july|i[uú]il)",
    R"(august|l[uú]nasa)",
    R"(september|mh?e[aá]n fh?[oó]mhair)",
    R"(october|dh?eireadh fh?[oó]mhair)",
    R"(november|sh?amh(?:ain|na))",
    R"(december|nollai?g)",
};

// Abbreviations taken in a month and year only with their full stop ("Sept. 2024"); "may" has
// none, "mar" and "jan" without the stop are too often words or names.
constexpr std::string_view kAbbreviatedMonths =
    R"(jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

// Is the word before `offset` (spaces, "of" and "the" skipped) a number, possibly with an
// ordinal suffix ("31", "31st", "31ú")?
bool PrecededByNumber(std::string_view text, size_t offset) {
  size_t p = offset;
  for (int words = 0; words < 3; ++words) {
    while (p > 0 && text[p - 1] == ' ') {
      --p;
    }
    size_t end = p;
    while (p > 0 && text[p - 1] != ' ') {
      --p;
    }
    std::string_view word = text.substr(p, end - p);
    if (word.empty()) {
      return false;
    }
    if (word[0] >= '0' && word[0] <= '9') {
      // A day: one or two digits, perhaps with an ordinal suffix ("31", "31st", "31ú"); not a
      // year or a list ("2025," before "Dec. 2024").
      size_t digits = 0;
      while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') {
        ++digits;
      }
      std::string_view suffix = word.substr(digits);
      return digits <= 2 && (suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" ||
                             suffix == "th" || suffix == "ú");
    }
    if (word != "of" && word != "the" && word != "day") {
      return false;
    }
  }
  return false;
}

std::string Alternation(const std::array<std::string_view, 12>& names) {
  std::string out = "(?:";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += '|';
    }
    out += names[i];
  }
  out += ")";
  return out;
}

const std::string& AnyMonth() {
  static const std::string kAny = Alternation(kMonthNames);
  return kAny;
}

int MonthNumber(std::string_view name) {
  static const std::array<Pattern*, 12> kMonths = [] {
    std::array<Pattern*, 12> out{};
    for (size_t i = 0; i < kMonthNames.size(); ++i) {
      // Leaked on purpose: patterns live for the program (no destruction-order hazards).
      out[i] = new Pattern("^(?:" + std::string(kMonthNames[i]) + ")$");
    }
    return out;
  }();
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i]->Search(name)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int ToInt(std::string_view digits) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && ptr == digits.data() + digits.size() ? value : -1;
}

bool IsLeap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int DaysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Valid(int y, int m, int d) {
  return y >= 1995 && y <= 2100 && m >= 1 && m <= 12 && d >= 0 && d <= DaysInMonth(y, m);
}

// Before a date: start of text or a character that is not a letter or digit; the lookbehind RE2
// lacks is written as a consumed prefix, and group 1 marks where the date begins.
constexpr std::string_view kStart = R"((?:^|[^\pL\pN]))";
constexpr std::string_view kEnd = R"((?:[^\pN]|$))";

struct Candidate {
  FoundDate date;
  size_t end = 0;
};

void Add(std::vector<Candidate>& out, std::string_view text, std::string_view whole, int y, int m,
         int d) {
  if (!Valid(y, m, d)) {
    return;
  }
  Candidate c;
  c.date.year = y;
  c.date.month = m;
  c.date.day = d;
  c.date.offset = static_cast<uint32_t>(whole.data() - text.data());
  c.date.text = std::string(whole);
  c.end = c.date.offset + whole.size();
  out.push_back(std::move(c));
}

// Runs `pattern` over the text and hands each match's groups to `take`.
template <typename Take>
void Scan(const Pattern& pattern, std::string_view text, Take take) {
  std::vector<std::string_view> groups;
  size_t pos = 0;
  while (pos < text.size() && pattern.FindGroups(text, pos, groups)) {
    take(groups);
    // Continue after the date itself: the trailing context character may start the next one.
    auto next = static_cast<size_t>(groups[1].data() + groups[1].size() - text.data());
    pos = std::max(next, pos + 1);
  }
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) noexcept {
  // Howard Hinnant's days_from_civil (public domain), for the proleptic Gregorian calendar.
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string FoundDate::Iso() const {
  char buf[16];
  if (day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  }
  return buf;
}

int64_t FoundDate::Days() const {
  return DaysFromCivil(year, month, day > 0 ? day : 1);
}

std::optional<FoundDate> ParseIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int y = ToInt(text.substr(0, 4));
  int m = ToInt(text.substr(5, 2));
  int d = ToInt(text.substr(8, 2));
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m) ||
      (text.size() > 10 && text[10] != 'T')) {
    return std::nullopt;
  }
  FoundDate out;
  out.year = y;
  out.month = m;
  out.day = d;
  out.text = std::string(text.substr(0, 10));
  return out;
}

std::vector<FoundDate> FindDates(std::string_view text) {
  const std::string& month = AnyMonth();
  static const Pattern kDayMonthYear(
      std::string(kStart) +
      R"(((\d{1,2})(?:st|nd|rd|th|ú|u)?(?:\s+(?:day\s+)?of)?\s+(?:(?:m[ií]|mh[ií])\s+)?(?:an\s+|na\s+)?()" +
      month + R"()\.?,?\s+(\d{4})))" + std::string(kEnd));
  static const Pattern kMonthDayYear(std::string(kStart) + R"((()" + month +
                                     R"()\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})))" +
                                     std::string(kEnd));
  // Month and year: a full name, or an abbreviation with its full stop ("Sept. 2024").
  static const Pattern kMonthYear(
      std::string(kStart) + R"(((?:(?:m[ií]|mh[ií])\s+)?(?:an\s+|na\s+)?((?:)" +
      Alternation(kFullMonthNames) + R"()|(?:)" + std::string(kAbbreviatedMonths) +
      R"()\.),?\s+(\d{4})))" + std::string(kEnd));
  static const Pattern kNumeric(std::string(kStart) + R"(((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})))" +
                                std::string(kEnd));
  static const Pattern kIso(std::string(kStart) + R"(((\d{4})-(\d{2})-(\d{2})))" +
                            std::string(kEnd));

  std::vector<Candidate> found;
  Scan(kDayMonthYear, text, [&](const std::vector<std::string_view>& g) {
    Add(found, text, g[1], ToInt(g[4]), MonthNumber(g[3]), ToInt(g[2]));
  });
  Scan(kMonthDayYear, text, [&](const std::vector<std::string_view>& g) {
    Add(found, text, g[1], ToInt(g[4]), MonthNumber(g[2]), ToInt(g[3]));
  });
  Scan(kIso, text, [&](const std::vector<std::string_view>& g) {
    Add(found, text, g[1], ToInt(g[2]), ToInt(g[3]), ToInt(g[4]));
  });
  Scan(kNumeric, text, [&](const std::vector<std::string_view>& g) {
    int a = ToInt(g[2]);
    int b = ToInt(g[3]);
    int y = ToInt(g[4]);
    // Day first unless only the second part can be a day (see the header).
    if (a >= 1 && a <= 12 && b > 12) {
      Add(found, text, g[1], y, a, b);
    } else if (a >= 1) {
      Add(found, text, g[1], y, b, a);
    }
  });
  Scan(kMonthYear, text, [&](const std::vector<std::string_view>& g) {
    std::string_view name = g[2];
    if (!name.empty() && name.back() == '.') {
      name.remove_suffix(1);
    }
    // English writes month names with a capital: "you may 2024" is a verb, "May 2024" a date.
    if (name == "may") {
      return;
    }
    // A number before the month: the date had a day, and was impossible ("31 June 2024").
    if (PrecededByNumber(text, static_cast<size_t>(g[1].data() - text.data()))) {
      return;
    }
    Add(found, text, g[1], ToInt(g[3]), MonthNumber(name), 0);
  });
  // Earlier start first, then the longer (more precise) match; drop overlaps.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.date.offset != b.date.offset) {
      return a.date.offset < b.date.offset;
    }
    return a.end > b.end;
  });
  std::vector<FoundDate> out;
  size_t covered = 0;
  for (Candidate& c : found) {
    if (c.date.offset < covered) {
      continue;
    }
    covered = c.end;
    out.push_back(std::move(c.date));
  }
  return out;
}

}  // namespace plainsight::engine::site
