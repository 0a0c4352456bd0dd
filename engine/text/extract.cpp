// Text extraction: plain text, Markdown, HTML (through engine::Document), DOCX and ODT
// (libarchive for the zip container, libxml2 for the XML). See extract.h.
#include "engine/text/extract.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/utf8.h>

namespace plainsight::engine::text {

const char* BlockKindName(BlockKind kind) noexcept {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "list-item";
    case BlockKind::kTableCell:
      return "table-cell";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCaption:
      return "caption";
  }
  return "paragraph";
}

const char* SourceFormatName(SourceFormat format) noexcept {
  switch (format) {
    case SourceFormat::kPlainText:
      return "text";
    case SourceFormat::kMarkdown:
      return "markdown";
    case SourceFormat::kHtml:
      return "html";
    case SourceFormat::kDocx:
      return "docx";
    case SourceFormat::kOdt:
      return "odt";
  }
  return "text";
}

uint32_t TextBlock::SourceOffset(uint32_t text_offset) const {
  if (map.empty()) {
    return text_offset;
  }
  auto it =
      std::upper_bound(map.begin(), map.end(), text_offset,
                       [](uint32_t off, const OffsetMapping& m) { return off < m.text_offset; });
  if (it == map.begin()) {
    return map.front().source_offset;
  }
  --it;
  return it->source_offset + (text_offset - it->text_offset);
}

std::pair<uint32_t, uint32_t> TextBlock::SourceSpan(uint32_t text_start, uint32_t text_end,
                                                    size_t source_size) const {
  const uint64_t limit = source_size;
  auto cut = [&](uint64_t offset) { return static_cast<uint32_t>(std::min(offset, limit)); };
  const uint32_t start = cut(SourceOffset(text_start));
  if (text_end <= text_start) {
    return {start, start};
  }
  if (map.empty()) {
    return {start, cut(uint64_t{text_end})};
  }
  // Each run [map[k].text_offset, map[k + 1].text_offset) the range touches adds its part.
  uint64_t lo = UINT64_MAX;
  uint64_t hi = 0;
  if (text_start < map.front().text_offset) {
    // Text before the first mapping maps to where that one starts.
    lo = hi = map.front().source_offset;
  }
  auto it =
      std::upper_bound(map.begin(), map.end(), text_start,
                       [](uint32_t off, const OffsetMapping& m) { return off < m.text_offset; });
  if (it != map.begin()) {
    --it;
  }
  for (; it != map.end() && it->text_offset < text_end; ++it) {
    const uint32_t run_end = std::next(it) == map.end() ? text_end : std::next(it)->text_offset;
    const uint32_t from = std::max(it->text_offset, text_start);
    const uint32_t to = std::min(run_end, text_end);
    if (from >= to) {
      continue;
    }
    lo = std::min<uint64_t>(lo, uint64_t{it->source_offset} + (from - it->text_offset));
    hi = std::max<uint64_t>(hi, uint64_t{it->source_offset} + (to - it->text_offset));
  }
  if (lo == UINT64_MAX) {
    return {start, start};
  }
  return {cut(lo), cut(hi)};
}

const std::string& TextBlock::LangAt(uint32_t text_offset) const {
  const std::string* found = &lang;
  for (const LangRun& run : lang_runs) {
    if (run.text_offset > text_offset) {
      break;
    }
    found = &run.lang;
  }
  return *found;
}

void ExtractedText::IndexLines() {
  line_starts_.clear();
  line_starts_.push_back(0);
  const char* data = source.data();
  size_t size = source.size();
  for (const char* p = data; (p = static_cast<const char*>(memchr(p, '\n', size - (p - data))));
       ++p) {
    line_starts_.push_back(static_cast<uint32_t>(p - data + 1));
  }
}

