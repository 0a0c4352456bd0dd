// Tests of Accessibility::Role/ImplicitRole/ExplicitRole: HTML-AAM implicit roles, WAI-ARIA 1.2
// fallback role lists, and the presentational role conflict resolution.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/aria/test_page.h"

namespace plainsight::engine {
namespace {

using testing::Load;

struct RoleRow {
  std::string_view html;  // the element under test has id="t"
  std::string_view role;
};

void CheckRoles(const std::vector<RoleRow>& rows) {
  for (const RoleRow& row : rows) {
    INFO(row.html);
    auto page = Load(row.html);
    CHECK(page.a11y->Role(page.Id("t")) == row.role);
    const RoleId id = page.a11y->RoleIdOf(page.Id("t"));
    CHECK(id == (row.role.empty() ? kNoRoleId : RoleIdOf(row.role)));
  }
}

TEST_CASE("aria roles: implicit roles of HTML elements per HTML-AAM", "[aria][roles]") {
  CheckRoles({
      {R"(<a id=t href="/">x</a>)", "link"},
      {R"(<a id=t>x</a>)", ""},  // no href: generic, reported as ""
      {R"(<map><area id=t href="/" alt=x></map>)", "link"},
      {R"(<article id=t></article>)", "article"},
      {R"(<aside id=t></aside>)", "complementary"},
      {R"(<button id=t>x</button>)", "button"},
      {R"(<blockquote id=t></blockquote>)", "blockquote"},
      {R"(<code id=t></code>)", "code"},
      {R"(<datalist id=t></datalist>)", "listbox"},
      {R"(<dl><dt id=t>a</dt><dd>b</dd></dl>)", "term"},
      {R"(<dl><dt>a</dt><dd id=t>b</dd></dl>)", "definition"},
      {R"(<del id=t></del>)", "deletion"},
      {R"(<details id=t><summary>s</summary></details>)", "group"},
      {R"(<dialog id=t></dialog>)", "dialog"},
      {R"(<div id=t></div>)", ""},
      {R"(<em id=t></em>)", "emphasis"},
      {R"(<fieldset id=t></fieldset>)", "group"},
      {R"(<figure id=t></figure>)", "figure"},
      {R"(<h1 id=t>x</h1>)", "heading"},
      {R"(<h6 id=t>x</h6>)", "heading"},
      {R"(<hr id=t>)", "separator"},
      {R"(<img id=t src=a.png alt="A map">)", "img"},
      {R"(<img id=t src=a.png>)", "img"},
      {R"(<img id=t src=a.png alt="">)", "none"},
      {R"(<img id=t src=a.png alt="" aria-label="x">)", "img"},  // global attribute: conflict
      {R"(<img id=t src=a.png alt="" tabindex=0>)", "img"},      // focusable: conflict
      {R"(<input id=t>)", "textbox"},
      {R"(<input id=t type=bogus>)", "textbox"},
      {R"(<input id=t type=text list=l><datalist id=l></datalist>)", "combobox"},
      {R"(<input id=t type=email>)", "textbox"},
      {R"(<input id=t type=tel>)", "textbox"},
      {R"(<input id=t type=url>)", "textbox"},
      {R"(<input id=t type=search>)", "searchbox"},
      {R"(<input id=t type=search list=l>)", "combobox"},
      {R"(<input id=t type=checkbox>)", "checkbox"},
      {R"(<input id=t type=radio>)", "radio"},
      {R"(<input id=t type=range>)", "slider"},
      {R"(<input id=t type=number>)", "spinbutton"},
      {R"(<input id=t type=button>)", "button"},
      {R"(<input id=t type=submit>)", "button"},
      {R"(<input id=t type=reset>)", "button"},
      {R"(<input id=t type=image alt=Go>)", "button"},
      {R"(<input id=t type=hidden>)", ""},
      {R"(<input id=t type=file>)", ""},
      {R"(<ins id=t></ins>)", "insertion"},
      {R"(<main id=t></main>)", "main"},
      {R"(<menu id=t></menu>)", "list"},
      {R"(<meter id=t></meter>)", "meter"},
      {R"(<nav id=t></nav>)", "navigation"},
      {R"(<ol id=t></ol>)", "list"},
      {R"(<ul><li id=t>x</li></ul>)", "listitem"},
      {R"(<ol><li id=t>x</li></ol>)", "listitem"},
      {R"(<div><li id=t>x</li></div>)", ""},
      {R"(<ul role=none><li id=t>x</li></ul>)", "none"},  // presentational inheritance
      {R"(<select id=t><optgroup label=g><option>a</optgroup></select>)", "combobox"},
      {R"(<select id=t multiple><option>a</select>)", "listbox"},
      {R"(<select id=t size=4><option>a</select>)", "listbox"},
      {R"(<select id=t size=1><option>a</select>)", "combobox"},
      {R"(<select><option id=t>a</select>)", "option"},
      {R"(<select><optgroup id=t label=g><option>a</optgroup></select>)", "group"},
      {R"(<output id=t></output>)", "status"},
      {R"(<p id=t>x</p>)", "paragraph"},
      {R"(<progress id=t></progress>)", "progressbar"},
      {R"(<s id=t></s>)", "deletion"},
      {R"(<strong id=t></strong>)", "strong"},
      {R"(<sub id=t></sub>)", "subscript"},
      {R"(<sup id=t></sup>)", "superscript"},
      {R"(<textarea id=t></textarea>)", "textbox"},
      {R"(<time id=t>x</time>)", "time"},
      {R"(<span id=t>x</span>)", ""},
      {R"(<svg id=t><circle r=2></circle></svg>)", "graphics-document"},
      {R"(<svg><circle id=t r=2></circle></svg>)", ""},
      {R"(<svg><circle id=t r=2><title>Dot</title></circle></svg>)", "graphics-symbol"},
      {R"(<math id=t><mi>x</mi></math>)", "math"},
      {R"(<iframe id=t title=x></iframe>)", ""},
  });
}

TEST_CASE("aria roles: header, footer, aside depend on their sectioning ancestors",
          "[aria][roles]") {
  CheckRoles({
      {R"(<header id=t>x</header>)", "banner"},
      {R"(<footer id=t>x</footer>)", "contentinfo"},
      {R"(<div><header id=t>x</header></div>)", "banner"},
      {R"(<article><header id=t>x</header></article>)", ""},
      {R"(<section><footer id=t>x</footer></section>)", ""},
      {R"(<main><header id=t>x</header></main>)", ""},
      {R"(<nav><div><footer id=t>x</footer></div></nav>)", ""},
      {R"(<div role=region><header id=t>x</header></div>)", ""},
      {R"(<aside><header id=t>x</header></aside>)", ""},
      {R"(<main><aside id=t>x</aside></main>)", "complementary"},
      {R"(<article><aside id=t>x</aside></article>)", ""},
      {R"(<article><aside id=t aria-label=Related>x</aside></article>)", "complementary"},
  });
}

TEST_CASE("aria roles: section and form are landmarks only with a name", "[aria][roles]") {
  CheckRoles({
      {R"(<section id=t>x</section>)", ""},
      {R"(<section id=t aria-label="News">x</section>)", "region"},
      {R"(<section id=t aria-label="  ">x</section>)", ""},
      {R"(<h2 id=h>News</h2><section id=t aria-labelledby=h>x</section>)", "region"},
      {R"(<section id=t aria-labelledby=missing>x</section>)", ""},
      {R"(<section id=t title="News">x</section>)", "region"},
      {R"(<form id=t>x</form>)", ""},
      {R"(<form id=t aria-label="Search">x</form>)", "form"},
  });
}

TEST_CASE("aria roles: table parts take their role from the table's role", "[aria][roles]") {
  CheckRoles({
      {R"(<table><tr><td id=t>x</td></tr></table>)", "cell"},
      {R"(<table role=grid><tr><td id=t>x</td></tr></table>)", "gridcell"},
      {R"(<table role=treegrid><tr><td id=t>x</td></tr></table>)", "gridcell"},
      {R"(<table role=presentation><tr><td id=t>x</td></tr></table>)", "none"},
      {R"(<table role=none><tr id=t><td>x</td></tr></table>)", "none"},
      {R"(<table><tr id=t><td>x</td></tr></table>)", "row"},
      {R"(<table><tbody id=t><tr><td>x</td></tr></tbody></table>)", "rowgroup"},
      {R"(<table><thead id=t><tr><th>x</th></tr></thead></table>)", "rowgroup"},
      {R"(<table><caption id=t>c</caption><tr><td>x</td></tr></table>)", "caption"},
      {R"(<table><tr><th id=t>h</th><th>i</th></tr><tr><td>x</td><td>y</td></tr></table>)",
       "columnheader"},
      {R"(<table><tr><th id=t>h</th><td>x</td></tr></table>)", "rowheader"},
      {R"(<table><tr><th id=t scope=col>h</th><td>x</td></tr></table>)", "columnheader"},
      {R"(<table><tr><th id=t scope=row>h</th></tr></table>)", "rowheader"},
      {R"(<table><thead><tr><th id=t>h</th><td>x</td></tr></thead></table>)", "columnheader"},
      {R"(<table role=grid><tr><th id=t>h</th><th>i</th></tr></table>)", "columnheader"},
      {R"(<table role=list><tr><td id=t>x</td></tr></table>)", ""},
  });
}

TEST_CASE("aria roles: explicit roles use the first valid non-abstract token", "[aria][roles]") {
  CheckRoles({
      {R"(<div id=t role=button>x</div>)", "button"},
      {R"(<div id=t role="BUTTON">x</div>)", "button"},  // ASCII case-insensitive
      {R"(<div id=t role="switch checkbox">x</div>)", "switch"},
      {R"(<div id=t role="bogus checkbox">x</div>)", "checkbox"},  // fallback list
      {R"(<div id=t role="widget link">x</div>)", "link"},         // abstract roles skipped
      {R"(<div id=t role="bogus">x</div>)", ""},
      {R"(<h1 id=t role="bogus">x</h1>)", "heading"},  // invalid: implicit role stays
      {R"(<h1 id=t role="   ">x</h1>)", "heading"},
      {R"(<button id=t role=link>x</button>)", "link"},
      {R"(<div id=t role=generic>x</div>)", ""},
      {R"(<svg id=t role=graphics-object></svg>)", "graphics-object"},
      {R"(<div id=t role="doc-noteref">1</div>)", "doc-noteref"},
  });
  auto page = Load(R"(<div id=t role="bogus Checkbox switch">x</div>)");
  CHECK(page.a11y->ExplicitRole(page.Id("t")) == "checkbox");
  CHECK(page.a11y->ImplicitRole(page.Id("t")) == "");
}

TEST_CASE("aria roles: none/presentation yields to focus and global attributes (9.3)",
          "[aria][roles]") {
  CheckRoles({
      {R"(<h1 id=t role=presentation>x</h1>)", "none"},
      {R"(<h1 id=t role=none>x</h1>)", "none"},
      {R"(<h1 id=t role="none heading">x</h1>)", "none"},
      {R"(<button id=t role=none>x</button>)", "button"},  // focusable (ACT 5c01ea)
      {R"(<button id=t role=none disabled>x</button>)", "none"},
      {R"(<h1 id=t role=none tabindex=-1>x</h1>)", "heading"},
      {R"(<h1 id=t role=none aria-live=polite>x</h1>)", "heading"},  // global attribute
      {R"(<h1 id=t role=none aria-checked=true>x</h1>)", "none"},    // not global
      {R"(<div id=t role=presentation tabindex=0>x</div>)", ""},     // implicit generic
      {R"(<a id=t role=none href="/">x</a>)", "link"},
      {R"(<img id=t role=presentation src=a.png alt="Cat">)", "none"},
      {R"(<summary id=t role=none>x</summary>)", "none"},  // not in details: not focusable
      {R"(<details><summary id=t role=none>x</summary></details>)", ""},  // focusable summary
  });
}

TEST_CASE("aria roles: accessible parent and owned elements look through wrappers",
          "[aria][roles]") {
  auto page = Load(R"(<ul id=list><div><span role=listitem id=a>a</span></div><li id=b>b</li></ul>
      <div role=list id=owner aria-owns="c"></div><div><span id=c role=listitem>c</span></div>
      <div role=list id=hid><div role=listitem aria-hidden=true id=h>x</div></div>)");
  const Accessibility& a = *page.a11y;
  CHECK(a.AccessibleParent(page.Id("a")) == &page.Id("list"));
  CHECK(a.AccessibleParent(page.Id("c")) == &page.Id("owner"));
  CHECK(a.AriaOwner(page.Id("c")) == &page.Id("owner"));
  std::vector<const Node*> owned = a.OwnedElements(page.Id("list"));
  REQUIRE(owned.size() == 2);
  CHECK(owned[0] == &page.Id("a"));
  CHECK(owned[1] == &page.Id("b"));
  std::vector<const Node*> by_owns = a.OwnedElements(page.Id("owner"));
  REQUIRE(by_owns.size() == 1);
  CHECK(by_owns[0] == &page.Id("c"));
  CHECK(a.OwnedElements(page.Id("hid")).empty());
}

TEST_CASE("aria roles: exposed generic elements break owned and context relations",
          "[aria][roles]") {
  auto page = Load(R"(<div id=list role=list><div id=live aria-live=polite>
      <div id=item role=listitem>1</div></div></div>
      <div id=l2 role=list><div aria-hidden=false><div id=i2 role=listitem>2</div></div></div>
      <div id=l3 role=list><span>Loose text</span></div>
      <div id=l4 role=list> <span role=listitem>ok</span> </div>)");
  const Accessibility& a = *page.a11y;
  CHECK(a.AccessibleParent(page.Id("item")) == &page.Id("live"));
  CHECK(a.Role(page.Id("live")).empty());
  REQUIRE(a.OwnedElements(page.Id("list")).size() == 1);
  CHECK(a.OwnedElements(page.Id("list"))[0] == &page.Id("live"));
  CHECK(a.AccessibleParent(page.Id("i2")) == &page.Id("l2"));  // aria-hidden=false exposes nothing
  CHECK(a.OwnsText(page.Id("l3")));
  CHECK(a.OwnedElements(page.Id("l3")).empty());
  CHECK_FALSE(a.OwnsText(page.Id("l4")));
  CHECK(a.IsTreeWrapper(page.Id("live")) == false);
}

TEST_CASE("aria roles: children of roles with presentational children are not owned",
          "[aria][roles]") {
  auto page = Load(R"(<button id=b><img id=i src=a.png alt=x><span role=link>y</span></button>
      <div id=l role=link><img id=j src=a.png alt=x></div>)");
  const Accessibility& a = *page.a11y;
  CHECK(a.OwnedElements(page.Id("b")).empty());
  CHECK(a.IsHidden(page.Id("i")));
  CHECK(a.HasPresentationalAncestor(page.Id("i")));
  REQUIRE(a.OwnedElements(page.Id("l")).size() == 1);
  CHECK_FALSE(a.IsHidden(page.Id("j")));
}

TEST_CASE("aria roles: aria-owns cycles and double claims are ignored", "[aria][roles]") {
  auto page =
      Load(R"(<div id=x role=group aria-owns="y"><div id=y role=group aria-owns="x"></div></div>
      <div id=p role=list aria-owns="q"></div><div id=r role=list aria-owns="q"></div>
      <div id=q role=listitem>q</div>
      <div id=m role=group aria-owns=n></div><div id=n role=group aria-owns=m></div>)");
  const Accessibility& a = *page.a11y;
  CHECK(a.AriaOwner(page.Id("x")) == nullptr);  // would own its own ancestor
  CHECK(a.AriaOwner(page.Id("q")) == &page.Id("p"));
  CHECK(a.OwnedElements(page.Id("r")).empty());
  CHECK(a.AccessibleParent(page.Id("y")) == &page.Id("x"));
  // Siblings owning each other: the first claim wins, the second would close a cycle.
  CHECK(a.AriaOwner(page.Id("n")) == &page.Id("m"));
  CHECK(a.AriaOwner(page.Id("m")) == nullptr);
}

}  // namespace
}  // namespace plainsight::engine
