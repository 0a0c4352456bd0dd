// The document model: Gumbo (HTML) and libxml2 (XML) trees converted into engine::Node, with
// charset sniffing per the HTML Standard 13.2.3 and decoding through ICU converters.
#include "engine/dom.h"

#include <algorithm>
#include <cstring>
#include <ranges>

#include <gumbo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>

#include "engine/markup_guards.h"
#include "engine/url.h"
#include "engine/utf8.h"

namespace plainsight::engine {

// ---------------------------------------------------------------------------------------------
// Small string helpers (ASCII only: for markup syntax, never for natural-language text).

bool EqualsIgnoreCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLowerChar(a[i]) != AsciiLowerChar(b[i])) {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> SplitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) {
      ++i;
    }
    size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) {
      ++i;
    }
    if (i > start) {
      out.push_back(s.substr(start, i - start));
    }
  }
  return out;
}

std::string CollapseWhitespace(std::string_view s) {
  // U+00A0 (C2 A0) is not collapsed: accname trims only ASCII whitespace, and a no-break space
  // is a deliberate character. Copies whole runs of non-space characters at a time.
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    while (i < n && IsAsciiSpace(s[i])) {
      ++i;
    }
    const size_t start = i;
    while (i < n && !IsAsciiSpace(s[i])) {
      ++i;
    }
    if (i > start) {
      if (!out.empty()) {
        out.push_back(' ');
      }
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Node

const Node* Node::ParentElement() const {
  return parent_ && parent_->IsElement() ? parent_ : nullptr;
}

const Node* Node::PreviousElementSibling() const {
  if (!parent_) {
    return nullptr;
  }
  const auto& siblings = parent_->children_;
  for (uint32_t i = child_index_; i-- > 0;) {
    if (siblings[i]->IsElement()) {
      return siblings[i];
    }
  }
  return nullptr;
}

const Node* Node::NextElementSibling() const {
  if (!parent_) {
    return nullptr;
  }
  const auto& siblings = parent_->children_;
  for (size_t i = child_index_ + 1; i < siblings.size(); ++i) {
    if (siblings[i]->IsElement()) {
      return siblings[i];
    }
  }
  return nullptr;
}

std::string Node::TextContent() const {
  if (kind_ == NodeKind::kText) {
    return text_;
  }
  std::string out;
  // Iterative walk: documents may be 100,000 levels deep.
  std::vector<const Node*> stack(children_.rbegin(), children_.rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->kind_ == NodeKind::kText) {
      out += n->text_;
    } else if (n->kind_ == NodeKind::kElement) {
      stack.insert(stack.end(), n->children_.rbegin(), n->children_.rend());
    }
  }
  return out;
}

std::string_view Node::StartTagSource() const {
  if (start_tag_length_ == 0 || !document_) {
    return {};
  }
  const std::string& src = document_->source();
  if (position_.offset + start_tag_length_ > src.size()) {
    return {};
  }
  return std::string_view(src).substr(position_.offset, start_tag_length_);
}

bool Node::IsDescendantOf(const Node& ancestor) const {
  for (const Node* p = parent_; p; p = p->parent_) {
    if (p == &ancestor) {
      return true;
    }
  }
  return false;
}

const Node* Node::ClosestHtmlAncestor(std::string_view tag) const {
  for (const Node* p = parent_; p; p = p->parent_) {
    if (p->IsHtml(tag)) {
      return p;
    }
  }
  return nullptr;
}

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

}  // namespace

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
  auto converted = ConvertWithIcu(body, encoding);
  if (!converted && encoding != "windows-1252") {
    // An unknown label falls back to windows-1252, as a browser would; the caller records it.
    if (chosen) {
      *chosen = "windows-1252";
    }
    return ConvertWithIcu(body, "windows-1252");
  }
  return converted;
}

// ---------------------------------------------------------------------------------------------
// URLs: the WHATWG URL parser in engine/url.h, as browsers resolve links.

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  auto resolved = ResolveUrlString(base, reference);
  return resolved ? *resolved : std::string();
}

// ---------------------------------------------------------------------------------------------
// Building documents

