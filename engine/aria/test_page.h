// Test helper for the aria tests: parses a page, computes its styles and accessibility.
#pragma once

#include <memory>
#include <string_view>

#include <catch2/catch.hpp>

#include "engine/aria/accessibility.h"
#include "engine/css/style.h"
#include "engine/dom.h"

namespace plainsight::engine::testing {

struct Page {
  std::unique_ptr<Document> document;
  std::unique_ptr<Styles> styles;
  std::unique_ptr<Accessibility> a11y;

  // The element with this id; fails the test when there is none.
  const Node& Id(std::string_view id) const {
    const Node* e = document->GetElementById(id);
    REQUIRE(e != nullptr);
    return *e;
  }

  // The first element with this tag; fails the test when there is none.
  const Node& Tag(std::string_view tag) const {
    std::vector<const Node*> all = document->ElementsByTag(tag);
    REQUIRE(!all.empty());
    return *all.front();
  }
};

inline Page Load(std::string_view html) {
  Page page;
  ParseOptions options;
  options.url = "https://example.test/page.html";
  auto parsed = Document::ParseHtml(html, options);
  REQUIRE(parsed.has_value());
  page.document = std::move(parsed.value());
  page.styles = Styles::Compute(*page.document);
  page.a11y = std::make_unique<Accessibility>(*page.document, *page.styles);
  return page;
}

}  // namespace plainsight::engine::testing
