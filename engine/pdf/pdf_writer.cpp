// The example PDF writer: see pdf_writer.h.
#include "engine/pdf/pdf_writer.h"

#include <cctype>
#include <cstdio>
#include <map>

namespace plainsight::engine::pdf {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Reads "N G obj" at `pos` (after whitespace); on success sets number and moves pos past "obj".
bool ReadObjectHeader(std::string_view s, size_t& pos, long& number) {
  size_t p = pos;
  while (p < s.size() && IsSpace(s[p])) {
    ++p;
  }
  size_t start = p;
  while (p < s.size() && IsDigit(s[p])) {
    ++p;
  }
  if (p == start || p - start > 9) {
    return false;
  }
  number = std::stol(std::string(s.substr(start, p - start)));
  while (p < s.size() && IsSpace(s[p])) {
    ++p;
  }
  size_t gen = p;
  while (p < s.size() && IsDigit(s[p])) {
    ++p;
  }
  if (p == gen) {
    return false;
  }
  while (p < s.size() && IsSpace(s[p])) {
    ++p;
  }
  if (s.substr(p, 3) != "obj") {
    return false;
  }
  pos = p + 3;
  return true;
}

// Fills in /Length for a stream whose dictionary lacks one.
std::string FixStreamLength(std::string_view body) {
  size_t kw = body.find("stream");
  if (kw == std::string_view::npos || body.substr(0, kw).find("endstream") != std::string::npos) {
    return std::string(body);
  }
  size_t data = kw + 6;
  if (data < body.size() && body[data] == '\r') {
    ++data;
  }
  if (data < body.size() && body[data] == '\n') {
    ++data;
  }
  size_t end = body.rfind("endstream");
  if (end == std::string_view::npos || end < data) {
    return std::string(body);
  }
  size_t data_end = end;
  // The end-of-line before endstream is not part of the data (ISO 32000-1 7.3.8.1).
  if (data_end > data && body[data_end - 1] == '\n') {
    --data_end;
  }
  if (data_end > data && body[data_end - 1] == '\r') {
    --data_end;
  }
  std::string_view dict = body.substr(0, kw);
  if (dict.find("/Length") != std::string_view::npos) {
    return std::string(body);
  }
  size_t open = dict.find("<<");
  if (open == std::string_view::npos) {
    return std::string(body);
  }
  std::string out(body.substr(0, open + 2));
  out += " /Length " + std::to_string(data_end - data);
  out += body.substr(open + 2);
  return out;
}

}  // namespace

std::string WritePdf(std::string_view objects) {
  std::map<long, std::string> bodies;
  std::string trailer_extra;
  size_t pos = 0;
  while (pos < objects.size()) {
    long number = 0;
    size_t after = pos;
    if (ReadObjectHeader(objects, after, number)) {
      size_t end = objects.find("endobj", after);
      std::string_view body = objects.substr(
          after, end == std::string_view::npos ? std::string_view::npos : end - after);
      bodies[number] = FixStreamLength(body);
      pos = end == std::string_view::npos ? objects.size() : end + 6;
      continue;
    }
    size_t t = objects.find("trailer", pos);
    if (t != std::string_view::npos) {
      std::string_view rest = objects.substr(t + 7);
      size_t open = rest.find("<<");
      size_t close = rest.rfind(">>");
      if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        trailer_extra = std::string(rest.substr(open + 2, close - open - 2));
      }
    }
    break;
  }
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  long size = bodies.empty() ? 1 : bodies.rbegin()->first + 1;
  std::map<long, size_t> offsets;
  for (const auto& [number, body] : bodies) {
    offsets[number] = out.size();
    out += std::to_string(number) + " 0 obj\n";
    std::string_view b = body;
    while (!b.empty() && IsSpace(b.front())) {
      b.remove_prefix(1);
    }
    while (!b.empty() && IsSpace(b.back())) {
      b.remove_suffix(1);
    }
    out += b;
    out += "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(size) + "\n";
  char line[32];
  for (long n = 0; n < size; ++n) {
    auto it = offsets.find(n);
    if (it == offsets.end()) {
      out += "0000000000 65535 f\r\n";
    } else {
      std::snprintf(line, sizeof line, "%010zu 00000 n\r\n", it->second);
      out += line;
    }
  }
  out += "trailer\n<< /Size " + std::to_string(size);
  if (trailer_extra.find("/Root") == std::string::npos) {
    out += " /Root 1 0 R";
  }
  out += " " + trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string ExamplePdf(std::string_view objects) {
  static constexpr std::string_view kDefaults[] = {
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): an object spans literals
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n",
      "4 0 obj << >> stream\n/P << /MCID 0 >> BDC BT /F1 12 Tf 72 770 Td (Bin collection days) "
      "Tj ET EMC\nendstream endobj\n",
      "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> "
      "endobj\n",
  };
  bool defined[6] = {};
  size_t pos = 0;
  while (pos < objects.size()) {
    size_t after = pos;
    long number = 0;
    if (ReadObjectHeader(objects, after, number)) {
      if (number >= 1 && number <= 5) {
        defined[number] = true;
      }
      size_t end = objects.find("endobj", after);
      pos = end == std::string_view::npos ? objects.size() : end + 6;
    } else {
      break;
    }
  }
  std::string all;
  for (int n = 1; n <= 5; ++n) {
    if (!defined[n]) {
      all += kDefaults[n - 1];
    }
  }
  all += objects;
  return WritePdf(all);
}

std::string PdfLiteral(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '\\' || c == '(' || c == ')') {
      out += '\\';
    }
    out += c;
  }
  out += ')';
  return out;
}

}  // namespace plainsight::engine::pdf