namespace {

// Blanks what markup::FindExcessAttributes finds past `max_attributes` in `source` and says so
// in `warnings` (the first few tags by line, then how many more). Returns whether it changed
// anything.
bool CapAttributes(std::string& source, size_t max_attributes, bool html,
                   std::vector<std::string>& warnings) {
  const std::vector<markup::ExcessAttributes> excess =
      markup::FindExcessAttributes(source, max_attributes, html);
  if (excess.empty()) {
    return false;
  }
  markup::BlankRanges(source, excess);
  constexpr size_t kNamed = 3;
  for (size_t i = 0; i < excess.size() && i < kNamed; ++i) {
    const markup::ExcessAttributes& e = excess[i];
    warnings.push_back(
        "line " + std::to_string(e.line) + ": " +
        (e.merged_attributes > 0
             ? "a repeated <html> or <body> tag brings that element's attributes to " +
                   std::to_string(e.merged_attributes)
             : "a tag with " + std::to_string(e.attributes) + " attributes") +
        "; attributes past the first " + std::to_string(max_attributes) +
        " of an element were not read");
  }
  if (excess.size() > kNamed) {
    warnings.push_back(std::to_string(excess.size() - kNamed) +
                       " more tags had attributes past the limit");
  }
  return true;
}

}  // namespace

class DocumentBuilder {
 public:
  DocumentBuilder(Document& doc, const ParseOptions& options, int nesting)
      : doc_(doc), options_(options), nesting_(nesting) {}

  Node* NewNode() {
    if (next_ == capacity_) {
      // The first block is sized from the source (about one node per 24 bytes of markup), so a
      // small page does not construct and destroy hundreds of unused nodes.
      // Blocks double up to kMaxBlock nodes, so that the last one wastes at most that many.
      capacity_ = capacity_ == 0 ? std::clamp<size_t>(doc_.source_.size() / 24, 16, 8192)
                                 : std::min(capacity_ * 2, kMaxBlock);
      doc_.arenas_.push_back(std::make_unique<Node[]>(capacity_));
      block_ = doc_.arenas_.back().get();
      next_ = 0;
    }
    Node* n = &block_[next_++];
    n->document_ = &doc_;
    n->order_ = order_++;
    return n;
  }

  const std::string* InternTag(std::string name) {
    return &*doc_.tag_names_.insert(std::move(name)).first;
  }

  void BuildFromGumbo(const GumboNode* groot);
  void BuildFromXml(xmlDocPtr xdoc);
  void Finish();

 private:
  void AppendChild(Node* parent, Node* child) {
    child->parent_ = parent;
    child->child_index_ = static_cast<uint32_t>(parent->children_.size());
    parent->children_.push_back(child);
  }

  SourcePosition Pos(const GumboSourcePosition& p) const {
    return SourcePosition{p.line, p.column, p.offset};
  }

  void LoadNestedDocuments();

  Document& doc_;
  const ParseOptions& options_;
  int nesting_;

 public:
  // HTML 7.1: an iframe srcdoc document's base URL is its parent document's.
  std::string fallback_base;

 private:
  Node* block_ = nullptr;
  size_t next_ = 0;
  static constexpr size_t kMaxBlock = 65536;
  size_t capacity_ = 0;
  uint32_t order_ = 0;
};

namespace {

std::string GumboTagName(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) {
    std::string name = gumbo_normalized_tagname(el.tag);
    return name;
  }
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  return AsciiLower(std::string_view(piece.data, piece.length));
}

// The names of the tags Gumbo knows, made once for the process (immutable after, so shared by
// every document and thread): an element of a known tag points here, with no hashing or copy.
const std::string* KnownTagName(GumboTag tag) {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names(GUMBO_TAG_UNKNOWN);
    for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
      names[static_cast<size_t>(t)] = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    }
    return names;
  }();
  return tag >= 0 && tag < GUMBO_TAG_UNKNOWN ? &kNames[static_cast<size_t>(tag)] : nullptr;
}

