// Shared by the parts of the PDF reader (engine/pdf/*.cpp); not included outside engine/pdf, so
// qpdf stays a private dependency.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "engine/pdf/pdf_document.h"

namespace plainsight::engine::pdf::internal {

// Thrown by the reader's own code (never through qpdf or poppler) when a PdfLimits bound is
// passed; ParsePdf turns it into kTooLarge with this message.
struct LimitExceeded {
  std::string message;
};

// The state of one ParsePdf call.
struct Reader {
  Reader(QPDF& q, const PdfLimits& l, PdfDocument& d) : qpdf(q), limits(l), doc(d) {}

  QPDF& qpdf;
  const PdfLimits& limits;
  PdfDocument& doc;
  uint64_t decoded_bytes = 0;                   // against limits.max_decoded_bytes
  std::map<QPDFObjGen, uint32_t> page_numbers;  // page object -> 1-based number
  std::vector<QPDFObjectHandle> pages;          // in page order
  size_t warnings_dropped = 0;

  // Adds a warning for the report, at most kMaxWarnings of them.
  void Warn(std::string message);
  // The 1-based number of a page object, 0 when it is not a page of the document.
  uint32_t PageNumber(const QPDFObjectHandle& page) const;

  static constexpr size_t kMaxWarnings = 50;
};

// The stream's decoded data (qpdf's generalized filters: Flate, LZW, ASCIIHex, ASCII85,
// RunLength), counted against the decoded-bytes budget. Returns false, with a warning, when the
// data cannot be decoded (what was decoded is kept in `out`). Throws LimitExceeded when the
// stream alone decodes to more than `max_bytes` (which also bounds the memory it takes) or the
// document's streams together pass the budget.
bool DecodeStream(Reader& reader, QPDFObjectHandle stream, std::string& out, uint64_t max_bytes);

// A PDF text string or name as UTF-8 (PDFDocEncoding and UTF-16BE with BOM are converted).
std::string Utf8(QPDFObjectHandle object);
// Type checks that never warn or throw, whatever the object is.
bool IsName(QPDFObjectHandle object, std::string_view name);
std::optional<std::string> TextString(QPDFObjectHandle dict, const char* key);

// For static_assert on the sorted tables that binary searches use (a loop, not std::is_sorted,
// which is constexpr only from C++20: see CMakeLists.txt on why this library may be C++17).
template <size_t N>
constexpr bool IsSortedList(const std::string_view (&list)[N]) {
  for (size_t i = 1; i < N; ++i) {
    if (!(list[i - 1] < list[i])) {
      return false;
    }
  }
  return true;
}

// pdf_content.cpp: per-page images and text operators (through form XObjects and annotation
// appearances), and every font in the resources they use. Pages past limits.max_pages_read are
// listed unread.
void ReadContent(Reader& reader);
// pdf_metadata.cpp: the first dc:title of an XMP metadata stream.
std::optional<std::string> ReadXmpTitle(Reader& reader, const QPDFObjectHandle& metadata);
// pdf_text.cpp: lines of text and per-page character counts from poppler. Returns false (with a
// warning) when poppler cannot read the file.
bool ReadText(Reader& reader, std::string_view bytes);
// pdf_structure.cpp: the structure tree, and form fields with their structure alternates.
void ReadStructure(Reader& reader);
void ReadFormFields(Reader& reader);

}  // namespace plainsight::engine::pdf::internal
