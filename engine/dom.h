// The document model: an HTML or XML document as a tree of nodes that keep their source
// positions. HTML is parsed by Gumbo (the WHATWG HTML parsing algorithm, so broken markup gets
// the tree a browser builds); standalone SVG and other XML by libxml2. Bytes in any charset are
// decoded to UTF-8 with ICU, the encoding chosen as HTML 13.2.3.1 says: BOM, then the transport
// (HTTP) charset, then a <meta> prescan of the first 1024 bytes, then UTF-8 when valid, else
// windows-1252.
//
// Nodes are owned by their Document and never move, so `const Node*` stays valid for the
// document's life. Everything here is read-only after Parse().
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/ascii.h"  // AsciiLower, TrimWhitespace
#include "engine/result.h"

namespace plainsight::engine {

class Document;
struct Url;

// 1-based line and column (column counts bytes of the decoded UTF-8 line, as compilers do) and
// the 0-based byte offset into Document::source().
struct SourcePosition {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t offset = 0;
};

enum class NodeKind : uint8_t { kDocument, kElement, kText, kComment };

enum class Namespace : uint8_t { kHtml, kSvg, kMathMl, kOther };

// How the HTML parser repaired the markup around an element (the error recovery of HTML 13.2.6
// "tree construction"), as Gumbo records it. One bit each; Node::parse_repairs() holds them.
// Parse errors that leave no element behind (a stray end tag the parser ignores) are not
// recorded: Gumbo's error list is not part of its public API.
enum class ParseRepair : uint8_t {
  kNoStartTag = 1 << 0,     // the parser inserted the element: no start tag in the source
                            // (an implied html, head, body or tbody, or a copy made below)
  kNoEndTag = 1 << 1,       // the element's end tag is missing: the parser closed it (void
                            // elements and optional end tags, such as </li>, have this too)
  kFromEndTag = 1 << 2,     // made from an end tag with nothing to close (</p> alone, </br>)
  kReopened = 1 << 3,       // a copy of a formatting element (b, i, a, font...) that the
                            // parser reopened because the tags were misnested
  kMovedByParser = 1 << 4,  // moved by the adoption agency algorithm (misnested formatting)
};

struct Attribute {
  std::string name;  // lowercase for HTML elements; as written (e.g. "viewBox") in SVG
  std::string value;
};

class Node {
 public:
  NodeKind kind() const { return kind_; }

  bool IsElement() const { return kind_ == NodeKind::kElement; }

  bool IsText() const { return kind_ == NodeKind::kText; }

  // Elements: lowercase local name ("img", "svg", "circle"). Other nodes: "".
  const std::string& tag() const { return *tag_; }

  Namespace ns() const { return ns_; }

  // True for an element in the HTML namespace with this (lowercase) local name. Inlined with
  // the length compared first, so that a literal name compiles to a few compares: rules ask it
  // of every element many times over.
  [[gnu::always_inline]] bool IsHtml(std::string_view local_name) const {
    return kind_ == NodeKind::kElement && ns_ == Namespace::kHtml &&
           tag_->size() == local_name.size() &&
           std::memcmp(tag_->data(), local_name.data(), local_name.size()) == 0;
  }

  // Text and comment nodes: their character data (UTF-8). Elements: "". The view is into the
  // document's source when the data is written there as is (no character references), else
  // into text the document owns; it stays valid for the document's life.
  std::string_view text() const {
    return kind_ == NodeKind::kText || kind_ == NodeKind::kComment
               ? std::string_view(data_.text, data_size_)
               : std::string_view();
  }

  SourcePosition position() const { return position_; }

  // Elements of an HTML document: the ParseRepair bits that apply (0 when the source had the
  // element's start and end tags, properly nested). Always 0 for XML documents.
  uint8_t parse_repairs() const { return parse_repairs_; }

  bool HasParseRepair(ParseRepair repair) const {
    return (parse_repairs_ & static_cast<uint8_t>(repair)) != 0;
  }

