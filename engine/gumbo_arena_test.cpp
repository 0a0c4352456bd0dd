// GumboArenaScope: Gumbo's trees served from the per-thread arena, nested parses, and the
// malloc fallback for large sources.
#include "engine/gumbo_arena.h"

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "engine/dom.h"

namespace pe = plainsight::engine;

namespace {

// The text of the first element named `tag` in a Gumbo tree, depth first.
std::string FirstText(const GumboNode* node, GumboTag tag) {
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& children = node->v.element.children;
    if (node->v.element.tag == tag && children.length > 0) {
      const auto* first = static_cast<const GumboNode*>(children.data[0]);
      if (first->type == GUMBO_NODE_TEXT) {
        return first->v.text.text;
      }
    }
    for (unsigned i = 0; i < children.length; ++i) {
      std::string found = FirstText(static_cast<const GumboNode*>(children.data[i]), tag);
      if (!found.empty()) {
        return found;
      }
    }
  }
  return {};
}

}  // namespace

TEST_CASE("gumbo arena: a nested parse leaves the outer tree whole", "[dom][arena]") {
  std::string outer_html = "<title>Outer</title><p>First paragraph</p>";
  for (int i = 0; i < 2000; ++i) {
    outer_html += "<div class=c" + std::to_string(i) + ">block " + std::to_string(i) + "</div>";
  }
  GumboOptions outer_options = kGumboDefaultOptions;
  pe::GumboArenaScope outer(outer_options, outer_html.size());
  REQUIRE(outer.uses_arena());
  CHECK(outer_options.allocator != kGumboDefaultOptions.allocator);
  GumboOutput* outer_out =
      gumbo_parse_with_options(&outer_options, outer_html.data(), outer_html.size());
  for (int round = 0; round < 3; ++round) {
    // The inner tree needs more than one of the arena's chunks.
    std::string inner_html = "<p>Inner " + std::to_string(round) + "</p>";
    for (int i = 0; i < 5000; ++i) {
      inner_html += "<span>x</span>";
    }
    GumboOptions inner_options = kGumboDefaultOptions;
    pe::GumboArenaScope inner(inner_options, inner_html.size());
    GumboOutput* inner_out =
        gumbo_parse_with_options(&inner_options, inner_html.data(), inner_html.size());
    CHECK(FirstText(inner_out->root, GUMBO_TAG_P) == "Inner " + std::to_string(round));
    inner.Destroy(inner_out);
  }
  // The outer tree was not overwritten by the inner parses.
  CHECK(FirstText(outer_out->root, GUMBO_TAG_TITLE) == "Outer");
  CHECK(FirstText(outer_out->root, GUMBO_TAG_P) == "First paragraph");
  outer.Destroy(outer_out);
}

TEST_CASE("gumbo arena: large sources use Gumbo's own allocator", "[dom][arena]") {
  GumboOptions options = kGumboDefaultOptions;
  pe::GumboArenaScope scope(options, pe::GumboArenaScope::kMaxSourceBytes + 1);
  CHECK_FALSE(scope.uses_arena());
  CHECK(options.allocator == kGumboDefaultOptions.allocator);
  const std::string html = "<p>Large</p>";
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  CHECK(FirstText(out->root, GUMBO_TAG_P) == "Large");
  scope.Destroy(out);
}

TEST_CASE("gumbo arena: documents with nested documents parse as before", "[dom][arena]") {
  pe::ParseOptions options;
  options.url = "https://example.ie/";
  auto doc = pe::Document::ParseHtml(
      R"(<title>Top</title><iframe srcdoc="<title>Inner</title><p>In the frame</p>"></iframe>)"
      R"(<p>After the frame</p>)",
      options);
  REQUIRE(doc);
  CHECK((*doc)->Title() == "Top");
  REQUIRE((*doc)->subdocuments().size() == 1);
  CHECK((*doc)->subdocuments()[0]->Title() == "Inner");
}