// Gumbo's insertion flags as engine::ParseRepair bits (the others: isindex and <image> are
// rewrites the spec allows; foster parenting is not flagged by Gumbo 0.10).
uint8_t RepairsOf(unsigned flags) {
  uint8_t out = 0;
  auto map = [&](unsigned gumbo_bit, ParseRepair repair) {
    if ((flags & gumbo_bit) != 0) {
      out |= static_cast<uint8_t>(repair);
    }
  };
  map(GUMBO_INSERTION_BY_PARSER, ParseRepair::kNoStartTag);
  map(GUMBO_INSERTION_IMPLICIT_END_TAG, ParseRepair::kNoEndTag);
  map(GUMBO_INSERTION_CONVERTED_FROM_END_TAG, ParseRepair::kFromEndTag);
  map(GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT | GUMBO_INSERTION_ADOPTION_AGENCY_CLONED,
      ParseRepair::kReopened);
  map(GUMBO_INSERTION_ADOPTION_AGENCY_MOVED, ParseRepair::kMovedByParser);
  return out;
}

Namespace FromGumboNamespace(GumboNamespaceEnum ns) {
  switch (ns) {
    case GUMBO_NAMESPACE_HTML:
      return Namespace::kHtml;
    case GUMBO_NAMESPACE_SVG:
      return Namespace::kSvg;
    case GUMBO_NAMESPACE_MATHML:
      return Namespace::kMathMl;
  }
  return Namespace::kOther;
}

}  // namespace

void DocumentBuilder::BuildFromGumbo(const GumboNode* groot) {
  Node* root = NewNode();
  root->kind_ = NodeKind::kDocument;
  doc_.root_ = root;

  // Explicit stack of (gumbo node, our parent, depth): pages can nest 100,000 deep.
  struct Item {
    const GumboNode* g;
    Node* parent;
    int depth;
  };

  std::vector<Item> stack;
  stack.reserve(64);
  const GumboVector& top = groot->v.document.children;
  root->children_.reserve(top.length);
  for (unsigned i = top.length; i-- > 0;) {
    stack.push_back({static_cast<const GumboNode*>(top.data[i]), root, 1});
  }
  bool warned_depth = false;
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* g = item.g;
    Node* parent = item.parent;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& el = g->v.element;
      Node* n = NewNode();
      n->kind_ = NodeKind::kElement;
      n->ns_ = FromGumboNamespace(el.tag_namespace);
      const std::string* known = KnownTagName(el.tag);
      n->tag_ = known != nullptr ? known : InternTag(GumboTagName(el));
      n->position_ = Pos(el.start_pos);
      n->parse_repairs_ = RepairsOf(g->parse_flags);
      n->start_tag_length_ = static_cast<uint32_t>(el.original_tag.length);
      n->attributes_.reserve(el.attributes.length);
      for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
        std::string name = a->name;
        if (n->ns_ == Namespace::kHtml) {
          // Gumbo's tokenizer lowercases attribute names already; this only guards the rule.
          AsciiLowerInPlace(name);
        }
        n->attributes_.push_back(Attribute{std::move(name), a->value});
      }
      Node* child_parent = n;
      if (g->type == GUMBO_NODE_TEMPLATE) {
        // Template contents live in their own fragment, outside the document's tree.
        Node* fragment = NewNode();
        fragment->kind_ = NodeKind::kDocument;
        n->template_content_ = fragment;
        child_parent = fragment;
      }
      // At most one child per Gumbo child (adjacent text merges): one allocation, no regrowth.
      child_parent->children_.reserve(el.children.length);
      int depth = item.depth;
      if (depth >= options_.max_depth) {
        // Deviation from the HTML tree: beyond max_depth, children are attached to this element's
        // parent so that later stages (styles, names) stay bounded. Browsers cap depth similarly.
        if (!warned_depth) {
          doc_.warnings_.push_back("nesting deeper than " + std::to_string(options_.max_depth) +
                                   " elements was flattened");
          warned_depth = true;
        }
        AppendChild(parent, n);
        child_parent = parent;
        --depth;
      } else {
        AppendChild(parent, n);
      }
      for (unsigned i = el.children.length; i-- > 0;) {
        stack.push_back(
            {static_cast<const GumboNode*>(el.children.data[i]), child_parent, depth + 1});
      }
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
               g->type == GUMBO_NODE_CDATA) {
      // Merge adjacent text nodes (Gumbo splits whitespace from text).
      if (!parent->children_.empty() && parent->children_.back()->kind_ == NodeKind::kText) {
        parent->children_.back()->text_ += g->v.text.text;
        continue;
      }
      Node* n = NewNode();
      n->kind_ = NodeKind::kText;
      n->text_ = g->v.text.text;
      n->position_ = Pos(g->v.text.start_pos);
      AppendChild(parent, n);
    } else if (g->type == GUMBO_NODE_COMMENT) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kComment;
      n->text_ = g->v.text.text;
      n->position_ = Pos(g->v.text.start_pos);
      AppendChild(parent, n);
    }
  }
}

