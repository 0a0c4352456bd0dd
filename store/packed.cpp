// Packing a page's records as JSON (packed.h). Writing is done by hand: it runs for every page
// a worker stores, and appending to one string is several times cheaper than building a
// nlohmann::json tree and dumping it. Reading, which only reports do, uses nlohmann's parser.
#include "store/packed.h"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "engine/utf8.h"

namespace plainsight::store {
namespace {

using engine::ErrorCode;
using engine::Result;

class Writer {
 public:
  void Open() {
    Separate();
    out_ += '[';
    first_ = true;
  }

  void Close() {
    out_ += ']';
    first_ = false;
  }

  void Int(uint64_t v) {
    Separate();
    out_ += std::to_string(v);
  }

  // Lines and columns, which the views give as 32-bit signed integers (as version 1's columns).
  void Int31(uint32_t v) { Int(v > 0x7fffffffu ? 0x7fffffffu : v); }

  // A JSON string (RFC 8259 section 7) of `s` made valid UTF-8.
  void Text(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    Separate();
    out_ += '"';
    size_t i = 0;
    while (i < s.size()) {
      // A run of printable ASCII other than '"' and '\\' goes as it is, in one append.
      size_t run = i;
      while (run < s.size()) {
        const auto b = static_cast<unsigned char>(s[run]);
        if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') {
          break;
        }
        ++run;
      }
      if (run > i) {
        out_.append(s.substr(i, run - i));
        i = run;
        continue;
      }
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const int n = engine::WellFormedUtf8Length(s, i);
        if (n == 0) {
          out_ += "\xEF\xBF\xBD";
          ++i;
        } else {
          out_.append(s.substr(i, static_cast<size_t>(n)));
          i += static_cast<size_t>(n);
        }
        continue;
      }
      ++i;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case 0:
          out_ += "\xEF\xBF\xBD";
          break;
        default:  // another control character: the runs above take every other byte
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
      }
    }
    out_ += '"';
  }

  std::string Take() { return std::move(out_); }

 private:
  void Separate() {
    if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }

  std::string out_;
  bool first_ = true;
};

engine::Error Damaged(std::string_view what) {
  return {ErrorCode::kParse, "a stored page's " + std::string(what) + " are damaged", ""};
}

// Whether `doc` is an array of records, each an array of `fields` values.
bool IsRecords(const nlohmann::json& doc, size_t fields) {
  return doc.is_array() && std::all_of(doc.begin(), doc.end(), [&](const nlohmann::json& r) {
           return r.is_array() && r.size() == fields;
         });
}

// Typed reads that keep going on a wrong type (the record is then checked as a whole).
std::string Str(const nlohmann::json& v, bool& ok) {
  if (!v.is_string()) {
    ok = false;
    return {};
  }
  return v.get<std::string>();
}

uint32_t U32(const nlohmann::json& v, bool& ok) {
  if (!v.is_number_unsigned() && !v.is_number_integer()) {
    ok = false;
    return 0;
  }
  const int64_t n = v.get<int64_t>();
  if (n < 0 || n > 0xffffffffLL) {
    ok = false;
    return 0;
  }
  return static_cast<uint32_t>(n);
}

template <typename Record, typename Fill>
Result<void> Unpack(std::string_view json, size_t fields, std::string_view what,
                    std::vector<Record>& out, Fill fill) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !IsRecords(doc, fields)) {
    return Damaged(what);
  }
  out.reserve(out.size() + doc.size());
  for (const nlohmann::json& r : doc) {
    bool ok = true;
    Record record = fill(r, ok);
    if (!ok) {
      return Damaged(what);
    }
    out.push_back(std::move(record));
  }
  return {};
}

}  // namespace

std::string PackFindings(const std::vector<FindingRecord>& findings) {
  Writer w;
  w.Open();
  for (const FindingRecord& f : findings) {
    w.Open();
    w.Text(f.rule);
    w.Text(f.outcome);
    w.Text(f.severity);
    w.Text(f.selector);
    w.Int31(f.line);
    w.Int31(f.column);
    w.Text(f.snippet);
    w.Text(f.message);
    w.Text(f.document);
    w.Int(f.span_start);
    w.Int(f.span_end);
    w.Close();
  }
  w.Close();
  return w.Take();
}