SourcePosition ExtractedText::PositionOf(uint32_t offset) const {
  SourcePosition pos;
  pos.offset = offset;
  if (line_starts_.empty()) {
    pos.line = 1;
    pos.column = offset + 1;
    return pos;
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  pos.line = line;
  pos.column = offset - line_starts_[line - 1] + 1;
  return pos;
}

namespace {

constexpr uint32_t kNoOffset = 0xffffffffu;

// Refuses what is not text: NUL bytes (binary files) and ill-formed UTF-8, naming the place.
Result<void> CheckUtf8Text(std::string_view bytes, const ExtractLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Fail(ErrorCode::kTooLarge, "input is " + std::to_string(bytes.size()) +
                                          " bytes, over the limit of " +
                                          std::to_string(limits.max_input_bytes));
  }
  if (memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    return Fail(ErrorCode::kParse, "input looks binary (it contains NUL bytes), not text");
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  uint32_t line = 1;
  int32_t line_start = 0;
  while (i < length) {
    if (s[i] < 0x80) {  // ASCII fast path
      if (s[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      return Fail(ErrorCode::kParse,
                  "input is not valid UTF-8 (bad byte sequence at byte " + std::to_string(start) +
                      "); convert it to UTF-8 first",
                  std::to_string(line) + ":" + std::to_string(start - line_start + 1));
    }
  }
  return {};
}

size_t SkipBom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

size_t LeadingSpaces(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
    ++i;
  }
  return i;
}

// Length of a list marker ("- ", "* ", "+ ", "• ", "12. ", "3) ") at the start of `s`, or 0.
size_t ListMarkerLength(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
    return 2;
  }
  if (s.substr(0, 4) == "\xE2\x80\xA2 ") {  // U+2022 BULLET
    return 4;
  }
  size_t i = 0;
  while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9') {
    ++i;
  }
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    return i + 2;
  }
  return 0;
}

bool EndsWithSentencePunctuation(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  if (s.empty()) {
    return false;
  }
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',' || c == '"' ||
         c == ')' || (static_cast<unsigned char>(c) >= 0x80);  // closing quotes etc.
}

// Adds the block made of source bytes [start, end) with `blank` ranges (relative to the source)
// turned into spaces; newlines become spaces so that ICU sees one paragraph.
void AddRangeBlock(ExtractedText& out, BlockKind kind, size_t start, size_t end) {
  while (start < end && (out.source[start] == ' ' || out.source[start] == '\t')) {
    ++start;
  }
  while (end > start && (out.source[end - 1] == ' ' || out.source[end - 1] == '\t' ||
                         out.source[end - 1] == '\r' || out.source[end - 1] == '\n')) {
    --end;
  }
  if (end <= start) {
    return;
  }
  TextBlock block;
  block.kind = kind;
  block.text.assign(out.source, start, end - start);
  for (char& c : block.text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  block.lang = out.lang;
  block.map.push_back({0, static_cast<uint32_t>(start)});
  out.blocks.push_back(std::move(block));
}

struct Line {
  size_t start;
  size_t end;  // excluding the newline
  std::string_view view;
};

std::vector<Line> SplitLines(std::string_view s, size_t from) {
  std::vector<Line> lines;
  size_t i = from;
  while (i <= s.size()) {
    size_t nl = s.find('\n', i);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    lines.push_back({i, end, s.substr(i, end - i)});
    if (nl == std::string_view::npos) {
      break;
    }
    i = nl + 1;
  }
  return lines;
}

int CountSpaceSeparatedWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\r';
    if (!space && !in_word) {
      ++words;
    }
    in_word = !space;
  }
  return words;
}

}  // namespace