void DocumentBuilder::BuildFromXml(xmlDocPtr xdoc) {
  Node* root = NewNode();
  root->kind_ = NodeKind::kDocument;
  doc_.root_ = root;

  struct Item {
    xmlNodePtr x;
    Node* parent;
  };

  std::vector<Item> stack;
  std::vector<xmlNodePtr> kids;
  for (xmlNodePtr c = xdoc->children; c; c = c->next) {
    kids.push_back(c);
  }
  for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
    stack.push_back({*it, root});
  }
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    xmlNodePtr x = item.x;
    if (x->type == XML_ELEMENT_NODE) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kElement;
      std::string ns_uri = x->ns && x->ns->href ? reinterpret_cast<const char*>(x->ns->href) : "";
      if (ns_uri == "http://www.w3.org/2000/svg") {
        n->ns_ = Namespace::kSvg;
      } else if (ns_uri == "http://www.w3.org/1999/xhtml") {
        n->ns_ = Namespace::kHtml;
      } else if (ns_uri == "http://www.w3.org/1998/Math/MathML") {
        n->ns_ = Namespace::kMathMl;
      } else {
        n->ns_ = Namespace::kOther;
      }
      std::string tag = reinterpret_cast<const char*>(x->name);
      if (n->ns_ == Namespace::kHtml) {
        AsciiLowerInPlace(tag);
      }
      n->tag_ = InternTag(std::move(tag));
      n->position_ = SourcePosition{static_cast<uint32_t>(xmlGetLineNo(x)), 1, 0};
      for (xmlAttrPtr a = x->properties; a; a = a->next) {
        std::string name = reinterpret_cast<const char*>(a->name);
        if (a->ns && a->ns->prefix) {
          name = std::string(reinterpret_cast<const char*>(a->ns->prefix)) + ":" + name;
        }
        xmlChar* v = xmlNodeListGetString(xdoc, a->children, 1);
        n->attributes_.push_back(Attribute{name, v ? reinterpret_cast<const char*>(v) : ""});
        xmlFree(v);
      }
      AppendChild(item.parent, n);
      kids.clear();
      for (xmlNodePtr c = x->children; c; c = c->next) {
        kids.push_back(c);
      }
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        stack.push_back({*it, n});
      }
    } else if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kText;
      n->text_ = x->content ? reinterpret_cast<const char*>(x->content) : "";
      n->position_ = SourcePosition{static_cast<uint32_t>(xmlGetLineNo(x)), 1, 0};
      AppendChild(item.parent, n);
    } else if (x->type == XML_COMMENT_NODE) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kComment;
      n->text_ = x->content ? reinterpret_cast<const char*>(x->content) : "";
      AppendChild(item.parent, n);
    }
  }
}

