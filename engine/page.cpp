// Page: a document bundled with its styles, accessibility semantics and visibility facts.
#include "engine/page.h"

namespace plainsight::engine {

std::unique_ptr<Page> Page::Build(std::unique_ptr<Document> document, const MediaContext& media) {
  auto page = std::unique_ptr<Page>(new Page());
  page->owned_ = std::move(document);
  page->document_ = page->owned_.get();
  page->media_ = media;
  page->styles_ = Styles::Compute(*page->document_, media);
  page->a11y_ = std::make_unique<Accessibility>(*page->document_, *page->styles_);
  page->visibility_ = std::make_unique<Visibility>(*page->document_, *page->styles_, *page->a11y_);
  page->BuildSubpages();
  return page;
}

std::unique_ptr<Page> Page::Borrow(const Document& document, const MediaContext& media) {
  auto page = std::unique_ptr<Page>(new Page());
  page->document_ = &document;
  page->media_ = media;
  page->styles_ = Styles::Compute(document, media);
  page->a11y_ = std::make_unique<Accessibility>(document, *page->styles_);
  page->visibility_ = std::make_unique<Visibility>(document, *page->styles_, *page->a11y_);
  page->BuildSubpages();
  return page;
}

void Page::BuildSubpages() {
  for (const Document* sub : document_->subdocuments()) {
    subpages_.push_back(Borrow(*sub, media_));
  }
}

const Styles& Page::StylesFor(const MediaContext& media) const {
  if ((media.width_px == media_.width_px && media.height_px == media_.height_px) ||
      !styles_->DependsOnViewport()) {
    return *styles_;
  }
  for (const auto& [m, styles] : other_media_) {
    if (m.width_px == media.width_px && m.height_px == media.height_px) {
      return *styles;
    }
  }
  other_media_.emplace_back(media, Styles::Compute(*document_, media));
  return *other_media_.back().second;
}

const Page* Page::PageOf(const Document& document) const {
  if (&document == document_) {
    return this;
  }
  for (const auto& sub : subpages_) {
    if (const Page* p = sub->PageOf(document)) {
      return p;
    }
  }
  return nullptr;
}

const Page& Page::PageForNested(const Node& node) const {
  const Page* p = PageOf(node.document());
  return p ? *p : *this;
}

}  // namespace plainsight::engine