Result<ExtractedText> ExtractPlainText(std::string_view bytes, const ExtractLimits& limits) {
  if (auto ok = CheckUtf8Text(bytes, limits); !ok) {
    return ok.error();
  }
  ExtractedText out;
  out.format = SourceFormat::kPlainText;
  out.source.assign(bytes);
  out.IndexLines();
  std::vector<Line> lines = SplitLines(out.source, SkipBom(out.source));
  size_t para_start = kNoOffset;
  size_t para_end = 0;
  int para_lines = 0;
  BlockKind para_kind = BlockKind::kParagraph;
  auto flush = [&](bool followed_by_blank) {
    if (para_start == kNoOffset) {
      return;
    }
    BlockKind kind = para_kind;
    std::string_view text(out.source.data() + para_start, para_end - para_start);
    // Interpretation: a lone short line without closing punctuation is a heading ("Who can
    // apply"), so it does not run into the next paragraph's first sentence.
    if (kind == BlockKind::kParagraph && para_lines == 1 && followed_by_blank &&
        !EndsWithSentencePunctuation(text) && CountSpaceSeparatedWords(text) <= 12) {
      kind = BlockKind::kHeading;
    }
    AddRangeBlock(out, kind, para_start, para_end);
    para_start = kNoOffset;
    para_lines = 0;
  };
  for (const Line& line : lines) {
    if (IsBlank(line.view)) {
      flush(true);
      continue;
    }
    size_t indent = LeadingSpaces(line.view);
    size_t marker = ListMarkerLength(line.view.substr(indent));
    if (marker > 0) {
      flush(false);
      // Interpretation: plain text is not Markdown, so the marker ("1.", "-", "•") stays in the
      // item's text; the segmenter does not count it as a word.
      para_start = line.start + indent;
      para_kind = BlockKind::kListItem;
    } else if (para_start == kNoOffset) {
      para_start = line.start;
      para_kind = BlockKind::kParagraph;
    }
    para_end = line.end;
    ++para_lines;
  }
  flush(true);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown. Interpretation: a line-based reading of CommonMark's block structure that covers
// what writers use (headings, lists, quotes, pipe tables, code fences); inline markup is blanked
// to spaces in place so every byte offset stays exact.

namespace {

void BlankRange(std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to && i < s.size(); ++i) {
    if (s[i] != '\n') {
      s[i] = ' ';
    }
  }
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Blanks inline Markdown syntax inside one block's text.
void BlankInlineMarkdown(std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '`') {
      size_t close = s.find('`', i + 1);
      if (close != std::string::npos) {
        BlankRange(s, i, close + 1);  // code is not prose
        i = close + 1;
        continue;
      }
    } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      size_t close = s.find("](", i);
      size_t end = close == std::string::npos ? close : s.find(')', close);
      if (end != std::string::npos) {
        BlankRange(s, i, end + 1);  // an image: its alt text is not part of the prose
        i = end + 1;
        continue;
      }
    } else if (c == '[') {
      size_t close = s.find(']', i + 1);
      if (close != std::string::npos) {
        s[i] = ' ';
        s[close] = ' ';
        if (close + 1 < s.size() && s[close + 1] == '(') {
          size_t end = s.find(')', close + 1);
          if (end != std::string::npos) {
            BlankRange(s, close + 1, end + 1);
          }
        }
        i = close + 1;
        continue;
      }
    } else if (c == '<') {
      size_t end = s.find('>', i + 1);
      if (end != std::string::npos && i + 1 < s.size() &&
          (IsWordByte(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
        std::string_view inner(s.data() + i + 1, end - i - 1);
        if (inner.substr(0, 4) == "http" || inner.find('@') != std::string_view::npos) {
          s[i] = ' ';  // autolink: keep the address, drop the brackets
          s[end] = ' ';
        } else {
          BlankRange(s, i, end + 1);  // inline HTML tag
        }
        i = end + 1;
        continue;
      }
    } else if (c == '*' || c == '_' || c == '~') {
      size_t run = i;
      while (run < s.size() && s[run] == c) {
        ++run;
      }
      bool before_word = i > 0 && IsWordByte(s[i - 1]);
      bool after_word = run < s.size() && IsWordByte(s[run]);
      // Emphasis delimiters touch a word on one side only; snake_case and 2*3 keep theirs.
      if (before_word != after_word || (c == '*' && !before_word && !after_word)) {
        BlankRange(s, i, run);
      }
      i = run;
      continue;
    } else if (c == '\\' && i + 1 < s.size() && !IsWordByte(s[i + 1])) {
      s[i] = ' ';
      i += 2;
      continue;
    }
    ++i;
  }
}

bool IsFence(std::string_view line) {
  line = line.substr(LeadingSpaces(line));
  return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
}

bool IsSetextUnderline(std::string_view line) {
  line = line.substr(LeadingSpaces(line));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  if (line.empty()) {
    return false;
  }
  char c = line[0];
  return (c == '=' || c == '-') &&
         std::all_of(line.begin(), line.end(), [c](char x) { return x == c; });
}

bool IsTableSeparator(std::string_view line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ' && c != '\r' && c != '\t') {
      return false;
    }
  }
  return dash;
}

}  // namespace