  Node* parent() const { return parent_; }

  // The parent if it is an element, else nullptr.
  const Node* ParentElement() const;

  // The child nodes in order: a view into one table the document keeps for all its nodes.
  std::span<Node* const> children() const { return {children_, child_count_}; }

  // The nearest element before / after this node among its parent's children, or nullptr.
  // Cost: the non-element nodes in between (the node knows its own place among the children).
  const Node* PreviousElementSibling() const;
  const Node* NextElementSibling() const;

  // Position among the parent's children (0 for the root).
  uint32_t child_index() const { return child_index_; }

  // Position among all nodes of the owning document in tree order; lets callers sort or compare.
  uint32_t order() const { return order_; }

  // Position in document().elements(), or kNoElementIndex for nodes that are not listed there
  // (text, comments, template contents). Per-element tables index by it.
  static constexpr uint32_t kNoElementIndex = 0xFFFFFFFFu;

  uint32_t element_index() const { return element_index_; }

  // The element's attributes in source order (empty for other nodes): a view into one table the
  // document keeps for all its elements.
  std::span<const Attribute> attributes() const {
    return kind_ == NodeKind::kElement ? std::span<const Attribute>(data_.attributes, data_size_)
                                       : std::span<const Attribute>();
  }

  bool HasAttribute(std::string_view name) const { return Attr(name) != nullptr; }

  // The attribute's value, or nullptr when the element has no such attribute. Inline: rules and
  // the cascade ask for attributes of every element many times.
  const std::string* Attr(std::string_view name) const {
    for (const Attribute& a : attributes()) {
      if (a.name.size() == name.size() &&
          std::memcmp(a.name.data(), name.data(), name.size()) == 0) {
        return &a.value;
      }
    }
    return nullptr;
  }

  std::string_view AttrOr(std::string_view name, std::string_view fallback = {}) const {
    const std::string* v = Attr(name);
    return v ? std::string_view(*v) : fallback;
  }

  // The concatenated data of all descendant text nodes (DOM textContent).
  std::string TextContent() const;

  const Document& document() const { return *document_; }

  // An <iframe> with srcdoc (or with src that the loader could fetch) gets its own document;
  // a <template> gets its content as a document fragment. nullptr otherwise. The few elements
  // that have one say so in a bit; the document keeps the pointers.
  const Document* content_document() const;
  const Node* template_content() const;

  // The source text of the element's start tag ("<img src=...>"), or "" for implied elements
  // (an <html> or <tbody> the parser inserted) and XML documents.
  std::string_view StartTagSource() const;

  // Is this element a descendant of `ancestor` (not counting itself)?
  bool IsDescendantOf(const Node& ancestor) const;
  // First ancestor (not self) that is an HTML element with this tag, or nullptr.
  const Node* ClosestHtmlAncestor(std::string_view tag) const;

 private:
  friend class Document;
  friend class DocumentBuilder;

  // A large page has a million nodes: every field here costs megabytes (80 bytes in all, down
  // from 152 when each node held its own string and vectors). Text, attributes and child lists
  // live in tables of the document; the rare iframe document and template content in maps.
  enum : uint8_t { kHasContentDocument = 1, kHasTemplateContent = 2 };

  NodeKind kind_ = NodeKind::kElement;
  Namespace ns_ = Namespace::kHtml;
  uint8_t parse_repairs_ = 0;
  uint8_t extras_ = 0;  // kHasContentDocument, kHasTemplateContent
  uint32_t order_ = 0;
  SourcePosition position_;
  uint32_t start_tag_length_ = 0;
  uint32_t element_index_ = kNoElementIndex;
  uint32_t child_index_ = 0;
  // One shared copy of the name: the process's for the HTML tags the parser knows, else the
  // document's (Document::tag_names_). A large page has a million nodes and a few dozen names.
  const std::string* tag_ = &kNoTag;
  inline static const std::string kNoTag;
  Node* parent_ = nullptr;
  const Document* document_ = nullptr;
  Node* const* children_ = nullptr;

