// The PDF document model that the rules in rules/pdf/ read: what a PDF says about its own
// accessibility (ISO 32000-1 section 14.7 logical structure, 14.8 tagged PDF, 14.9 accessibility
// support; ISO 14289-1, PDF/UA-1), read with qpdf (objects, structure, fonts, forms, outline,
// encryption) and poppler (the text a reader would extract, line by line, with font sizes).
//
// The model is plain data: rules stay pure functions of it and never see qpdf or poppler, which
// are linked PRIVATE to this library. ParsePdf() is the only way in; it refuses what it cannot
// read in bounded time and memory (PdfLimits) with an Error that says why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace plainsight::engine::pdf {

// One element of the structure (tag) tree, ISO 32000-1 14.7.2.
struct StructElement {
  std::string type;          // the standard structure type after /RoleMap ("H1", "Figure", "P");
                             // the written type when no mapping reaches a standard type
  std::string written_type;  // /S as written ("Heading1" for a role-mapped custom type)
  std::optional<std::string> alt;          // /Alt (UTF-8), when present, even if empty
  std::optional<std::string> actual_text;  // /ActualText, when present
  std::string title;                       // /T
  std::string lang;                        // /Lang
  std::string scope;    // the /Table attribute owner's /Scope (TH cells): Row, Column, Both
  uint32_t page = 0;    // 1-based page of its content (/Pg, inherited, or of its first
                        // marked-content reference); 0 when unknown
  int32_t parent = -1;  // index in PdfDocument::elements; -1 for top-level elements
  uint32_t depth = 0;   // 0 for top-level elements
  std::vector<uint32_t> children;  // child elements, in order
  uint32_t content_items = 0;      // marked-content sequences and objects it holds directly
  std::string path;  // "Document/Sect[2]/Figure[1]": types and 1-based positions among
                     // siblings of the same written type, from the top
};

// One page of the document.
struct PdfPage {
  uint32_t number = 0;          // 1-based
  bool read = false;            // false when past PdfLimits::max_pages_read (counts below are 0)
  uint32_t text_chars = 0;      // non-space characters of the text poppler extracts
  uint32_t images = 0;          // image XObjects and inline images it draws, through forms
  uint32_t text_operators = 0;  // text-showing operators (Tj, TJ, ', ") in its content
};

// A line of extracted text: words on one baseline, in poppler's reading order.
struct PdfTextLine {
  uint32_t page = 0;    // 1-based
  std::string text;     // UTF-8, words separated by single spaces
  float font_size = 0;  // of most of its characters, in points
  bool bold = false;    // most of its characters are in a font whose name says bold/black/heavy
  float top = 0;        // its box on the page, in points from the top
  float bottom = 0;
  uint32_t words = 0;
};

// How sure we are that a font's character codes map to Unicode (ISO 32000-1 9.10.2; ISO
// 14289-1 7.21.7; Matterhorn Protocol 10-001).
enum class UnicodeMapping : uint8_t {
  kMapped,     // a ToUnicode CMap, a predefined encoding, standard glyph names, or a predefined
               // CMap / Adobe character collection for a composite font
  kUncertain,  // a simple font without ToUnicode that uses its built-in encoding or non-standard
               // glyph names: readers may or may not recover the characters
  kUnmapped,   // a composite font with Identity encoding, or a Type 3 font with non-standard
               // glyph names, and no ToUnicode: the characters cannot be recovered
};

struct PdfFont {
  std::string name;      // /BaseFont (subset prefix kept), or the resource name for Type 3
  std::string subtype;   // Type0, Type1, MMType1, TrueType, Type3
  std::string encoding;  // /Encoding name, "dictionary", or "" when absent
  bool has_to_unicode = false;
  bool embedded = false;
  bool symbolic = false;  // FontDescriptor /Flags bit 3
  UnicodeMapping mapping = UnicodeMapping::kMapped;
  std::string reason;       // why kUncertain / kUnmapped, one phrase
  uint32_t first_page = 0;  // the first page whose resources use it
};