Result<ExtractedText> ExtractMarkdown(std::string_view bytes, const ExtractLimits& limits) {
  if (auto ok = CheckUtf8Text(bytes, limits); !ok) {
    return ok.error();
  }
  ExtractedText out;
  out.format = SourceFormat::kMarkdown;
  out.source.assign(bytes);
  out.IndexLines();
  // A working copy in which comments, code and markup are blanked; blocks copy from it.
  std::string blanked = out.source;
  for (size_t open = blanked.find("<!--"); open != std::string::npos;
       open = blanked.find("<!--", open)) {
    size_t close = blanked.find("-->", open + 4);
    size_t end = close == std::string::npos ? blanked.size() : close + 3;
    BlankRange(blanked, open, end);
    open = end;
  }
  std::vector<Line> lines = SplitLines(blanked, SkipBom(blanked));
  size_t para_start = kNoOffset;
  size_t para_end = 0;
  BlockKind para_kind = BlockKind::kParagraph;
  size_t first_block = 0;
  auto flush = [&]() {
    if (para_start != kNoOffset) {
      size_t before = out.blocks.size();
      std::swap(out.source, blanked);  // AddRangeBlock copies from out.source
      AddRangeBlock(out, para_kind, para_start, para_end);
      std::swap(out.source, blanked);
      for (size_t b = before; b < out.blocks.size(); ++b) {
        BlankInlineMarkdown(out.blocks[b].text);
      }
    }
    para_start = kNoOffset;
  };
  bool in_fence = false;
  (void)first_block;
  for (auto& line : lines) {
    if (IsFence(line.view)) {
      flush();
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      continue;
    }
    if (IsBlank(line.view)) {
      flush();
      continue;
    }
    size_t indent = LeadingSpaces(line.view);
    std::string_view rest = line.view.substr(indent);
    if (indent >= 4 && para_start == kNoOffset) {
      continue;  // indented code block
    }
    if (para_start != kNoOffset && para_kind == BlockKind::kParagraph &&
        IsSetextUnderline(line.view)) {
      para_kind = BlockKind::kHeading;
      flush();
      continue;
    }
    if (!rest.empty() && rest[0] == '#') {
      size_t hashes = 0;
      while (hashes < rest.size() && rest[hashes] == '#') {
        ++hashes;
      }
      if (hashes <= 6 && (hashes == rest.size() || rest[hashes] == ' ')) {
        flush();
        size_t end = line.end;
        while (end > line.start + indent + hashes &&
               (blanked[end - 1] == '#' || blanked[end - 1] == ' ' || blanked[end - 1] == '\r')) {
          --end;
        }
        para_start = line.start + indent + hashes;
        para_end = std::max(end, para_start);
        para_kind = BlockKind::kHeading;
        flush();
        continue;
      }
    }
    if (rest.size() >= 3 && IsSetextUnderline(rest) && rest[0] == '-') {
      flush();  // thematic break
      continue;
    }
    if (!rest.empty() && rest[0] == '|') {
      flush();
      if (IsTableSeparator(rest)) {
        continue;
      }
      size_t pos = line.start + indent + 1;
      while (pos < line.end) {
        size_t bar = blanked.find('|', pos);
        size_t cell_end = (bar == std::string::npos || bar > line.end) ? line.end : bar;
        para_start = pos;
        para_end = cell_end;
        para_kind = BlockKind::kTableCell;
        flush();
        pos = cell_end + 1;
      }
      continue;
    }
    if (!rest.empty() && rest[0] == '>') {
      if (para_start == kNoOffset || para_kind != BlockKind::kQuote) {
        flush();
        para_start = line.start + indent + 1;
        para_kind = BlockKind::kQuote;
      } else {
        blanked[line.start + indent] = ' ';
      }
      para_end = line.end;
      continue;
    }
    size_t marker = ListMarkerLength(rest);
    if (marker > 0) {
      flush();
      para_start = line.start + indent + marker;
      para_kind = BlockKind::kListItem;
      para_end = line.end;
      continue;
    }
    if (para_start == kNoOffset) {
      para_start = line.start;
      para_kind = BlockKind::kParagraph;
    }
    para_end = line.end;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTML through the engine's DOM.

namespace {

bool IsBlockElement(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside",   "blockquote", "body",     "caption",    "dd",     "details",
      "dialog",  "div",     "dl",      "dt",         "fieldset", "figcaption", "figure", "footer",
      "form",    "h1",      "h2",      "h3",         "h4",       "h5",         "h6",     "header",
      "hgroup",  "hr",      "legend",  "li",         "main",     "nav",        "ol",     "p",
      "pre",     "section", "summary", "table",      "tbody",    "td",         "tfoot",  "th",
      "thead",   "tr",      "ul",      "menu",       "center",   "search"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

bool IsSkippedElement(const Node& e) {
  static constexpr std::string_view kSkipped[] = {
      "head",   "script", "style",  "template", "noscript", "svg",   "math",
      "iframe", "object", "select", "textarea", "canvas",   "video", "audio"};
  if (std::find(std::begin(kSkipped), std::end(kSkipped), e.tag()) != std::end(kSkipped)) {
    return true;
  }
  if (e.HasAttribute("hidden")) {
    return true;
  }
  // Interpretation: only inline styles are read here (no cascade); a stylesheet that hides
  // text is rare in main content.
  std::string style = AsciiLower(e.AttrOr("style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

std::optional<BlockKind> KindOf(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
    return BlockKind::kHeading;
  }
  if (tag == "li" || tag == "dt" || tag == "dd") {
    return BlockKind::kListItem;
  }
  if (tag == "td" || tag == "th") {
    return BlockKind::kTableCell;
  }
  if (tag == "blockquote") {
    return BlockKind::kQuote;
  }
  if (tag == "figcaption" || tag == "caption") {
    return BlockKind::kCaption;
  }
  if (tag == "p") {
    return BlockKind::kParagraph;
  }
  return std::nullopt;
}

bool IsAsciiSpaceChar(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class HtmlWalker {
 public:
  explicit HtmlWalker(ExtractedText& out) : out_(out) {}

  void Walk(const Node& node, BlockKind kind, const std::string& lang) {
    if (node.IsText()) {
      AppendText(node, kind, lang);
      return;
    }
    if (!node.IsElement()) {
      for (const Node* child : node.children()) {
        Walk(*child, kind, lang);
      }
      return;
    }
    if (IsSkippedElement(node)) {
      return;
    }
    std::string own_lang = lang;
    if (const std::string* l = node.Attr("lang")) {
      own_lang = *l;
    } else if (const std::string* xl = node.Attr("xml:lang")) {
      own_lang = *xl;
    }
    if (node.tag() == "br" || node.tag() == "img" || node.tag() == "input") {
      pending_space_ = !current_.text.empty();
      return;
    }
    bool block = node.ns() == Namespace::kHtml && IsBlockElement(node.tag());
    BlockKind child_kind = kind;
    if (block) {
      Flush();
      if (auto k = KindOf(node.tag())) {
        // A paragraph inside a list item or cell stays a list item or cell.
        if (!(*k == BlockKind::kParagraph && kind != BlockKind::kParagraph)) {
          child_kind = *k;
        }
      }
    }
    for (const Node* child : node.children()) {
      Walk(*child, child_kind, own_lang);
    }
    if (block) {
      Flush();
    }
  }

  void Flush() {
    while (!current_.text.empty() && current_.text.back() == ' ') {
      current_.text.pop_back();
    }
    if (!current_.text.empty()) {
      out_.blocks.push_back(std::move(current_));
    }
    current_ = TextBlock{};
    pending_space_ = false;
  }

 private:
  void AppendText(const Node& node, BlockKind kind, const std::string& lang) {
    const std::string_view data = node.text();
    const std::string& source = out_.source;
    uint32_t pos = node.position().offset;
    // Exact offsets when the source holds the text verbatim (no character references);
    // otherwise each run maps to the node's start.
    bool exact = pos < source.size() && source.compare(pos, data.size(), data) == 0;
    for (size_t i = 0; i < data.size();) {
      if (IsAsciiSpaceChar(data[i])) {
        while (i < data.size() && IsAsciiSpaceChar(data[i])) {
          ++i;
        }
        pending_space_ = !current_.text.empty();
        continue;
      }
      if (current_.text.empty()) {
        current_.kind = kind;
        current_.lang = lang;
        run_lang_ = lang;
      }
      if (pending_space_) {
        current_.text.push_back(' ');
        pending_space_ = false;
      }
      size_t run_end = i;
      while (run_end < data.size() && !IsAsciiSpaceChar(data[run_end])) {
        ++run_end;
      }
      auto text_offset = static_cast<uint32_t>(current_.text.size());
      uint32_t source_offset = exact ? pos + static_cast<uint32_t>(i) : pos;
      bool continues =
          !current_.map.empty() &&
          current_.map.back().source_offset + (text_offset - current_.map.back().text_offset) ==
              source_offset;
      if (!continues) {
        current_.map.push_back({text_offset, source_offset});
      }
      if (lang != run_lang_) {
        current_.lang_runs.push_back({text_offset, lang});
        run_lang_ = lang;
      }
      current_.text.append(data, i, run_end - i);
      i = run_end;
    }
  }

  ExtractedText& out_;
  TextBlock current_;
  std::string run_lang_;  // the language in effect at the end of current_.text
  bool pending_space_ = false;
};

}  // namespace

ExtractedText ExtractFromDocument(const Document& document, const HtmlExtractOptions& options) {
  ExtractedText out;
  out.format = SourceFormat::kHtml;
  out.source = document.source();
  out.lang = document.Lang();
  out.IndexLines();
  const Node* start = document.body() ? document.body() : &document.root();
  if (options.main_content_only) {
    for (const Node* e : document.elements()) {
      if (e->IsHtml("main") || AsciiLower(e->AttrOr("role")) == "main") {
        start = e;
        break;
      }
    }
  }
  std::string lang = out.lang;
  for (const Node* p = start->ParentElement(); p; p = p->ParentElement()) {
    if (const std::string* l = p->Attr("lang")) {
      lang = *l;
      break;
    }
  }
  HtmlWalker walker(out);
  walker.Walk(*start, BlockKind::kParagraph, lang);
  walker.Flush();
  return out;
}

Result<ExtractedText> ExtractHtml(std::string_view bytes, const ExtractLimits& limits,
                                  const HtmlExtractOptions& options) {
  ParseOptions parse;
  parse.max_bytes = limits.max_input_bytes;
  auto doc = Document::ParseHtml(bytes, parse);
  if (!doc) {
    return doc.error();
  }
  return ExtractFromDocument(**doc, options);
}

// ---------------------------------------------------------------------------------------------
// DOCX and ODT.

namespace {

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

}  // namespace

// Reads the named members of a zip held in memory. Members that are absent stay absent from the
// result. A member that expands past max_member_bytes fails with kTooLarge: the limit is applied
// to the bytes actually produced, not to the sizes the (attacker-written) headers declare.
Result<std::vector<std::pair<std::string, std::string>>> ReadZipMembers(
    std::string_view bytes, const std::vector<std::string>& wanted, const ExtractLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Fail(ErrorCode::kTooLarge,
                "file is over the limit of " + std::to_string(limits.max_input_bytes) + " bytes");
  }
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Fail(ErrorCode::kParse,
                std::string("not a zip archive (DOCX and ODT files are zip "
                            "archives): ") +
                    (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
  }
  std::vector<std::pair<std::string, std::string>> found;
  archive_entry* entry = nullptr;
  int entries = 0;
  while (true) {
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) {
      break;
    }
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      if (entries == 0) {
        return Fail(
            ErrorCode::kParse,
            std::string("not a zip archive (DOCX and ODT files are zip archives): ") +
                (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
      }
      return Fail(
          ErrorCode::kParse,
          std::string("damaged zip archive: ") +
              (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
    }
    ++entries;
    const char* name = archive_entry_pathname(entry);
    if (name == nullptr ||
        std::find(wanted.begin(), wanted.end(), std::string(name)) == wanted.end()) {
      continue;
    }
    std::string data;
    char buffer[64 * 1024];
    while (true) {
      la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n < 0) {
        return Fail(ErrorCode::kParse,
                    std::string("cannot decompress ") + name + ": " +
                        (archive_error_string(a.get()) ? archive_error_string(a.get()) : "error"));
      }
      if (n == 0) {
        break;
      }
      if (data.size() + static_cast<size_t>(n) > limits.max_member_bytes) {
        return Fail(ErrorCode::kTooLarge, std::string(name) + " expands to more than " +
                                              std::to_string(limits.max_member_bytes) +
                                              " bytes (a zip bomb?); refused");
      }
      data.append(buffer, static_cast<size_t>(n));
    }
    found.emplace_back(name, std::move(data));
  }
  return found;
}

namespace {

const std::string* FindMember(const std::vector<std::pair<std::string, std::string>>& members,
                              std::string_view name) {
  for (const auto& [n, data] : members) {
    if (n == name) {
      return &data;
    }
  }
  return nullptr;
}

Result<XmlDocPtr> ParseXmlMember(const std::string& data, const char* name) {
  // No network, no entity substitution (so no billion laughs), no DTD loading; libxml2's
  // default limits on depth and text size stay on (no XML_PARSE_HUGE).
  xmlDoc* doc =
      xmlReadMemory(data.data(), static_cast<int>(data.size()), name, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
  if (doc == nullptr) {
    const xmlError* err = xmlGetLastError();
    return Fail(ErrorCode::kParse,
                std::string(name) + " is not well-formed XML" +
                    (err && err->message ? std::string(": ") + err->message : std::string()));
  }
  return XmlDocPtr(doc);
}

bool IsNamed(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST local) == 0;
}

std::string AttrValue(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (xmlStrcmp(a->name, BAD_CAST local) == 0 && a->children && a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return {};
}

const xmlNode* FirstDescendant(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (IsNamed(c, local)) {
      return c;
    }
    if (const xmlNode* d = FirstDescendant(c, local)) {
      return d;
    }
  }
  return nullptr;
}

// Appends a finished block to out, one line of `source` per block.
void AddLineBlock(ExtractedText& out, BlockKind kind, const std::string& text,
                  const std::string& lang) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsAsciiSpaceChar(c)) {
      space = !collapsed.empty();
      continue;
    }
    if (space) {
      collapsed.push_back(' ');
      space = false;
    }
    collapsed.push_back(c);
  }
  if (collapsed.empty()) {
    return;
  }
  TextBlock block;
  block.kind = kind;
  block.lang = lang.empty() ? out.lang : lang;
  block.map.push_back({0, static_cast<uint32_t>(out.source.size())});
  out.source += collapsed;
  out.source.push_back('\n');
  block.text = std::move(collapsed);
  out.blocks.push_back(std::move(block));
}

// WordprocessingML: collects a w:p's text; nested paragraphs (text boxes) are queued.
void CollectDocxRuns(const xmlNode* n, std::string& text, std::string& lang,
                     std::vector<const xmlNode*>& nested) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p")) {
      nested.push_back(c);
      continue;
    }
    if (IsNamed(c, "t")) {
      xmlChar* content = xmlNodeGetContent(c);
      if (content) {
        text += reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
      continue;
    }
    if (IsNamed(c, "tab") || IsNamed(c, "br") || IsNamed(c, "cr")) {
      text.push_back(' ');
      continue;
    }
    if (IsNamed(c, "delText") || IsNamed(c, "instrText") || IsNamed(c, "pPr")) {
      continue;
    }
    if (IsNamed(c, "lang") && lang.empty()) {
      lang = AttrValue(c, "val");
      continue;
    }
    CollectDocxRuns(c, text, lang, nested);
  }
}

void WalkDocx(const xmlNode* n, bool in_cell, ExtractedText& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (!IsNamed(c, "p")) {
      WalkDocx(c, in_cell || IsNamed(c, "tc"), out);
      continue;
    }
    BlockKind kind = in_cell ? BlockKind::kTableCell : BlockKind::kParagraph;
    for (const xmlNode* ppr = c->children; ppr; ppr = ppr->next) {
      if (!IsNamed(ppr, "pPr")) {
        continue;
      }
      if (const xmlNode* style = FirstDescendant(ppr, "pStyle")) {
        std::string val = AsciiLower(AttrValue(style, "val"));
        if (val.rfind("heading", 0) == 0 || val == "title" || val == "subtitle") {
          kind = BlockKind::kHeading;
        } else if (val.rfind("list", 0) == 0) {
          kind = BlockKind::kListItem;
        }
      }
      if (FirstDescendant(ppr, "numPr") && kind == BlockKind::kParagraph) {
        kind = BlockKind::kListItem;
      }
      if (const xmlNode* outline = FirstDescendant(ppr, "outlineLvl")) {
        (void)outline;
        kind = BlockKind::kHeading;
      }
    }
    std::string text;
    std::string lang;
    std::vector<const xmlNode*> nested;
    CollectDocxRuns(c, text, lang, nested);
    AddLineBlock(out, kind, text, lang);
    for (const xmlNode* p : nested) {
      xmlNode wrapper{};
      wrapper.children = const_cast<xmlNode*>(p);
      // Visit the nested paragraph alone: walk a fake parent whose only child is p.
      xmlNode* saved_next = p->next;
      const_cast<xmlNode*>(p)->next = nullptr;
      WalkDocx(&wrapper, in_cell, out);
      const_cast<xmlNode*>(p)->next = saved_next;
    }
  }
}

// ODF text: text nodes, text:s (c spaces), text:tab and text:line-break; nested paragraphs
// (notes, frames) are queued.
void CollectOdtText(const xmlNode* n, std::string& text, std::vector<const xmlNode*>& nested) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) {
        text += reinterpret_cast<const char*>(c->content);
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p") || IsNamed(c, "h")) {
      nested.push_back(c);
    } else if (IsNamed(c, "s") || IsNamed(c, "tab") || IsNamed(c, "line-break")) {
      text.push_back(' ');
    } else if (IsNamed(c, "note-citation")) {
      continue;
    } else {
      CollectOdtText(c, text, nested);
    }
  }
}

