// Text extraction: plain text and Markdown (a line-based reading of CommonMark's block
// structure), positions in the source, and the choice of extractor by name and content (Extract).
// HTML is extract_html.cpp, DOCX and ODT extract_office.cpp. See extract.h.
#include "engine/text/extract.h"

#include <algorithm>
#include <cstring>

#include <unicode/utf8.h>

#include "engine/ascii.h"

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
