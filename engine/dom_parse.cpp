// Building documents: Gumbo (HTML) and libxml2 (XML) trees converted into engine::Node, nested
// iframe documents, and the limits that keep hostile input bounded.
#include <algorithm>
#include <cstring>

#include <gumbo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/dom.h"
#include "engine/dom_internal.h"
#include "engine/gumbo_arena.h"
#include "engine/markup_guards.h"
#include "engine/url.h"  // Document() needs Url complete

namespace plainsight::engine {

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

  // Sizes the node arena and the attribute table from counts of the parser's tree, taken
  // before building: one block of nodes and one table, no regrowth and no spare room. The
  // counts are upper bounds (adjacent texts merge); should they fall short, NewNode adds blocks.
  void Reserve(size_t nodes, size_t attributes) {
    first_block_ = std::max<size_t>(nodes, 1);
    doc_.attribute_table_.reserve(attributes);
  }

  Node* NewNode() {
    if (next_ == capacity_) {
      // Without a reservation (or past it), blocks double up to kMaxBlock nodes, so that the
      // last one wastes at most that many.
      capacity_ = capacity_ == 0 ? first_block_ : std::min(capacity_ * 2, kMaxBlock);
      doc_.arenas_.push_back(std::make_unique<Node[]>(capacity_));
      block_ = doc_.arenas_.back().get();
      blocks_.emplace_back(block_, 0);
      next_ = 0;
    }
    Node* n = &block_[next_++];
    ++blocks_.back().second;
    n->document_ = &doc_;
    n->order_ = order_++;
    return n;
  }

  // Appends an attribute to the element made last (attributes are stored in the order their
  // elements were made: Finish points each element at its own).
  void AddAttribute(Node* element, std::string name, std::string value) {
    doc_.attribute_table_.push_back(Attribute{std::move(name), std::move(value)});
    ++element->data_size_;
  }

  // Gives a text or comment node its data: a view into the source when the data is the source
  // text `original` as written, else a copy the document owns.
  void SetText(Node* n, std::string_view text, std::string_view original) {
    if (text.empty()) {
      return;
    }
    if (text == original && InSource(original)) {
      n->data_.text = original.data();
      n->data_size_ = static_cast<uint32_t>(original.size());
      return;
    }
    char* copy = AllocateText(text.size());
    std::memcpy(copy, text.data(), text.size());
    n->data_.text = copy;
    n->data_size_ = static_cast<uint32_t>(text.size());
  }

  // Appends to a text node's data (adjacent texts merge). When both are the source as written
  // and follow each other there, the view grows; else the two are copied together.
  void AppendText(Node* n, std::string_view text, std::string_view original) {
    const std::string_view have = n->text();
    if (text == original && InSource(original) && InSource(have) &&
        have.data() + have.size() == original.data()) {
      n->data_size_ += static_cast<uint32_t>(original.size());
      return;
    }
    char* copy = AllocateText(have.size() + text.size());
    std::memcpy(copy, have.data(), have.size());
    std::memcpy(copy + have.size(), text.data(), text.size());
    n->data_.text = copy;
    n->data_size_ = static_cast<uint32_t>(have.size() + text.size());
  }

  const std::string* InternTag(std::string name) {
    return &*doc_.tag_names_.insert(std::move(name)).first;
  }

  void BuildFromGumbo(const GumboNode* groot);

  // Parses `source` with Gumbo (in the per-thread arena when it is small enough) and builds it.
  // Columns count bytes, as compilers report them; parse errors are not recorded (recovery
  // still happens).
  void BuildFromSource(std::string_view source) {
    GumboOptions gopts = kGumboDefaultOptions;
    gopts.tab_stop = 1;
    gopts.max_errors = 0;
    GumboArenaScope arena(gopts, source.size());
    GumboOutput* out = gumbo_parse_with_options(&gopts, source.data(), source.size());
    BuildFromGumbo(out->document);
    arena.Destroy(out);
  }

  void BuildFromXml(xmlDocPtr xdoc);
  void Finish();

 private:
  // Links `child` to `parent` by index; Finish fills the child table once all are made.
  void AppendChild(Node* parent, Node* child) {
    child->parent_ = parent;
    child->child_index_ = parent->child_count_++;
    ++child_links_;
    if (child->kind_ == NodeKind::kText) {
      last_text_ = child;
    }
  }