void WalkOdt(const xmlNode* n, BlockKind context, ExtractedText& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p") || IsNamed(c, "h")) {
      BlockKind kind = IsNamed(c, "h") ? BlockKind::kHeading : context;
      std::string text;
      std::vector<const xmlNode*> nested;
      CollectOdtText(c, text, nested);
      AddLineBlock(out, kind, text, "");
      for (const xmlNode* p : nested) {
        xmlNode wrapper{};
        wrapper.children = const_cast<xmlNode*>(p);
        xmlNode* saved_next = p->next;
        const_cast<xmlNode*>(p)->next = nullptr;
        WalkOdt(&wrapper, context, out);
        const_cast<xmlNode*>(p)->next = saved_next;
      }
      continue;
    }
    BlockKind child = context;
    if (IsNamed(c, "list-item")) {
      child = BlockKind::kListItem;
    } else if (IsNamed(c, "table-cell")) {
      child = BlockKind::kTableCell;
    }
    WalkOdt(c, child, out);
  }
}

}  // namespace

Result<ExtractedText> ExtractDocx(std::string_view bytes, const ExtractLimits& limits) {
  auto members =
      ReadZipMembers(bytes, {"word/document.xml", "word/styles.xml", "word/settings.xml"}, limits);
  if (!members) {
    return members.error();
  }
  const std::string* body = FindMember(*members, "word/document.xml");
  if (body == nullptr) {
    return Fail(ErrorCode::kParse, "zip archive without word/document.xml: not a DOCX file");
  }
  ExtractedText out;
  out.format = SourceFormat::kDocx;
  if (const std::string* styles = FindMember(*members, "word/styles.xml")) {
    if (auto doc = ParseXmlMember(*styles, "word/styles.xml")) {
      if (const xmlNode* defaults =
              FirstDescendant(xmlDocGetRootElement(doc->get()), "docDefaults")) {
        if (const xmlNode* lang = FirstDescendant(defaults, "lang")) {
          out.lang = AttrValue(lang, "val");
        }
      }
    }
  }
  if (out.lang.empty()) {
    if (const std::string* settings = FindMember(*members, "word/settings.xml")) {
      if (auto doc = ParseXmlMember(*settings, "word/settings.xml")) {
        if (const xmlNode* lang =
                FirstDescendant(xmlDocGetRootElement(doc->get()), "themeFontLang")) {
          out.lang = AttrValue(lang, "val");
        }
      }
    }
  }
  auto doc = ParseXmlMember(*body, "word/document.xml");
  if (!doc) {
    return doc.error();
  }
  WalkDocx(xmlDocGetRootElement(doc->get()), false, out);
  out.IndexLines();
  return out;
}

