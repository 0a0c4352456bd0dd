// A page ready for rules: the document with its computed styles and accessibility semantics,
// and the same for each nested (iframe) document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/aria/accessibility.h"
#include "engine/css/style.h"
#include "engine/dom.h"
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
  const MediaContext& media() const { return media_; }
  // The styles for another viewport (a portrait screen, a zoomed one), computed on first use
  // and kept for the page's life. Not thread-safe: a page is audited on one thread.
  const Styles& StylesFor(const MediaContext& media) const;

  // The page of a nested document of this page (or of this page itself), nullptr if unknown.
  const Page* PageOf(const Document& document) const;
  // The page that holds `node`'s document.
  const Page& PageFor(const Node& node) const;
  const std::vector<std::unique_ptr<Page>>& subpages() const { return subpages_; }

 private:
  Page() = default;
  void BuildSubpages();
  std::unique_ptr<Document> owned_;
  const Document* document_ = nullptr;
  std::unique_ptr<Styles> styles_;
  std::unique_ptr<Accessibility> a11y_;
  MediaContext media_;
  std::vector<std::unique_ptr<Page>> subpages_;
  mutable std::vector<std::pair<MediaContext, std::unique_ptr<Styles>>> other_media_;
};

}  // namespace plainsight::engine