void DocumentBuilder::Finish() {
  // Index elements in tree order; find html/head/body, the base URL.
  doc_.elements_.reserve(order_);  // every node made, an upper bound on the elements
  std::vector<Node*> stack{doc_.root_};
  stack.reserve(64);
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (n->IsElement()) {
      n->element_index_ = static_cast<uint32_t>(doc_.elements_.size());
      doc_.elements_.push_back(n);
    }
    for (auto it = n->children_.rbegin(); it != n->children_.rend(); ++it) {
      stack.push_back(*it);
    }
  }
  for (const Node* c : doc_.root_->children_) {
    if (c->IsElement()) {
      doc_.html_ = c;
      break;
    }
  }
  if (doc_.html_) {
    for (const Node* c : doc_.html_->children_) {
      if (c->IsHtml("head") && !doc_.head_) {
        doc_.head_ = c;
      } else if ((c->IsHtml("body") || c->IsHtml("frameset")) && !doc_.body_) {
        doc_.body_ = c;
      }
    }
  }
  doc_.base_url_ =
      doc_.url_ == "about:srcdoc" && !fallback_base.empty() ? fallback_base : doc_.url_;
  for (const Node* e : doc_.elements_) {
    if (e->IsHtml("base") && e->HasAttribute("href")) {
      std::string resolved = engine::ResolveUrl(doc_.base_url_, *e->Attr("href"));
      if (!resolved.empty()) {
        doc_.base_url_ = resolved;
      }
      break;
    }
  }
  const std::string& src = doc_.source_;
  doc_.line_starts_.reserve(src.size() / 32 + 1);
  doc_.line_starts_.push_back(0);
  for (const char *p = src.data(), *end = src.data() + src.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
    doc_.line_starts_.push_back(static_cast<uint32_t>(p - src.data() + 1));
  }
  LoadNestedDocuments();
}

void DocumentBuilder::LoadNestedDocuments() {
  if (doc_.is_xml_) {
    return;
  }
  for (const Node* e : doc_.elements_) {
    if (!e->IsHtml("iframe") && !e->IsHtml("frame")) {
      continue;
    }
    if (nesting_ + 1 > options_.max_nested_documents) {
      doc_.warnings_.push_back("iframes nested more than " +
                               std::to_string(options_.max_nested_documents) +
                               " deep were not loaded");
      return;
    }
    ParseOptions nested = options_;
    std::string bytes;
    bool have = false;
    if (const std::string* srcdoc = e->Attr("srcdoc")) {
      bytes = *srcdoc;
      nested.url = "about:srcdoc";
      nested.charset = "utf-8";
      have = true;
    } else if (const std::string* src = e->Attr("src");
               src && options_.loader && !TrimWhitespace(*src).empty()) {
      std::string url = doc_.ResolveUrl(*src);
      if (!url.empty() && url != doc_.url_) {
        auto loaded = (*options_.loader)(url);
        if (loaded) {
          bytes = std::move(*loaded);
          nested.url = url;
          nested.charset.clear();
          have = true;
        } else {
          doc_.warnings_.push_back("iframe " + url + " not loaded: " + loaded.error().message);
        }
      }
    }
    if (!have) {
      continue;
    }
    auto child = std::unique_ptr<Document>(new Document());
    child->owner_element_ = e;
    child->loader_ = options_.loader;
    std::string chosen;
    auto decoded = DecodeToUtf8(bytes, nested.charset, &chosen);
    if (!decoded) {
      continue;
    }
    child->source_ = std::move(*decoded);
    child->charset_ = chosen;
    child->url_ = nested.url;
    CapAttributes(child->source_, options_.max_attributes, true, child->warnings_);
    GumboOptions gopts = kGumboDefaultOptions;
    gopts.tab_stop = 1;
    gopts.max_errors = 0;
    GumboOutput* out =
        gumbo_parse_with_options(&gopts, child->source_.data(), child->source_.size());
    DocumentBuilder builder(*child, nested, nesting_ + 1);
    builder.fallback_base = doc_.base_url_;
    builder.BuildFromGumbo(out->document);
    gumbo_destroy_output(&gopts, out);
    builder.Finish();
    const_cast<Node*>(e)->content_document_ = child.get();
    doc_.subdocuments_.push_back(child.get());
    doc_.owned_documents_.push_back(std::move(child));
  }
}

// ---------------------------------------------------------------------------------------------
// Document

Document::~Document() = default;