Result<ExtractedText> ExtractOdt(std::string_view bytes, const ExtractLimits& limits) {
  auto members = ReadZipMembers(bytes, {"content.xml", "meta.xml", "styles.xml"}, limits);
  if (!members) {
    return members.error();
  }
  const std::string* content = FindMember(*members, "content.xml");
  if (content == nullptr) {
    return Fail(ErrorCode::kParse, "zip archive without content.xml: not an ODT file");
  }
  ExtractedText out;
  out.format = SourceFormat::kOdt;
  if (const std::string* meta = FindMember(*members, "meta.xml")) {
    if (auto doc = ParseXmlMember(*meta, "meta.xml")) {
      if (const xmlNode* lang = FirstDescendant(xmlDocGetRootElement(doc->get()), "language")) {
        xmlChar* value = xmlNodeGetContent(lang);
        if (value) {
          out.lang = reinterpret_cast<const char*>(value);
          xmlFree(value);
        }
      }
    }
  }
  if (out.lang.empty()) {
    if (const std::string* styles = FindMember(*members, "styles.xml")) {
      if (auto doc = ParseXmlMember(*styles, "styles.xml")) {
        if (const xmlNode* def =
                FirstDescendant(xmlDocGetRootElement(doc->get()), "default-style")) {
          if (const xmlNode* props = FirstDescendant(def, "text-properties")) {
            out.lang = AttrValue(props, "language");
            std::string country = AttrValue(props, "country");
            if (!out.lang.empty() && !country.empty() && country != "none") {
              out.lang += "-" + country;
            }
          }
        }
      }
    }
  }
  auto doc = ParseXmlMember(*content, "content.xml");
  if (!doc) {
    return doc.error();
  }
  const xmlNode* root = xmlDocGetRootElement(doc->get());
  const xmlNode* body = FirstDescendant(root, "body");
  WalkOdt(body ? body : root, BlockKind::kParagraph, out);
  out.IndexLines();
  return out;
}

