// The word-processing document model that the rules in rules/office/ read, the same for DOCX
// (ECMA-376 / ISO/IEC 29500 WordprocessingML) and ODT (OASIS OpenDocument 1.3): the facts an
// accessibility check of a text document needs (title, language, paragraphs with their style,
// headings, font sizes and emphasis; images and shapes with their alternative text; tables with
// their header rows; links with their text).
//
// Plain data: rules stay pure functions of it. The zip container is read with the text
// extractor's bounded reader (engine/text/extract.h: ReadZipMembers, which refuses zip bombs by
// the bytes a member actually expands to) and the XML with libxml2 (no network, no entities).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace plainsight::engine::office {

enum class OfficeFormat : uint8_t { kDocx, kOdt };

// "docx", "odt".
const char* OfficeFormatName(OfficeFormat format) noexcept;

// A run of text whose emphasis is colour alone: a text colour or highlight that differs from
// its paragraph's, with nothing else (bold, italic, underline, capitals, a larger size) that
// differs too (WCAG 1.4.1).
struct ColourRun {
  std::string text;
  std::string colour;  // "#FF0000", or "highlight yellow"
  bool link = false;   // the run is (part of) a link
};

struct Paragraph {
  uint32_t index = 0;     // 1-based, in document order, counting paragraphs in tables and frames
  std::string text;       // UTF-8, white space collapsed
  std::string style;      // the paragraph style's display name ("heading 1", "Heading 1", "P1"); ""
                          // for the default
  int heading_level = 0;  // 1..10 when marked up as a heading (heading style, outline
                          // level, text:h); 0 otherwise
  bool title_style = false;  // the "Title" paragraph style
  bool in_table = false;
  bool list_item = false;
  float font_size = 0;      // points, of most of its characters; 0 when unknown
  float min_font_size = 0;  // the smallest size of any of its non-space characters
  bool bold = false;        // all of its non-space characters are bold
  bool italic = false;      // all of its non-space characters are italic
  uint32_t words = 0;
  std::vector<ColourRun> colour_only;
};

enum class ObjectKind : uint8_t {
  kPicture,  // a raster or vector image
  kChart,
  kDiagram,  // SmartArt and embedded objects
  kShape,    // a drawing shape without text
  kTextBox,  // a shape or frame that holds text (its text is read, it needs no alternative)
};

// "picture", "chart", "diagram", "shape", "text box".
const char* ObjectKindName(ObjectKind kind) noexcept;

struct DrawingObject {
  uint32_t index = 0;  // 1-based, in document order
  ObjectKind kind = ObjectKind::kPicture;
  std::string name;                  // "Picture 1" (wp:docPr name, draw:name)
  std::optional<std::string> alt;    // description (wp:docPr descr, v:shape alt, svg:desc)
  std::optional<std::string> title;  // wp:docPr title, svg:title
  bool decorative = false;           // marked decorative (Word's adec:decorative, LibreOffice's
                                     // loext:decorative)
  uint32_t paragraph = 0;            // the paragraph that anchors it (0: none)
};

struct Table {
  uint32_t index = 0;  // 1-based, in document order
  uint32_t rows = 0;
  uint32_t columns = 0;     // the most cells in a row (spans counted)
  bool header_row = false;  // its first row is marked as a header row (w:tblHeader,
                            // table:table-header-rows)
  bool nested = false;      // inside another table's cell
  uint32_t first_paragraph = 0;
  std::string first_cell;  // text of its first cell, shortened
};

struct Link {
  uint32_t index = 0;  // 1-based
  std::string text;    // white space collapsed
  std::string target;  // URL or bookmark, "" when unknown
  uint32_t paragraph = 0;
};

struct OfficeDocument {
  OfficeFormat format = OfficeFormat::kDocx;
  std::optional<std::string> title;  // docProps/core.xml or meta.xml dc:title
  std::string lang;                  // the document's default language ("" when none is declared)
  std::string lang_source;           // where it was declared ("w:docDefaults", "dc:language", ...)
  float body_font_size = 0;          // of the default paragraph style, in points; 0 when unknown
  std::vector<Paragraph> paragraphs;
  std::vector<DrawingObject> objects;
  std::vector<Table> tables;
  std::vector<Link> links;
  uint32_t words = 0;
  std::vector<std::string> warnings;

  // Does it have any text, object or table?
  bool HasContent() const;
  // The paragraph with this 1-based index, or nullptr.
  const Paragraph* ParagraphAt(uint32_t index) const;
};

struct OfficeLimits {
  size_t max_input_bytes = size_t{256} << 20;
  size_t max_member_bytes = size_t{64} << 20;  // what one XML part may expand to
  size_t max_paragraphs = 1'000'000;
  uint32_t max_depth = 256;  // element nesting walked (libxml2 refuses deeper than 256 too)
};

// Reads a DOCX or ODT. Fails with kParse when the bytes are not a zip or lack the main part
// (word/document.xml, content.xml) or the part is not well-formed XML, kTooLarge when the file
// or a part expands past a limit (a zip bomb). Never throws.
Result<OfficeDocument> ParseDocx(std::string_view bytes, const OfficeLimits& limits = {}) noexcept;
Result<OfficeDocument> ParseOdt(std::string_view bytes, const OfficeLimits& limits = {}) noexcept;

// The same from the package's parts, already unzipped: part path -> XML ("word/document.xml",
// "word/styles.xml", "docProps/core.xml"; "content.xml", "styles.xml", "meta.xml").
using Parts = std::map<std::string, std::string>;
Result<OfficeDocument> ParseDocxParts(const Parts& parts, const OfficeLimits& limits = {}) noexcept;
Result<OfficeDocument> ParseOdtParts(const Parts& parts, const OfficeLimits& limits = {}) noexcept;

}  // namespace plainsight::engine::office
