// The document model: DOM queries on engine::Node and engine::Document (dom.h), and the string
// helpers they share. Parsing is in dom_parse.cpp, charset sniffing and decoding in
// dom_charset.cpp.
#include "engine/dom.h"

#include <algorithm>
#include <cstring>

#include "engine/url.h"

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
  const std::span<Node* const> siblings = parent_->children();
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
  const std::span<Node* const> siblings = parent_->children();
  for (size_t i = child_index_ + 1; i < siblings.size(); ++i) {
    if (siblings[i]->IsElement()) {
      return siblings[i];
    }
  }
  return nullptr;
}

std::string Node::TextContent() const {
  if (kind_ == NodeKind::kText) {
    return std::string(text());
  }
  std::string out;
  // Iterative walk: documents may be 100,000 levels deep.
  const std::span<Node* const> kids = children();
  std::vector<const Node*> stack(kids.rbegin(), kids.rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->kind_ == NodeKind::kText) {
      out += n->text();
    } else if (n->kind_ == NodeKind::kElement) {
      const std::span<Node* const> grandkids = n->children();
      stack.insert(stack.end(), grandkids.rbegin(), grandkids.rend());
    }
  }
  return out;
}

const Document* Node::content_document() const {
  if ((extras_ & kHasContentDocument) == 0) {
    return nullptr;
  }
  const auto it = document_->content_documents_.find(this);
  return it == document_->content_documents_.end() ? nullptr : it->second;
}

const Node* Node::template_content() const {
  if ((extras_ & kHasTemplateContent) == 0) {
    return nullptr;
  }
  const auto it = document_->template_contents_.find(this);
  return it == document_->template_contents_.end() ? nullptr : it->second;
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
// URLs: the WHATWG URL parser in engine/url.h, as browsers resolve links.

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  auto resolved = ResolveUrlString(base, reference);
  return resolved ? *resolved : std::string();
}

// ---------------------------------------------------------------------------------------------
// Document

Document::~Document() = default;

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