Result<ExtractedText> Extract(std::string_view bytes, std::string_view name,
                              const ExtractLimits& limits) {
  std::string ext;
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    ext = AsciiLower(name.substr(dot + 1));
  }
  if (ext == "docx") {
    return ExtractDocx(bytes, limits);
  }
  if (ext == "odt") {
    return ExtractOdt(bytes, limits);
  }
  if (ext == "md" || ext == "markdown") {
    return ExtractMarkdown(bytes, limits);
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml") {
    return ExtractHtml(bytes, limits);
  }
  if (ext == "txt" || ext == "text") {
    return ExtractPlainText(bytes, limits);
  }
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    if (bytes.find("word/document.xml") != std::string_view::npos) {
      return ExtractDocx(bytes, limits);
    }
    if (bytes.find("content.xml") != std::string_view::npos) {
      return ExtractOdt(bytes, limits);
    }
    return Fail(ErrorCode::kUnsupported, "a zip archive that is neither DOCX nor ODT");
  }
  std::string_view head = bytes.substr(SkipBom(bytes), 1024);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '<') {
    std::string lower = AsciiLower(head);
    if (lower.find("<html") != std::string::npos || lower.find("<!doctype") != std::string::npos ||
        lower.find("<body") != std::string::npos || lower.find("<p") != std::string::npos ||
        lower.find("<div") != std::string::npos) {
      return ExtractHtml(bytes, limits);
    }
  }
  return ExtractPlainText(bytes, limits);
}

}  // namespace plainsight::engine::text
