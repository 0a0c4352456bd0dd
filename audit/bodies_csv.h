// BODIES.csv, the list of public bodies a scan covers: a header line naming the columns
// id,name,url and optionally sector and lang (in any order; other columns are ignored with a
// note), then one body per row. RFC 4180: comma-separated, fields may be quoted with '"' (a
// quote inside doubled), quoted fields may hold commas and line breaks; lines end in CRLF or LF;
// UTF-8 with or without a byte order mark.
//
// Bad rows (no id, a duplicate id, no URL, a URL that is not absolute http(s), a row with the
// wrong number of fields) are reported with their line number and left out; the rest are kept.
// A file that is empty, has no usable header or is not UTF-8 text fails; a file whose rows are
// all bad gives an empty list with the problems (the caller says there is nothing to scan).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "store/records.h"

namespace plainsight::audit {

struct BodiesProblem {
  int line = 0;  // 1-based line where the row starts (the header is line 1)
  std::string message;
};

struct BodiesList {
  std::vector<store::Body> bodies;      // in file order
  std::vector<BodiesProblem> problems;  // rows left out, and notes about the file
};

// Parses the file's bytes. Fails with kParse (binary, not UTF-8, no header, no id/name/url
// column, an unclosed quote) or kInvalidArgument (empty); `where` is "line N" when it applies.
engine::Result<BodiesList> ParseBodiesCsv(std::string_view bytes);

}  // namespace plainsight::audit