std::string PackRuleOutcomes(const std::vector<RuleOutcomeRecord>& rules) {
  std::vector<const RuleOutcomeRecord*> sorted;
  sorted.reserve(rules.size());
  for (const RuleOutcomeRecord& r : rules) {
    sorted.push_back(&r);
  }
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const RuleOutcomeRecord* a, const RuleOutcomeRecord* b) { return a->rule < b->rule; });
  Writer w;
  w.Open();
  for (const RuleOutcomeRecord* r : sorted) {
    w.Open();
    w.Text(r->rule);
    w.Text(r->outcome);
    w.Int(r->passed);
    w.Int(r->failed);
    w.Int(r->cant_tell);
    w.Close();
  }
  w.Close();
  return w.Take();
}

std::string PackTextFindings(const std::vector<TextFindingRecord>& findings) {
  Writer w;
  w.Open();
  for (const TextFindingRecord& t : findings) {
    w.Open();
    w.Text(t.kind);
    w.Text(t.severity);
    w.Int(t.start);
    w.Int(t.end);
    w.Int31(t.line);
    w.Int31(t.column);
    w.Text(t.text);
    w.Text(t.message);
    w.Text(t.suggestion);
    w.Close();
  }
  w.Close();
  return w.Take();
}

size_t CountFailed(const std::vector<FindingRecord>& findings) {
  return static_cast<size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [](const FindingRecord& f) { return f.outcome == "failed"; }));
}

Result<void> UnpackFindings(std::string_view json, std::vector<FindingRecord>& out) {
  return Unpack(json, 11, "findings", out, [](const nlohmann::json& r, bool& ok) {
    FindingRecord f;
    f.rule = Str(r[0], ok);
    f.outcome = Str(r[1], ok);
    f.severity = Str(r[2], ok);
    f.selector = Str(r[3], ok);
    f.line = U32(r[4], ok);
    f.column = U32(r[5], ok);
    f.snippet = Str(r[6], ok);
    f.message = Str(r[7], ok);
    f.document = Str(r[8], ok);
    f.span_start = U32(r[9], ok);
    f.span_end = U32(r[10], ok);
    return f;
  });
}

Result<void> UnpackRuleOutcomes(std::string_view json, std::vector<RuleOutcomeRecord>& out) {
  return Unpack(json, 5, "rule outcomes", out, [](const nlohmann::json& r, bool& ok) {
    RuleOutcomeRecord o;
    o.rule = Str(r[0], ok);
    o.outcome = Str(r[1], ok);
    o.passed = U32(r[2], ok);
    o.failed = U32(r[3], ok);
    o.cant_tell = U32(r[4], ok);
    return o;
  });
}

Result<void> UnpackTextFindings(std::string_view json, std::vector<TextFindingRecord>& out) {
  return Unpack(json, 9, "text findings", out, [](const nlohmann::json& r, bool& ok) {
    TextFindingRecord t;
    t.kind = Str(r[0], ok);
    t.severity = Str(r[1], ok);
    t.start = U32(r[2], ok);
    t.end = U32(r[3], ok);
    t.line = U32(r[4], ok);
    t.column = U32(r[5], ok);
    t.text = Str(r[6], ok);
    t.message = Str(r[7], ok);
    t.suggestion = Str(r[8], ok);
    return t;
  });
}

Result<void> UnpackPage(std::string_view findings_json, std::string_view rules_json,
                        std::string_view text_findings_json, PageRecord& page) {
  if (auto r = UnpackFindings(findings_json, page.findings); !r) {
    return r;
  }
  if (auto r = UnpackRuleOutcomes(rules_json, page.rules); !r) {
    return r;
  }
  return UnpackTextFindings(text_findings_json, page.text_findings);
}

}  // namespace plainsight::store