  // Elements have attributes, text and comment nodes have data, none has both: they share the
  // space, and kind_ says which is there.
  union Data {
    const Attribute* attributes = nullptr;
    const char* text;
  } data_;

  uint32_t child_count_ = 0;
  uint32_t data_size_ = 0;  // elements: attributes; text and comments: bytes of text
};

using Element = Node;

// Fetches a resource that a document refers to (a stylesheet, an iframe's src) by absolute
// URL. The engine never does I/O itself: the caller (the CLI for local files, the crawler for the
// web, the ACT harness for its asset folder) supplies this. Returns the bytes, or an error that
// is reported rather than ignored.
using ResourceLoader = std::function<Result<std::string>(const std::string& absolute_url)>;

struct ParseOptions {
  std::string url;                         // the document's address; base for relative URLs
  std::string charset;                     // from the HTTP Content-Type header, if any
  const ResourceLoader* loader = nullptr;  // for iframe src and linked stylesheets
  size_t max_bytes = 64u << 20;            // larger input is refused with kTooLarge
  int max_depth = 512;            // deeper trees are cut (the rest becomes siblings), as browsers
                                  // cap nesting; a warning is recorded
  int max_nested_documents = 8;   // iframe srcdoc/src nesting limit
  int max_scanned_depth = 10000;  // input nesting deeper than this is cut before parsing (the
                                  // HTML parser is quadratic in depth); a warning says where
  // Attributes past this many on one element (counting repeated <html> and <body> tags
  // together, as the parser merges them) are not read: both parsers compare each attribute
  // with the element's earlier ones, so a million on one tag would take hours. A warning says
  // where. Deviation from HTML, which sets no limit; real elements have a few dozen at most.
  size_t max_attributes = 256;
};

class Document {
 public:
  // Parses an HTML document. Fails only on input the model refuses (too large, NUL-laden
  // binary); broken markup gives the tree a browser would build.
  static Result<std::unique_ptr<Document>> ParseHtml(std::string_view bytes,
                                                     const ParseOptions& options);
  // Parses a standalone XML document (SVG, XHTML served as XML) with libxml2. Fails with kParse
  // and the libxml2 message (with line) on malformed XML.
  static Result<std::unique_ptr<Document>> ParseXml(std::string_view bytes,
                                                    const ParseOptions& options);

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document();

  const Node& root() const { return *root_; }

  const Node* html() const { return html_; }  // the document element

  const Node* head() const { return head_; }

  const Node* body() const { return body_; }

  // Every element in tree order (excluding nested documents and template contents).
  const std::vector<const Node*>& elements() const { return elements_; }

  // Elements of this document whose local name is `tag`, in tree order.
  std::vector<const Node*> ElementsByTag(std::string_view tag) const;
  // The first element in tree order with this id, or nullptr. Rules ask it for every reference
  // (label for, aria-labelledby, headers, href="#..."): past a few dozen elements the answer
  // comes from an index of the document's ids, built on first use (not thread-safe, like
  // Title()).
  const Node* GetElementById(std::string_view id) const;

  const std::string& url() const { return url_; }

  // The decoded UTF-8 source that positions refer to.
  const std::string& source() const { return source_; }

  // The encoding the bytes were decoded from (WHATWG label, e.g. "utf-8", "windows-1252").
  const std::string& charset() const { return charset_; }

  bool is_xml() const { return is_xml_; }

  // For a nested document (iframe), the iframe element that holds it.
  const Node* owner_element() const { return owner_element_; }

  // Nested documents, in tree order of their iframes.
  const std::vector<const Document*>& subdocuments() const { return subdocuments_; }