namespace {

// Refuses input that is clearly not text: NUL bytes in the first 4 KiB of a document that is
// not UTF-16 mean a binary file (an image, a zip) was handed to the HTML parser.
bool LooksBinary(std::string_view bytes) {
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    return false;
  }
  std::string_view head = bytes.substr(0, 4096);
  if (head.find('\0') == std::string_view::npos) {
    return false;  // the usual case, found by memchr without counting byte by byte
  }
  size_t nuls = std::count(head.begin(), head.end(), '\0');
  return nuls > 0 && nuls * 100 >= head.size();  // 1% or more NULs
}

}  // namespace

Result<std::unique_ptr<Document>> Document::ParseHtml(std::string_view bytes,
                                                      const ParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Fail(ErrorCode::kTooLarge,
                "document is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                    std::to_string(options.max_bytes),
                options.url);
  }
  if (LooksBinary(bytes)) {
    return Fail(ErrorCode::kUnsupported, "this looks like binary data, not HTML", options.url);
  }
  auto doc = std::unique_ptr<Document>(new Document());
  doc->url_ = options.url;
  doc->loader_ = options.loader;
  std::string chosen;
  auto decoded = DecodeToUtf8(bytes, options.charset, &chosen);
  if (!decoded) {
    return Fail(decoded.error().code, decoded.error().message, options.url);
  }
  doc->source_ = std::move(*decoded);
  doc->charset_ = chosen;
  // Every level of nesting takes a start tag of at least 3 bytes ("<a>"), so a shorter source
  // cannot pass the limit and needs no scan.
  const bool may_nest_too_deep =
      doc->source_.size() / 3 > static_cast<size_t>(std::max(0, options.max_scanned_depth));
  if (size_t cut = may_nest_too_deep
                       ? markup::DeepNestingCutoff(doc->source_, options.max_scanned_depth)
                       : std::string::npos;
      cut != std::string::npos) {
    doc->warnings_.push_back(
        "elements nest more than " + std::to_string(options.max_scanned_depth) +
        " deep; the page was read up to line " +
        std::to_string(std::count(doc->source_.begin(), doc->source_.begin() + cut, '\n') + 1) +
        " and the rest was not audited");
    doc->source_.resize(cut);
  }
  CapAttributes(doc->source_, options.max_attributes, true, doc->warnings_);
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.tab_stop = 1;    // columns count bytes, as compilers report them
  gopts.max_errors = 0;  // parse errors are not reported; recovery still happens
  GumboOutput* out = gumbo_parse_with_options(&gopts, doc->source_.data(), doc->source_.size());
  DocumentBuilder builder(*doc, options, 0);
  builder.BuildFromGumbo(out->document);
  gumbo_destroy_output(&gopts, out);
  builder.Finish();
  return doc;
}

Result<std::unique_ptr<Document>> Document::ParseXml(std::string_view bytes,
                                                     const ParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Fail(ErrorCode::kTooLarge, "document exceeds the size limit", options.url);
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Fail(ErrorCode::kTooLarge, "document exceeds the size limit", options.url);
  }
  auto doc = std::unique_ptr<Document>(new Document());
  doc->url_ = options.url;
  doc->loader_ = options.loader;
  doc->is_xml_ = true;
  doc->charset_ = "utf-8";
  doc->source_ = std::string(bytes);
  // UTF-16 XML (a byte order mark, or "<?" in UTF-16) is decoded to UTF-8 first, so that the
  // attribute scan below reads its markup (and snippets are text), and libxml2 is told so.
  const char* encoding = nullptr;
  int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  const auto starts = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  using std::string_view_literals::operator""sv;
  const bool le = starts("\xFF\xFE"sv) || starts("<\0?\0"sv);
  const bool be = starts("\xFE\xFF"sv) || starts("\0<\0?"sv);
  if (le || be) {
    const size_t bom = starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv) ? 2 : 0;
    auto decoded = ConvertWithIcu(bytes.substr(bom), le ? "utf-16le" : "utf-16be");
    if (!decoded) {
      return Fail(decoded.error().code, decoded.error().message, options.url);
    }
    doc->source_ = std::move(*decoded);
    encoding = "UTF-8";
    flags |= XML_PARSE_IGNORE_ENC;
  }
  CapAttributes(doc->source_, options.max_attributes, false, doc->warnings_);
  // NONET: no fetching of external entities; no NOENT: entities are not substituted, so entity
  // expansion bombs stay unexpanded. libxml2 also caps amplification itself.
  xmlDocPtr x = xmlReadMemory(doc->source_.data(), static_cast<int>(doc->source_.size()),
                              options.url.empty() ? nullptr : options.url.c_str(), encoding, flags);
  if (!x) {
    const xmlError* err = xmlGetLastError();
    std::string message(err && err->message ? TrimWhitespace(err->message) : "malformed XML");
    std::string where = options.url;
    if (err && err->line > 0) {
      where += (where.empty() ? "" : ":") + std::to_string(err->line);
    }
    return Fail(ErrorCode::kParse, "not well-formed XML: " + message, where);
  }
  DocumentBuilder builder(*doc, options, 0);
  builder.BuildFromXml(x);
  xmlFreeDoc(x);
  builder.Finish();
  return doc;
}