  // The text node that is `parent`'s last child, or nullptr. Between two children of one
  // parent only nodes of the earlier child's subtree are made, so the text node appended last
  // anywhere is the only candidate.
  Node* LastTextChild(const Node* parent) const {
    return last_text_ != nullptr && last_text_->parent_ == parent &&
                   last_text_->child_index_ + 1 == parent->child_count_
               ? last_text_
               : nullptr;
  }

  bool InSource(std::string_view s) const {
    const auto begin = reinterpret_cast<uintptr_t>(doc_.source_.data());
    const auto at = reinterpret_cast<uintptr_t>(s.data());
    return !s.empty() && at >= begin && at + s.size() <= begin + doc_.source_.size();
  }

  char* AllocateText(size_t size) {
    if (size > text_room_) {
      // Chunks of 64 KiB (a long text gets its own), so a page with a few copied texts wastes
      // little and a page with many makes few allocations.
      constexpr size_t kChunk = 64 << 10;
      const size_t chunk = std::max(size, kChunk);
      doc_.text_chunks_.push_back(std::unique_ptr<char[]>(new char[chunk]));
      text_next_ = doc_.text_chunks_.back().get();
      text_room_ = chunk;
    }
    char* out = text_next_;
    text_next_ += size;
    text_room_ -= size;
    return out;
  }

  // Points every node at its attributes and children in the document's tables, now that the
  // tables are complete.
  void LinkTables();

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
  size_t first_block_ = 16;
  std::vector<std::pair<Node*, size_t>> blocks_;  // the arena's blocks and nodes used in each
  uint32_t order_ = 0;
  size_t child_links_ = 0;
  size_t elements_made_ = 0;
  Node* last_text_ = nullptr;
  char* text_next_ = nullptr;
  size_t text_room_ = 0;
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

// The nodes and attributes of a Gumbo tree (with a fragment node per template): upper bounds of
// what BuildFromGumbo makes of it, for DocumentBuilder::Reserve.
std::pair<size_t, size_t> CountGumbo(const GumboNode* groot) {
  size_t nodes = 1;
  size_t attributes = 0;
  std::vector<const GumboNode*> stack;
  stack.reserve(64);
  const auto push_children = [&stack](const GumboVector& children) {
    for (unsigned i = 0; i < children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  };
  push_children(groot->v.document.children);
  while (!stack.empty()) {
    const GumboNode* g = stack.back();
    stack.pop_back();
    ++nodes;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      nodes += g->type == GUMBO_NODE_TEMPLATE;
      attributes += g->v.element.attributes.length;
      push_children(g->v.element.children);
    }
  }
  return {nodes, attributes};
}

}  // namespace

void DocumentBuilder::BuildFromGumbo(const GumboNode* groot) {
  const auto [node_count, attribute_count] = CountGumbo(groot);
  Reserve(node_count, attribute_count);
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
      ++elements_made_;
      for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
        std::string name = a->name;
        if (n->ns_ == Namespace::kHtml) {
          // Gumbo's tokenizer lowercases attribute names already; this only guards the rule.
          AsciiLowerInPlace(name);
        }
        AddAttribute(n, std::move(name), a->value);
      }
      Node* child_parent = n;
      if (g->type == GUMBO_NODE_TEMPLATE) {
        // Template contents live in their own fragment, outside the document's tree.
        Node* fragment = NewNode();
        fragment->kind_ = NodeKind::kDocument;
        n->extras_ |= Node::kHasTemplateContent;
        doc_.template_contents_.emplace(n, fragment);
        child_parent = fragment;
      }
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
      const std::string_view text = g->v.text.text;
      const std::string_view original(g->v.text.original_text.data, g->v.text.original_text.length);
      // Merge adjacent text nodes (Gumbo splits whitespace from text).
      if (Node* last = LastTextChild(parent)) {
        AppendText(last, text, original);
        continue;
      }
      Node* n = NewNode();
      n->kind_ = NodeKind::kText;
      SetText(n, text, original);
      n->position_ = Pos(g->v.text.start_pos);
      AppendChild(parent, n);
    } else if (g->type == GUMBO_NODE_COMMENT) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kComment;
      SetText(n, g->v.text.text, {});
      n->position_ = Pos(g->v.text.start_pos);
      AppendChild(parent, n);
    }
  }
}

