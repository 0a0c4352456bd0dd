// Selectors 4: parsing, specificity and matching.
#include "engine/css/selectors.h"

#include <memory>
#include <string>

#include <catch2/catch.hpp>

namespace plainsight::engine::css {
namespace {

bool Parse(const std::string& text, SelectorList* out) {
  TokenList tl;
  Tokenize(text, &tl);
  return ParseSelectorList(tl, 0, tl.tokens.size(), false, out);
}

uint32_t Spec(int a, int b, int c) {
  return a << 16 | b << 8 | c;
}

TEST_CASE("css selectors: specificity follows Selectors 4 section 17", "[css][selectors]") {
  struct Row {
    const char* selector;
    uint32_t specificity;
  };

  const Row rows[] = {
      {"*", Spec(0, 0, 0)},
      {"li", Spec(0, 0, 1)},
      {"ul li", Spec(0, 0, 2)},
      {"ul ol+li", Spec(0, 0, 3)},
      {"h1 + *[rel=up]", Spec(0, 1, 1)},
      {"ul ol li.red", Spec(0, 1, 3)},
      {"li.red.level", Spec(0, 2, 1)},
      {"#x34y", Spec(1, 0, 0)},
      {"#s12:not(FOO)", Spec(1, 0, 1)},
      {".foo :is(.bar, #baz)", Spec(1, 1, 0)},
      {":where(#a, .b) p", Spec(0, 0, 1)},  // :where() adds nothing
      {"p::before", Spec(0, 0, 2)},
      {"a:hover", Spec(0, 1, 1)},
      {"li:nth-child(2n+1 of .x)", Spec(0, 2, 1)},
      {"div:has(> img)", Spec(0, 0, 2)},
  };
  for (const Row& row : rows) {
    SelectorList list;
    INFO(row.selector);
    REQUIRE(Parse(row.selector, &list));
    REQUIRE(list.size() == 1);
    CHECK(list[0].specificity == row.specificity);
  }
}

TEST_CASE("css selectors: invalid selectors invalidate the whole list", "[css][selectors]") {
  for (const char* bad : {"a:unknown-thing", "a::nonsense", "a,", "> a", "a >", "[a=]", "a..b",
                          "#1x", "a::before b", ":nth-child(foo)", "::before::after"}) {
    SelectorList list;
    INFO(bad);
    CHECK_FALSE(Parse(bad, &list));
  }
  SelectorList list;
  CHECK_FALSE(Parse("p, a:frobnicate", &list));
  SelectorList forgiving;
  CHECK(Parse(":is(p, a:frobnicate)", &forgiving));
}

class Fixture {
 public:
  explicit Fixture(const std::string& html) {
    ParseOptions options;
    auto doc = Document::ParseHtml(html, options);
    REQUIRE(doc.has_value());
    doc_ = std::move(doc).value();
    table_ = std::make_unique<ElementTable>(*doc_);
  }

  // Ids of the elements matching `selector`, space-separated, in tree order.
  std::string Select(const std::string& selector) const {
    SelectorList list;
    if (!Parse(selector, &list)) {
      return "<invalid>";
    }
    Matcher m(*table_);
    std::string out;
    for (uint32_t i = 0; i < table_->size(); ++i) {
      const std::string* id = table_->node(i).Attr("id");
      if (id != nullptr && m.MatchesList(list, i)) {
        out += out.empty() ? *id : " " + *id;
      }
    }
    return out;
  }

 private:
  std::unique_ptr<Document> doc_;
  std::unique_ptr<ElementTable> table_;
};

TEST_CASE("css selectors: combinators and structural pseudo-classes match", "[css][selectors]") {
  Fixture f(R"(<!doctype html><body id=b>
    <ul id=u><li id=l1 class="a b"><li id=l2 lang=en-GB><li id=l3 class=a><li id=l4></ul>
    <p id=p1><span id=s1></span></p><p id=p2></p><div id=d1><p id=p3></p></div></body>)");

  struct Row {
    const char* selector;
    const char* ids;
  };

  const Row rows[] = {
      {"li.a", "l1 l3"},
      {".a.b", "l1"},
      {"ul > li:first-child", "l1"},
      {"li:last-child", "l4"},
      {"li:nth-child(2n)", "l2 l4"},
      {"li:nth-child(odd)", "l1 l3"},
      {"li:nth-last-child(1)", "l4"},
      {"li:nth-child(-n+2)", "l1 l2"},
      {"li:nth-child(2 of .a)", "l3"},
      {"li.a + li", "l2 l4"},
      {"#l1 ~ li", "l2 l3 l4"},
      {"body > p", "p1 p2"},
      {"body p", "p1 p2 p3"},
      {"div p", "p3"},
      {"p:empty", "p2 p3"},
      {"p:first-of-type", "p1 p3"},
      {"p:last-of-type", "p2 p3"},
      {"p:only-of-type", "p3"},
      {"span:only-child", "s1"},
      {"li:not(.a)", "l2 l4"},
      {":is(#p1, #p3)", "p1 p3"},
      {"p:has(span)", "p1"},
      {"div:has(> p)", "d1"},
      {"li:lang(en)", "l2"},
      {"LI#L1", ""},         // ids are case-sensitive
      {"UL > LI#l1", "l1"},  // HTML type selectors are not
      {"li:hover, li:focus, li:visited", ""},
      {"body:root", ""},
  };
  for (const Row& row : rows) {
    INFO(row.selector);
    CHECK(f.Select(row.selector) == row.ids);
  }
}

TEST_CASE("css selectors: attribute operators and case flags", "[css][selectors]") {
  Fixture f(R"(<a id=a1 href="https://x.org/doc.PDF" rel="nofollow noopener" hreflang="en-US"></a>
    <input id=i1 type=CHECKBOX checked><input id=i2 type=text disabled required>
    <fieldset disabled><input id=i3><legend><input id=i4></legend></fieldset>)");

  struct Row {
    const char* selector;
    const char* ids;
  };

  const Row rows[] = {
      {"[href]", "a1"},
      {"[rel~=noopener]", "a1"},
      {"[rel~=noop]", ""},
      {"[hreflang|=en]", "a1"},
      {"[href^='https:']", "a1"},
      {"[href$='.pdf']", ""},
      {"[href$='.pdf' i]", "a1"},
      {"[href*='x.org']", "a1"},
      {"[type=checkbox]", "i1"},  // type is case-insensitive in HTML
      {"[type=checkbox s]", ""},
      {":checked", "i1"},
      {":disabled", "i2 i3"},
      {"input:enabled", "i1 i4"},
      {":required", "i2"},
      {"input:optional", "i1 i3 i4"},
      {":link", "a1"},
      {":any-link", "a1"},
  };
  for (const Row& row : rows) {
    INFO(row.selector);
    CHECK(f.Select(row.selector) == row.ids);
  }
}

TEST_CASE("css selectors: long descendant chains on deep trees stay fast", "[css][selectors]") {
  std::string html = "<div id=top>";
  for (int k = 0; k < 400; ++k) {
    html += "<div>";
  }
  html += "<p id=deep></p>";
  Fixture f(html);
  // Exponential backtracking would never finish here.
  CHECK(f.Select("div div div div div div div div div div div div span p") == "");
  CHECK(f.Select("#top div div div div div div div div div div div p") == "deep");
}

}  // namespace
}  // namespace plainsight::engine::css
