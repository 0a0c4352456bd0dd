// Text extraction for the plain-language analyser (issue 3, item 1): plain text, Markdown, HTML
// (visible text only), DOCX (ECMA-376 WordprocessingML, word/document.xml) and ODT (OASIS
// OpenDocument 1.3, content.xml), read with libarchive and libxml2.
//
// The result is a list of blocks (paragraphs, headings, list items, table cells...), each with
// its own text and language, and a map from block text offsets back to byte offsets in the
// source, so that every finding can say where it is (line, column and byte offsets).
//
// Interpretation: for DOCX and ODT the "source" that positions refer to is the extracted text,
// one block per line (XML offsets inside a zip member help nobody); for HTML and Markdown it is
// the decoded file itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/dom.h"
#include "engine/result.h"

namespace plainsight::engine::text {

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kTableCell, kQuote, kCaption };

const char* BlockKindName(BlockKind kind) noexcept;

// Block text offset `text_offset` corresponds to source offset `source_offset`; offsets after it
// (up to the next mapping) advance one for one.
struct OffsetMapping {
  uint32_t text_offset = 0;
  uint32_t source_offset = 0;
};

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;                // UTF-8; line breaks inside the block are turned into spaces
  std::string lang;                // BCP 47 tag from lang / xml:lang / w:lang, "" when undeclared
  std::vector<OffsetMapping> map;  // sorted by text_offset; never empty for a non-empty block

  // Where an inline element switches language (<span lang="ga">): from text_offset on, until
  // the next run, the text is in `lang`. Empty when the whole block is in `lang`.
  struct LangRun {
    uint32_t text_offset = 0;
    std::string lang;
  };

  std::vector<LangRun> lang_runs;

  // The source byte offset of a byte offset in `text`.
  uint32_t SourceOffset(uint32_t text_offset) const;
  // The source range [first, second) that the text [text_start, text_end) came from: the
  // smallest range holding every run of it, cut to `source_size`. Runs need not follow the
  // source's order (the HTML parser moves text, and a run whose node had character references
  // maps to the node's start), so this is the hull of the runs, not the ends' offsets, and
  // first <= second always. Empty text gives an empty range at text_start's offset.
  std::pair<uint32_t, uint32_t> SourceSpan(uint32_t text_start, uint32_t text_end,
                                           size_t source_size) const;
  // The language in effect at a byte offset in `text`.
  const std::string& LangAt(uint32_t text_offset) const;
};

enum class SourceFormat : uint8_t { kPlainText, kMarkdown, kHtml, kDocx, kOdt };

const char* SourceFormatName(SourceFormat format) noexcept;

struct ExtractedText {
  SourceFormat format = SourceFormat::kPlainText;
  std::string source;  // UTF-8 text that offsets, lines and columns refer to
  std::string lang;    // the document's declared language, "" when undeclared
  std::vector<TextBlock> blocks;

  // 1-based line and column (bytes) of a byte offset in `source`.
  SourcePosition PositionOf(uint32_t offset) const;

  // Fills the line index used by PositionOf; the extractors call it.
  void IndexLines();

 private:
  std::vector<uint32_t> line_starts_;
};

// Limits that keep hostile input bounded. A DOCX or ODT member that expands beyond
// max_member_bytes (a zip bomb) is refused with kTooLarge, whatever its header declares.
struct ExtractLimits {
  size_t max_input_bytes = size_t{256} << 20;
  size_t max_member_bytes = size_t{64} << 20;
};

// Reads the named members of a zip archive held in memory (libarchive), bounded as the DOCX and
// ODT extractors are: kTooLarge when the file is over max_input_bytes or a member expands past
// max_member_bytes (counted on the bytes actually produced, not the sizes the headers declare:
// a zip bomb is refused), kParse when the bytes are not a zip or it is damaged. Members that are
// absent are absent from the result, which is in archive order. Shared with engine/office.
Result<std::vector<std::pair<std::string, std::string>>> ReadZipMembers(
    std::string_view bytes, const std::vector<std::string>& wanted, const ExtractLimits& limits);

// Plain UTF-8 text. Paragraphs are separated by blank lines; lines starting with "- ", "* ",
// "• " or "1. " are list items (their marker stays in the text: plain text is not Markdown); a
// short single line without final punctuation is a heading.
// Fails with kParse on invalid UTF-8 (saying where) or binary data (NUL bytes), kTooLarge over
// the limit.
Result<ExtractedText> ExtractPlainText(std::string_view bytes, const ExtractLimits& limits = {});

// CommonMark-ish Markdown: ATX and setext headings, list items, block quotes, table cells;
// fenced and indented code and HTML comments are skipped; inline markup is blanked out in place
// so that offsets stay exact. Same failures as ExtractPlainText.
Result<ExtractedText> ExtractMarkdown(std::string_view bytes, const ExtractLimits& limits = {});

struct HtmlExtractOptions {
  // Only the <main> element (or role=main) when the page has one; the whole body otherwise.
  bool main_content_only = false;
};

// Visible text of a parsed HTML document: skips head, script, style, template, [hidden],
// aria-hidden="true" and inline display:none; honours lang on every element. Never fails.
ExtractedText ExtractFromDocument(const Document& document, const HtmlExtractOptions& options = {});

// Parses HTML bytes (any charset, sniffed as browsers do) and extracts as above.
Result<ExtractedText> ExtractHtml(std::string_view bytes, const ExtractLimits& limits = {},
                                  const HtmlExtractOptions& options = {});

// DOCX: paragraphs of word/document.xml; Heading styles become headings, numbered paragraphs
// list items, w:tc table cells. The language is w:lang from the document defaults or
// w:themeFontLang from word/settings.xml. Fails with kParse when the bytes are not a zip or
// lack word/document.xml, kTooLarge for a member over the limit.
Result<ExtractedText> ExtractDocx(std::string_view bytes, const ExtractLimits& limits = {});

// ODT: text:p, text:h, list items and table cells of content.xml; language from meta.xml
// dc:language. Same failures as ExtractDocx.
Result<ExtractedText> ExtractOdt(std::string_view bytes, const ExtractLimits& limits = {});

// Picks the extractor from the file name's extension (.txt .md .markdown .html .htm .xhtml
// .docx .odt), else by sniffing the bytes (zip magic, leading '<' markup). `name` may be "".
Result<ExtractedText> Extract(std::string_view bytes, std::string_view name,
                              const ExtractLimits& limits = {});

}  // namespace plainsight::engine::text
