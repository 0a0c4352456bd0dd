// Text extraction from HTML (see extract.h): the visible text of a parsed engine::Document in
// blocks (HTML Living Standard 4.4 grouping content, 4.3 headings, 4.9 tables: paragraphs,
// headings, list items, cells, quotes, captions), skipping what is not rendered (head, script,
// style, template, [hidden], inline display:none; HTML 15.3.1) and following the lang attribute
// of every element (HTML 3.2.6.2). ExtractHtml parses bytes with the engine's HTML parser first.
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "engine/ascii.h"
#include "engine/dom.h"
#include "engine/text/extract.h"

namespace plainsight::engine::text {

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
      if (IsAsciiSpace(data[i])) {
        while (i < data.size() && IsAsciiSpace(data[i])) {
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
      while (run_end < data.size() && !IsAsciiSpace(data[run_end])) {
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

}  // namespace plainsight::engine::text
