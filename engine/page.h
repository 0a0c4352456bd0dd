// A page ready for rules: the document with its computed styles, accessibility semantics and
// visibility facts, and the same for each nested (iframe) document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/aria/accessibility.h"
#include "engine/css/style.h"
#include "engine/dom.h"
#include "engine/layout/visibility.h"
#include "engine/result.h"

namespace plainsight::engine {

class Page {
 public:
  // Computes styles and accessibility for the document and each nested document.
  static std::unique_ptr<Page> Build(std::unique_ptr<Document> document,
                                     const MediaContext& media = {});
  // Borrows a document owned elsewhere (nested documents).
  static std::unique_ptr<Page> Borrow(const Document& document, const MediaContext& media);

  const Document& document() const { return *document_; }

  const Styles& styles() const { return *styles_; }

  const Accessibility& a11y() const { return *a11y_; }

  // Whether elements can be seen (hidden, invisible, transparent, off-screen, clipped,
  // zero-size) and their colour layers, worked out once per element for every rule.
  const Visibility& visibility() const { return *visibility_; }

  const MediaContext& media() const { return media_; }

  // The styles for another viewport (a portrait screen, a zoomed one), computed on first use
  // and kept for the page's life; the page's own styles when they do not depend on the viewport
  // (Styles::DependsOnViewport). Not thread-safe: a page is audited on one thread.
  const Styles& StylesFor(const MediaContext& media) const;

  // The page of a nested document of this page (or of this page itself), nullptr if unknown.
  const Page* PageOf(const Document& document) const;

  // The page that holds `node`'s document. Inline for the usual case, a node of this page.
  const Page& PageFor(const Node& node) const {
    return &node.document() == document_ ? *this : PageForNested(node);
  }

  const std::vector<std::unique_ptr<Page>>& subpages() const { return subpages_; }

  // Derived data cache: data computed from this page alone (no I/O, no options), built on first
  // use as T(page) and kept for the page's life, one object per type T. Rules that need the same
  // derived facts (the two contrast rules need every text's colours) share the work this way and
  // stay pure functions of the page. T must be constructible from `const Page&`; define it in the
  // rule's or helper's own file (an anonymous-namespace type is fine: each type is its own key).
  // Not thread-safe, like StylesFor: a page is audited on one thread. If T's constructor
  // throws, nothing is kept and the next call tries again.
  template <typename T>
  const T& Derived() const {
    const void* key = &kDerivedKey<T>;
    for (const DerivedEntry& entry : derived_) {
      if (entry.key == key) {
        return *static_cast<const T*>(entry.value.get());
      }
    }
    auto value = std::make_shared<const T>(*this);
    const T& out = *value;
    derived_.push_back(DerivedEntry{key, std::move(value)});
    return out;
  }

 private:
  Page() = default;
  const Page& PageForNested(const Node& node) const;
  void BuildSubpages();
  std::unique_ptr<Document> owned_;
  const Document* document_ = nullptr;
  std::unique_ptr<Styles> styles_;
  std::unique_ptr<Accessibility> a11y_;
  std::unique_ptr<Visibility> visibility_;
  MediaContext media_;
  std::vector<std::unique_ptr<Page>> subpages_;
  mutable std::vector<std::pair<MediaContext, std::unique_ptr<Styles>>> other_media_;
  // One distinct address per type: the key of Derived<T>().
  template <typename T>
  static constexpr char kDerivedKey = 0;

  struct DerivedEntry {
    const void* key;
    std::shared_ptr<const void> value;
  };

  mutable std::vector<DerivedEntry> derived_;
};

}  // namespace plainsight::engine
