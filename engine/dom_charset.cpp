// Charset sniffing and decoding per the HTML Standard 13.2.3: the BOM, the transport charset, a
// <meta> prescan, then UTF-8 when valid, else windows-1252; bytes are decoded through ICU
// converters.
#include <cstring>

#include <unicode/ucnv.h>

#include "engine/dom.h"
#include "engine/dom_internal.h"
#include "engine/utf8.h"

namespace plainsight::engine {

// ---------------------------------------------------------------------------------------------
// Charset sniffing and decoding (HTML Standard 13.2.3.1-13.2.3.3).

namespace {

// Maps a WHATWG encoding label to the name ICU knows, following the Encoding Standard's
// replacements: latin1 and ascii labels mean windows-1252; UTF-16 from a meta tag means UTF-8.
std::string CanonicalCharset(std::string_view label) {
  std::string l = AsciiLower(TrimWhitespace(label));
  if (l.size() >= 2 && (l.front() == '"' || l.front() == '\'')) {
    l = l.substr(1, l.size() - 2);
  }
  if (l == "utf8" || l == "unicode-1-1-utf-8" || l == "utf-8") {
    return "utf-8";
  }
  if (l == "latin1" || l == "iso-8859-1" || l == "iso8859-1" || l == "us-ascii" || l == "ascii" ||
      l == "ansi_x3.4-1968" || l == "cp1252" || l == "l1" || l == "iso_8859-1" ||
      l == "windows-1252" || l == "x-cp1252") {
    return "windows-1252";
  }
  if (l == "utf-16" || l == "utf-16le" || l == "utf-16be") {
    return l;
  }
  if (l == "x-sjis" || l == "sjis" || l == "ms_kanji") {
    return "shift_jis";
  }
  if (l == "gb2312" || l == "x-gbk" || l == "gbk") {
    return "gbk";
  }
  return l;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (i < n) {
    // ASCII runs, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= n) {
      break;
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    const int len = WellFormedUtf8Length(s, i);
    if (len == 0) {
      return false;
    }
    i += static_cast<size_t>(len);
  }
  return true;
}

// The "get an attribute" prescan of HTML 13.2.3.2, reduced to what finds a charset: looks at
// <meta charset=...> and <meta http-equiv=content-type content="...charset=..."> in the first
// 1024 bytes.
std::string PrescanMetaCharset(std::string_view bytes) {
  std::string_view raw = bytes.substr(0, 1024);
  // Most documents have no "<meta" in any case at all: look before lowercasing a copy.
  bool any_meta = false;
  for (size_t i = raw.find('<'); i != std::string_view::npos && !any_meta;
       i = raw.find('<', i + 1)) {
    any_meta = EqualsIgnoreCase(raw.substr(i + 1, 4), "meta");
  }
  if (!any_meta) {
    return {};
  }
  std::string head = AsciiLower(raw);
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) {
      end = head.size();
    }
    std::string_view tag(head.data() + pos, end - pos);
    pos = end;
    size_t cs = tag.find("charset");
    while (cs != std::string_view::npos) {
      size_t i = cs + 7;
      while (i < tag.size() && IsAsciiSpace(tag[i])) {
        ++i;
      }
      if (i < tag.size() && tag[i] == '=') {
        ++i;
        while (i < tag.size() && IsAsciiSpace(tag[i])) {
          ++i;
        }
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
          ++i;
        }
        size_t start = i;
        while (i < tag.size() && !IsAsciiSpace(tag[i]) && tag[i] != '"' && tag[i] != '\'' &&
               tag[i] != ';' && tag[i] != '/') {
          ++i;
        }
        if (i > start) {
          std::string found = CanonicalCharset(tag.substr(start, i - start));
          // A meta tag cannot switch to UTF-16 (the bytes were read as ASCII-compatible).
          if (found.rfind("utf-16", 0) == 0) {
            return "utf-8";
          }
          return found;
        }
      }
      cs = tag.find("charset", cs + 7);
    }
  }
  return {};
}

}  // namespace

namespace dom_internal {

Result<std::string> ConvertWithIcu(std::string_view bytes, const std::string& from) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* source = ucnv_open(from.c_str(), &status);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kParse, "unknown character encoding '" + from + "'");
  }
  status = U_ZERO_ERROR;
  UConverter* target = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    ucnv_close(source);
    return Fail(ErrorCode::kInternal, "ICU has no UTF-8 converter");
  }
  std::string out;
  // Worst case: each input byte becomes a 3-byte replacement or a 3-byte BMP character.
  out.resize(bytes.size() * 3 + 16);
  char* target_ptr = out.data();
  const char* source_ptr = bytes.data();
  status = U_ZERO_ERROR;
  ucnv_convertEx(target, source, &target_ptr, out.data() + out.size(), &source_ptr,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  ucnv_close(source);
  ucnv_close(target);
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kParse,
                std::string("could not decode from ") + from + ": " + u_errorName(status));
  }
  out.resize(target_ptr - out.data());
  return out;
}

}  // namespace dom_internal

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view transport_charset,
                                 std::string* chosen) {
  std::string encoding;
  size_t skip = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB &&
      static_cast<unsigned char>(bytes[2]) == 0xBF) {
    encoding = "utf-8";
    skip = 3;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
             static_cast<unsigned char>(bytes[1]) == 0xFE) {
    encoding = "utf-16le";
    skip = 2;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    encoding = "utf-16be";
    skip = 2;
  }
  if (encoding.empty() && !transport_charset.empty()) {
    encoding = CanonicalCharset(transport_charset);
  }
  if (encoding.empty()) {
    encoding = PrescanMetaCharset(bytes);
  }
  std::string_view body = bytes.substr(skip);
  bool valid_utf8 = false;  // known valid: the fallback below checked it already
  if (encoding.empty()) {
    // Interpretation: HTML leaves the fallback to the user agent (13.2.3.1 step 9); valid UTF-8
    // is taken as UTF-8 (what browsers' detectors conclude), anything else as windows-1252.
    valid_utf8 = IsValidUtf8(body);
    encoding = valid_utf8 ? "utf-8" : "windows-1252";
  }
  if (chosen) {
    *chosen = encoding;
  }
  if (encoding == "utf-8" && (valid_utf8 || IsValidUtf8(body))) {
    return std::string(body);
  }
  auto converted = dom_internal::ConvertWithIcu(body, encoding);
  if (!converted && encoding != "windows-1252") {
    // An unknown label falls back to windows-1252, as a browser would; the caller records it.
    if (chosen) {
      *chosen = "windows-1252";
    }
    return dom_internal::ConvertWithIcu(body, "windows-1252");
  }
  return converted;
}

}  // namespace plainsight::engine
