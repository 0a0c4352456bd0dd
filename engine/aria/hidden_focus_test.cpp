// Tests of exclusion from the accessibility tree (hidden, aria-hidden, display, visibility,
// inert, presentational children) and of focusability and sequential focus order (HTML 6.6.3).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/aria/test_page.h"

namespace plainsight::engine {
namespace {

using testing::Load;

TEST_CASE("aria hidden: the ways an element leaves the accessibility tree", "[aria][hidden]") {
  struct Row {
    std::string_view html;  // element under test: id="t"
    bool hidden;
    bool aria_hidden;
    bool invisible;
  };

  const std::vector<Row> rows = {
      {R"(<p id=t>x</p>)", false, false, false},
      {R"(<p id=t hidden>x</p>)", true, false, true},
      {R"(<div hidden><p id=t>x</p></div>)", true, false, true},
      {R"(<p id=t style="display:none">x</p>)", true, false, true},
      {R"(<div style="display:none"><p id=t>x</p></div>)", true, false, true},
      {R"(<p id=t style="visibility:hidden">x</p>)", true, false, true},
      {R"(<div style="visibility:hidden"><p id=t>x</p></div>)", true, false, true},
      // A visible child of a visibility:hidden parent is rendered.
      {R"(<div style="visibility:hidden"><p id=t style="visibility:visible">x</p></div>)", false,
       false, false},
      {R"(<p id=t aria-hidden=true>x</p>)", true, true, false},
      {R"(<p id=t aria-hidden=TRUE>x</p>)", true, true, false},
      {R"(<div aria-hidden=true><p id=t>x</p></div>)", true, true, false},
      {R"(<div aria-hidden=true><p id=t aria-hidden=false>x</p></div>)", true, true, false},
      {R"(<p id=t aria-hidden=false>x</p>)", false, false, false},
      {R"(<p id=t aria-hidden=yes>x</p>)", false, false, false},
      {R"(<div inert><p id=t>x</p></div>)", true, false, false},
      {R"(<button><span id=t>x</span></button>)", true, false, false},  // presentational children
      {R"(<div role=img><span id=t>x</span></div>)", true, false, false},
      {R"(<a href="/"><span id=t>x</span></a>)", false, false, false},
      {R"(<details><summary>s</summary><p id=t>x</p></details>)", true, false, true},
      {R"(<details open><summary>s</summary><p id=t>x</p></details>)", false, false, false},
      {R"(<details><summary id=t>s</summary><p>x</p></details>)", false, false, false},
      {R"(<input id=t type=hidden>)", true, false, true},
      {R"(<div style="content-visibility:hidden"><p id=t>x</p></div>)", true, false, true},
      {R"(<div id=t style="content-visibility:hidden"><p>x</p></div>)", false, false, false},
      {R"(<head><title id=t>T</title></head>)", true, false, true},
  };
  for (const Row& row : rows) {
    INFO(row.html);
    auto page = Load(row.html);
    const Node& t = page.Id("t");
    CHECK(page.a11y->IsHidden(t) == row.hidden);
    CHECK(page.a11y->IsAriaHidden(t) == row.aria_hidden);
    CHECK(page.a11y->IsInvisible(t) == row.invisible);
  }
}

TEST_CASE("aria hidden: deeply nested elements are handled without deep recursion",
          "[aria][hidden]") {
  // 400 levels: below the parser's nesting cap (ParseOptions::max_depth), far above what a
  // recursive ancestor walk per element could afford on a large page.
  std::string html = "<nav id=n><div aria-hidden=true>";
  for (int i = 0; i < 400; ++i) {
    html += "<span>";
  }
  html += "<a id=t href=\"/\">deep</a>";
  auto page = Load(html);
  const Node& t = page.Id("t");
  CHECK(page.a11y->IsHidden(t));
  CHECK(page.a11y->IsAriaHidden(t));
  CHECK(page.a11y->AccessibleName(t) == "deep");
  CHECK(page.a11y->AccessibleParent(t) == &page.Id("n"));
}

TEST_CASE("aria focus: which elements are focusable (HTML 6.6.3)", "[aria][focus]") {
  struct Row {
    std::string_view html;
    bool focusable;
    bool sequential;
  };

  const std::vector<Row> rows = {
      {R"(<a id=t href="/">x</a>)", true, true},
      {R"(<a id=t>x</a>)", false, false},
      {R"(<map><area id=t href="/" alt=x></map>)", true, true},
      {R"(<button id=t>x</button>)", true, true},
      {R"(<button id=t disabled>x</button>)", false, false},
      {R"(<button id=t disabled tabindex=0>x</button>)", false, false},
      {R"(<fieldset disabled><input id=t></fieldset>)", false, false},
      {R"(<fieldset disabled><legend><input id=t></legend></fieldset>)", true, true},
      {R"(<input id=t>)", true, true},
      {R"(<input id=t type=hidden>)", false, false},
      {R"(<select id=t><option>a</select>)", true, true},
      {R"(<textarea id=t></textarea>)", true, true},
      {R"(<iframe id=t></iframe>)", true, true},
      {R"(<details><summary id=t>s</summary></details>)", true, true},
      {R"(<details><summary>s</summary><summary id=t>t</summary></details>)", false, false},
      {R"(<div id=t contenteditable>x</div>)", true, true},
      {R"(<div id=t contenteditable=false>x</div>)", false, false},
      {R"(<div id=t tabindex=0>x</div>)", true, true},
      {R"(<div id=t tabindex=-1>x</div>)", true, false},
      {R"(<a id=t href="/" tabindex=-1>x</a>)", true, false},
      {R"(<div id=t tabindex=" 2px">x</div>)", true, true},  // HTML integer parsing
      {R"(<div id=t tabindex=x>x</div>)", false, false},
      {R"(<div id=t tabindex="">x</div>)", false, false},
      {R"(<video id=t controls></video>)", true, true},
      {R"(<video id=t></video>)", false, false},
      {R"(<a id=t href="/" style="display:none">x</a>)", false, false},
      {R"(<a id=t href="/" style="visibility:hidden">x</a>)", false, false},
      {R"(<div inert><a id=t href="/">x</a></div>)", false, false},
      {R"(<div aria-hidden=true><a id=t href="/">x</a></div>)", true, true},  // still focusable
      {R"(<svg><a id=t href="/"><text>x</text></a></svg>)", true, true},
  };
  for (const Row& row : rows) {
    INFO(row.html);
    auto page = Load(row.html);
    const Node& t = page.Id("t");
    CHECK(page.a11y->IsFocusable(t) == row.focusable);
    CHECK(page.a11y->IsInSequentialFocusOrder(t) == row.sequential);
  }
}

TEST_CASE("aria focus: tabindex is parsed by HTML's rules for integers", "[aria][focus]") {
  auto page = Load(R"(<div id=a tabindex="  +3 "></div><div id=b tabindex="-1x"></div>
      <div id=c tabindex="1.9"></div><div id=d tabindex="x1"></div><div id=e></div>)");
  CHECK(page.a11y->TabIndex(page.Id("a")) == 3);
  CHECK(page.a11y->TabIndex(page.Id("b")) == -1);
  CHECK(page.a11y->TabIndex(page.Id("c")) == 1);
  CHECK_FALSE(page.a11y->TabIndex(page.Id("d")).has_value());
  CHECK_FALSE(page.a11y->TabIndex(page.Id("e")).has_value());
}

TEST_CASE("aria focus: positive tabindex first in ascending order, then tree order",
          "[aria][focus]") {
  auto page = Load(R"(<a id=z href="/">z</a><div id=two tabindex=2>2</div>
      <button id=b>b</button><div id=one tabindex=1>1</div><div id=skip tabindex=-1>s</div>
      <div id=two2 tabindex=2>2b</div><input id=off disabled><textarea id=ta></textarea>)");
  std::vector<const Node*> order = page.a11y->SequentialFocusOrder();
  std::vector<std::string> ids;
  ids.reserve(order.size());
  for (const Node* e : order) {
    ids.emplace_back(e->AttrOr("id"));
  }
  CHECK(ids == std::vector<std::string>{"one", "two", "two2", "z", "b", "ta"});
}

}  // namespace
}  // namespace plainsight::engine