void DocumentBuilder::BuildFromXml(xmlDocPtr xdoc) {
  // No count of libxml2's tree first (XML documents are few and small): the first block is
  // sized from the source, about one node per 24 bytes of markup, and the blocks then double.
  first_block_ = std::clamp<size_t>(doc_.source_.size() / 24, 16, 8192);
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
      ++elements_made_;
      for (xmlAttrPtr a = x->properties; a; a = a->next) {
        std::string name = reinterpret_cast<const char*>(a->name);
        if (a->ns && a->ns->prefix) {
          name = std::string(reinterpret_cast<const char*>(a->ns->prefix)) + ":" + name;
        }
        xmlChar* v = xmlNodeListGetString(xdoc, a->children, 1);
        AddAttribute(n, std::move(name), v ? reinterpret_cast<const char*>(v) : "");
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
      SetText(n, x->content ? reinterpret_cast<const char*>(x->content) : "", {});
      n->position_ = SourcePosition{static_cast<uint32_t>(xmlGetLineNo(x)), 1, 0};
      AppendChild(item.parent, n);
    } else if (x->type == XML_COMMENT_NODE) {
      Node* n = NewNode();
      n->kind_ = NodeKind::kComment;
      SetText(n, x->content ? reinterpret_cast<const char*>(x->content) : "", {});
      AppendChild(item.parent, n);
    }
  }
}

void DocumentBuilder::LinkTables() {
  // Nodes were made in order and each element's attributes appended as it was made, so the
  // attributes of consecutive nodes follow each other in the table. Each parent gets a run of
  // the child table as long as its child count; each child then writes itself at its index.
  doc_.child_table_.resize(child_links_);
  Attribute* attributes = doc_.attribute_table_.data();
  Node** children = doc_.child_table_.data();
  for (const auto& [block, used] : blocks_) {
    for (size_t i = 0; i < used; ++i) {
      Node& n = block[i];
      if (n.kind_ == NodeKind::kElement) {
        n.data_.attributes = n.data_size_ > 0 ? attributes : nullptr;
        attributes += n.data_size_;
      }
      n.children_ = n.child_count_ > 0 ? children : nullptr;
      children += n.child_count_;
    }
  }
  for (const auto& [block, used] : blocks_) {
    for (size_t i = 0; i < used; ++i) {
      Node& n = block[i];
      if (n.parent_ != nullptr) {
        const_cast<Node**>(n.parent_->children_)[n.child_index_] = &n;
      }
    }
  }
}

void DocumentBuilder::Finish() {
  LinkTables();
  // Index elements in tree order; find html/head/body, the base URL.
  doc_.elements_.reserve(elements_made_);  // an upper bound: template contents are not listed
  std::vector<Node*> stack{doc_.root_};
  stack.reserve(64);
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (n->IsElement()) {
      n->element_index_ = static_cast<uint32_t>(doc_.elements_.size());
      doc_.elements_.push_back(n);
    }
    const std::span<Node* const> kids = n->children();
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  for (const Node* c : doc_.root_->children()) {
    if (c->IsElement()) {
      doc_.html_ = c;
      break;
    }
  }
  if (doc_.html_) {
    for (const Node* c : doc_.html_->children()) {
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
    DocumentBuilder builder(*child, nested, nesting_ + 1);
    builder.fallback_base = doc_.base_url_;
    builder.BuildFromSource(child->source_);
    builder.Finish();
    const_cast<Node*>(e)->extras_ |= Node::kHasContentDocument;
    doc_.content_documents_.emplace(e, child.get());
    doc_.subdocuments_.push_back(child.get());
    doc_.owned_documents_.push_back(std::move(child));
  }
}

// ---------------------------------------------------------------------------------------------
// Document

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
  DocumentBuilder builder(*doc, options, 0);
  builder.BuildFromSource(doc->source_);
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
    auto decoded = dom_internal::ConvertWithIcu(bytes.substr(bom), le ? "utf-16le" : "utf-16be");
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

}  // namespace plainsight::engine
