// BODIES.csv parsing (bodies_csv.h). Hand-written: RFC 4180 is a few dozen lines, and no
// Debian C++ CSV library is worth a dependency for a header and five columns.
#include "audit/bodies_csv.h"

#include <unordered_map>
#include <unordered_set>

#include <unicode/utf8.h>

#include "engine/ascii.h"
#include "engine/language_tag.h"
#include "engine/url.h"

namespace plainsight::audit {
namespace {

struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

// Splits into rows of fields. Fails on a quote left open at the end of the file.
engine::Result<std::vector<Row>> SplitRows(std::string_view s) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool in_quotes = false;
  bool field_started = false;  // the row has a field (so a final line without "\n" counts)
  int quote_line = 0;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    // A blank line (one empty field) is not a row.
    if (!(row.fields.size() == 1 && row.fields[0].empty())) {
      rows.push_back(std::move(row));
    }
    row = Row{};
    row.line = line;
    field_started = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') {
          ++line;
        }
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
      field_started = true;
    } else if (c == ',') {
      end_field();
      field_started = true;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;  // CRLF: the LF ends the row
    } else if (c == '\n' || c == '\r') {
      ++line;
      end_row();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) {
    return engine::Fail(engine::ErrorCode::kParse, "a quoted field is never closed",
                        "line " + std::to_string(quote_line));
  }
  if (field_started || !field.empty()) {
    end_row();
  }
  return rows;
}

}  // namespace

engine::Result<BodiesList> ParseBodiesCsv(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument,
                        "the bodies file is empty: it needs a header line id,name,url[,sector]"
                        "[,lang] and one line per body");
  }
  // Binary data and other encodings are refused before parsing, with the line they start on.
  int line = 1;
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, static_cast<int32_t>(bytes.size()), c);
    if (c < 0) {
      return engine::Fail(engine::ErrorCode::kParse,
                          "the bodies file is not UTF-8 text (invalid byte at offset " +
                              std::to_string(at) + "); save it as CSV UTF-8",
                          "line " + std::to_string(line));
    }
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
      return engine::Fail(engine::ErrorCode::kParse,
                          "the bodies file is not a text CSV file (control byte " +
                              std::to_string(c) + " at offset " + std::to_string(at) + ")",
                          "line " + std::to_string(line));
    }
    line += c == '\n';
  }
  auto rows = SplitRows(bytes);
  if (!rows) {
    return rows.error();
  }
  if (rows->empty()) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument, "the bodies file has no lines");
  }
  BodiesList out;
  // Header.
  const Row& header = rows->front();
  std::unordered_map<std::string, size_t> column;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = engine::AsciiLower(engine::TrimWhitespace(header.fields[i]));
    if (name == "id" || name == "name" || name == "url" || name == "sector" || name == "lang") {
      if (!column.emplace(name, i).second) {
        return engine::Fail(engine::ErrorCode::kParse,
                            "the header names the column '" + name + "' twice", "line 1");
      }
    } else {
      out.problems.push_back(
          {header.line, "column '" + std::string(engine::TrimWhitespace(header.fields[i])) +
                            "' is not one plainsight reads (id, name, url, "
                            "sector, lang): ignored"});
    }
  }
  for (const char* required : {"id", "name", "url"}) {
    if (!column.count(required)) {
      return engine::Fail(engine::ErrorCode::kParse,
                          std::string("the header has no '") + required +
                              "' column: the first line must name the columns, e.g. "
                              "id,name,url,sector,lang",
                          "line 1");
    }
  }
  std::unordered_set<std::string> seen;
  for (size_t r = 1; r < rows->size(); ++r) {
    const Row& row = (*rows)[r];
    auto problem = [&](std::string message) {
      out.problems.push_back({row.line, std::move(message)});
    };
    if (row.fields.size() != header.fields.size()) {
      problem("has " + std::to_string(row.fields.size()) + " fields; the header has " +
              std::to_string(header.fields.size()) + ": row left out");
      continue;
    }
    auto get = [&](const char* name) {
      auto it = column.find(name);
      return it == column.end() ? std::string()
                                : std::string(engine::TrimWhitespace(row.fields[it->second]));
    };
    store::Body body{get("id"), get("name"), get("url"), get("sector"), get("lang")};
    if (body.id.empty()) {
      problem("has no id: row left out");
      continue;
    }
    if (body.url.empty()) {
      problem("body '" + body.id + "' has no URL: row left out");
      continue;
    }
    auto url = engine::ParseUrl(body.url);
    if (!url || (url->scheme != "http" && url->scheme != "https") || !url->host ||
        url->host->empty()) {
      problem("body '" + body.id + "': '" + body.url +
              "' is not an absolute http:// or https:// URL: row left out");
      continue;
    }
    if (!seen.insert(body.id).second) {
      problem("id '" + body.id + "' is used by an earlier row: row left out");
      continue;
    }
    body.url = url->Serialize();
    if (body.name.empty()) {
      body.name = *url->host;
    }
    if (!body.lang.empty() && !engine::IsValidLanguageTag(body.lang)) {
      problem("body '" + body.id + "': lang '" + body.lang +
              "' is not a valid language tag (en, ga, en-IE): ignored");
      body.lang.clear();
    }
    out.bodies.push_back(std::move(body));
  }
  return out;
}

}  // namespace plainsight::audit