// A form field with at least one widget on a page (ISO 32000-1 12.7.3).
struct FormField {
  std::string name;  // fully qualified (/T of the field and its ancestors, dot-separated)
  std::string type;  // /FT: Tx, Btn, Ch, Sig ("" when missing)
  std::optional<std::string> tooltip;     // /TU
  std::optional<std::string> struct_alt;  // /Alt of the structure element holding its widget
  uint32_t page = 0;                      // of its first visible widget
  bool hidden = false;                    // every widget has the Hidden or NoView flag
};

struct Encryption {
  bool encrypted = false;
  int revision = 0;                    // /R of the standard security handler
  std::optional<int64_t> permissions;  // /P
  bool allows_accessibility = true;    // bit 10 of /P (for /R >= 3; bit 5 before), as qpdf reads it
};

struct PdfDocument {
  std::string version;  // from the header, "1.7"
  uint32_t page_count = 0;
  bool marked = false;                    // /MarkInfo /Marked true
  bool suspects = false;                  // /MarkInfo /Suspects true
  bool has_struct_tree = false;           // a /StructTreeRoot dictionary
  std::optional<std::string> lang;        // catalog /Lang
  std::optional<std::string> info_title;  // document information dictionary /Title
  std::optional<std::string> xmp_title;   // XMP metadata dc:title (first alternative)
  std::optional<bool> display_doc_title;  // /ViewerPreferences /DisplayDocTitle
  uint32_t outline_items = 0;             // bookmarks (/Outlines), counted up to a limit
  Encryption encryption;
  std::vector<PdfPage> pages;
  std::vector<StructElement> elements;  // the structure tree, depth first, in document order
  std::vector<uint32_t> top_elements;   // indices of the StructTreeRoot's element children
  std::vector<PdfFont> fonts;           // fonts in page and form resources, once each
  std::vector<FormField> fields;
  std::vector<PdfTextLine> lines;     // in page order
  bool text_extracted = false;        // poppler read the text; when false, text facts are unknown
  std::vector<std::string> warnings;  // what was repaired or left out, for the report

  // The title a reader shows: XMP dc:title, else the information dictionary's /Title; both
  // trimmed; "" when neither is set.
  std::string Title() const;
  // Does any page that was read have text or images?
  bool HasContent() const;
  // Does any page that was read have extractable text?
  bool HasText() const;

  // Is there a tag tree with at least one element?
  bool IsTagged() const { return has_struct_tree && !elements.empty(); }
};

// Bounds that keep hostile or huge files from taking unbounded time or memory. Over a bound
// ParsePdf fails with kTooLarge and says which bound.
struct PdfLimits {
  size_t max_input_bytes = size_t{256} << 20;
  // Objects the cross-reference table may declare (a legitimate 1,000-page report has ~50,000).
  size_t max_objects = 2'000'000;
  // Decoded bytes of all content streams, form XObjects, metadata and structure read, counted
  // as decoded: a few MB of Flate data can expand to gigabytes (a decompression bomb).
  uint64_t max_decoded_bytes = uint64_t{512} << 20;
  // Content a page's drawing goes through, counting each use of a form XObject again: forms
  // that draw forms ten times over, ten deep, are a bomb made of small objects.
  uint64_t max_page_content_bytes = uint64_t{128} << 20;
  uint64_t max_total_content_bytes = uint64_t{1} << 30;
  // Pages whose content and text are read; the structure, fonts and forms of the whole file
  // are always read. Pages past this bound are listed with read = false and a warning.
  uint32_t max_pages_read = 2000;
  uint32_t max_struct_elements = 500'000;
  uint32_t max_struct_depth = 256;
  uint32_t max_outline_items = 100'000;
  size_t max_text_lines = 1'000'000;
};

// Reads a PDF. Fails with kParse when the bytes are not a PDF qpdf can read or repair (saying
// what is wrong), kUnsupported when it is encrypted with a password we do not have, kTooLarge
// over a limit. Never throws.
Result<PdfDocument> ParsePdf(std::string_view bytes, const PdfLimits& limits = {}) noexcept;

// The extracted text for the plain-language analyser: lines joined into paragraphs (a
// paragraph ends where the gap to the next line is larger than the line height, the font size
// changes, or the page ends), paragraphs separated by blank lines.
std::string ParagraphText(const PdfDocument& document);

}  // namespace plainsight::engine::pdf