std::vector<const Node*> Document::ElementsByTag(std::string_view tag) const {
  std::vector<const Node*> out;
  for (const Node* e : elements_) {
    if (e->tag() == tag) {
      out.push_back(e);
    }
  }
  return out;
}

const Node* Document::GetElementById(std::string_view id) const {
  if (id.empty()) {
    return nullptr;
  }
  // A small document is scanned: cheaper than building the index, and bounded.
  constexpr size_t kScanBelow = 32;
  if (elements_.size() <= kScanBelow) {
    for (const Node* e : elements_) {
      const std::string* v = e->Attr("id");
      if (v && *v == id) {
        return e;
      }
    }
    return nullptr;
  }
  if (!ids_) {
    ids_ = std::make_unique<std::unordered_map<std::string_view, const Node*>>();
    for (const Node* e : elements_) {
      if (const std::string* v = e->Attr("id"); v != nullptr && !v->empty()) {
        ids_->try_emplace(*v, e);  // the first in tree order wins
      }
    }
  }
  const auto it = ids_->find(id);
  return it == ids_->end() ? nullptr : it->second;
}

bool Document::HasTitleElement() const {
  for (const Node* e : elements_) {
    if (e->IsHtml("title")) {
      return true;
    }
  }
  return false;
}

const std::string& Document::Title() const {
  if (!title_) {
    title_.emplace();
    for (const Node* e : elements_) {
      if (e->IsHtml("title")) {
        *title_ = CollapseWhitespace(e->TextContent());
        break;
      }
    }
  }
  return *title_;
}

std::string Document::Lang() const {
  if (!html_) {
    return {};
  }
  if (const std::string* lang = html_->Attr("lang")) {
    return *lang;
  }
  if (const std::string* lang = html_->Attr("xml:lang")) {
    return *lang;
  }
  return {};
}

std::string Document::ResolveUrl(std::string_view reference) const {
  auto url = ResolveToUrl(reference);
  return url ? url->Serialize() : std::string();
}

Result<Url> Document::ResolveToUrl(std::string_view reference) const {
  if (!parsed_base_ && !base_parse_failed_) {
    auto base = ParseUrl(base_url_);
    if (base) {
      parsed_base_ = std::make_unique<Url>(std::move(*base));
    } else {
      base_parse_failed_ = true;
    }
  }
  // Without a base, only an absolute reference resolves.
  return ParseUrl(reference, parsed_base_.get());
}

const Url* Document::ParsedUrl() const {
  if (!url_parse_done_) {
    url_parse_done_ = true;
    if (parsed_base_ && base_url_ == url_) {
      parsed_url_ = std::make_unique<Url>(*parsed_base_);  // no <base>: parsed already
    } else if (auto url = ParseUrl(url_)) {
      parsed_url_ = std::make_unique<Url>(std::move(*url));
    }
  }
  return parsed_url_.get();
}

SourcePosition Document::PositionOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line ? line_starts_[line - 1] : 0;
  return SourcePosition{line, offset - start + 1, offset};
}

}  // namespace plainsight::engine