  // The first <title> in the document's head (or anywhere, for broken pages), whitespace
  // collapsed; empty if none. has_title tells a missing title from an empty one. Worked out on
  // first use and kept (the runner and several rules ask).
  const std::string& Title() const;
  bool HasTitleElement() const;
  // The lang attribute of the document element (xml:lang for XML), "" if absent.
  std::string Lang() const;
  // Resolves a URL reference against the document's base URL (<base href> if present).
  std::string ResolveUrl(std::string_view reference) const;
  // The same, parsed (include engine/url.h to call it): rules that compare many links' targets
  // skip serialising and re-parsing. Fails as ParseUrl does.
  Result<Url> ResolveToUrl(std::string_view reference) const;
  // The document's own URL, parsed once; nullptr when it is empty or does not parse.
  const Url* ParsedUrl() const;

  // Problems met while parsing (charset fallbacks, nesting cut, parse errors for XML), for
  // reports; never fatal.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // The line and column of a byte offset in source().
  SourcePosition PositionOf(uint32_t offset) const;

  const ResourceLoader* loader() const { return loader_; }

 private:
  friend class DocumentBuilder;
  friend class Node;  // content_document(), template_content()
  Document() = default;
  std::vector<std::unique_ptr<Node[]>> arenas_;
  // The tables nodes view into (see Node): every element's attributes, in the order the nodes
  // were made; every node's children, each parent's together; text that is not in source_ as
  // written (character references decoded, adjacent texts merged), in chunks that never move.
  std::vector<Attribute> attribute_table_;
  std::vector<Node*> child_table_;
  std::vector<std::unique_ptr<char[]>> text_chunks_;
  // The few nodes with an iframe document or template content (Node::extras_ says which).
  std::unordered_map<const Node*, const Document*> content_documents_;
  std::unordered_map<const Node*, const Node*> template_contents_;
  std::unordered_set<std::string> tag_names_;  // names elements' tag() refer to (see Node)
  std::vector<std::unique_ptr<Document>> owned_documents_;
  Node* root_ = nullptr;
  const Node* html_ = nullptr;
  const Node* head_ = nullptr;
  const Node* body_ = nullptr;
  std::vector<const Node*> elements_;
  std::vector<const Document*> subdocuments_;
  std::vector<uint32_t> line_starts_;
  std::string url_;
  std::string base_url_;
  std::string source_;
  std::string charset_;
  std::vector<std::string> warnings_;
  // The base URL parsed once, on the first ResolveUrl (rules resolve every link).
  mutable std::unique_ptr<Url> parsed_base_;
  mutable bool base_parse_failed_ = false;
  mutable std::unique_ptr<Url> parsed_url_;
  mutable bool url_parse_done_ = false;
  mutable std::optional<std::string> title_;  // Title(), once asked
  mutable std::unique_ptr<std::unordered_map<std::string_view, const Node*>> ids_;
  const Node* owner_element_ = nullptr;
  const ResourceLoader* loader_ = nullptr;
  bool is_xml_ = false;
};

// Decodes bytes to UTF-8 following the HTML encoding sniffing rules above. `transport_charset`
// is the HTTP header's charset, or "". Sets *chosen to the encoding used. Fails with kParse
// only if ICU has no converter at all (never for the fallback).
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view transport_charset,
                                 std::string* chosen);

// Resolves `reference` against absolute URL `base` (RFC 3986 section 5 with the WHATWG URL
// leniencies for backslashes and surrounding whitespace). Returns "" if base is not absolute and
// the reference is relative.
std::string ResolveUrl(std::string_view base, std::string_view reference);

// ASCII case-insensitive equality (HTML's "ASCII case-insensitive" match for tag names,
// attribute values such as http-equiv, and CSS keywords).
bool EqualsIgnoreCase(std::string_view a, std::string_view b) noexcept;
// Splits on ASCII whitespace (HTML's "split a string on ASCII whitespace").
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// Collapses runs of whitespace to one space and trims (accname's whitespace normalisation).
std::string CollapseWhitespace(std::string_view s);

}  // namespace plainsight::engine
