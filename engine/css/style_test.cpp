// The cascade end to end: documents in, computed styles out.
#include "engine/css/style.h"

#include <map>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

namespace plainsight::engine {
namespace {

struct Page {
  std::unique_ptr<Document> doc;
  std::unique_ptr<Styles> styles;

  const Node& Id(const std::string& id) const {
    const Node* n = doc->GetElementById(id);
    REQUIRE(n != nullptr);
    return *n;
  }

  const ComputedStyle& Of(const std::string& id) const { return styles->Of(Id(id)); }

  std::string Get(const std::string& id, const std::string& prop) const {
    return Of(id).Get(prop).text;
  }
};

Page Load(const std::string& html, const MediaContext& media = {},
          const std::map<std::string, std::string>& files = {}) {
  static std::map<std::string, std::string> served;
  served = files;
  static const ResourceLoader kLoader = [](const std::string& url) -> Result<std::string> {
    const auto it = served.find(url);
    if (it == served.end()) {
      return Fail(ErrorCode::kNotFound, "no such file: " + url);
    }
    return it->second;
  };
  ParseOptions options;
  options.url = "https://example.org/dir/page.html";
  options.loader = &kLoader;
  auto doc = Document::ParseHtml(html, options);
  REQUIRE(doc.has_value());
  Page page;
  page.doc = std::move(doc).value();
  page.styles = Styles::Compute(*page.doc, media);
  return page;
}

TEST_CASE("css cascade: the UA stylesheet hides head, script and [hidden]", "[css][cascade]") {
  Page p = Load(R"(<html><head><title>t</title><script id=s></script></head>
    <body id=b><div id=d hidden><span id=inner>x</span></div><p id=p>y</p>
    <input id=h type=HIDDEN><noscript id=n><p>js off</p></noscript><template id=t><p id=tp></p></template>)");
  CHECK(p.styles->IsDisplayNone(*p.doc->head()));
  CHECK(p.styles->IsDisplayNone(p.Id("s")));
  CHECK(p.Get("d", "display") == "none");
  CHECK(p.styles->IsDisplayNone(p.Id("inner")));
  CHECK(p.Get("inner", "display") == "inline");  // its own value; an ancestor hides it
  CHECK_FALSE(p.styles->IsDisplayNone(p.Id("p")));
  CHECK(p.Get("p", "display") == "block");
  CHECK(p.Get("b", "display") == "block");
  CHECK(p.Of("h").DisplayNone());
  CHECK(p.styles->IsDisplayNone(p.Id("n")));
  CHECK(p.styles->IsDisplayNone(p.Id("t")));
}

TEST_CASE("css cascade: UA display values, headings and bold", "[css][cascade]") {
  Page p =
      Load(R"(<ul><li id=li>a</li></ul><table><tr id=tr><td id=td><b id=b>x</b></td></tr></table>
    <h1 id=h1>h</h1><section><h1 id=sh1>s</h1></section><h2 id=h2><strong id=st>x</strong></h2>
    <a id=a href=x>l</a><a id=na>n</a><em id=em>e</em><small id=sm>s</small>)");
  CHECK(p.Get("li", "display") == "list-item");
  CHECK(p.Get("tr", "display") == "table-row");
  CHECK(p.Get("td", "display") == "table-cell");
  CHECK(p.Of("b").FontWeight() == 700);
  CHECK(p.Of("h1").FontSizePx() == Approx(32));
  CHECK(p.Of("h1").FontWeight() == 700);
  CHECK(p.Of("sh1").FontSizePx() == Approx(24));
  CHECK(p.Of("h2").FontSizePx() == Approx(24));
  CHECK(p.Of("st").FontWeight() == 900);  // bolder than the heading's 700
  CHECK(p.Get("a", "color") == "rgb(0, 0, 238)");
  CHECK(p.Get("a", "text-decoration") == "underline");
  CHECK(p.Get("na", "color") == "rgb(0, 0, 0)");
  CHECK(p.Get("em", "font-style") == "italic");
  CHECK(p.Of("sm").FontSizePx() == Approx(16 / 1.2));
}

TEST_CASE("css cascade: specificity, order, !important and the style attribute", "[css][cascade]") {
  Page p = Load(R"(<style>
      #x { color: red; }
      p.c { color: blue; }
      p { color: green !important; }
      .late { color: gray; } .late { color: olive; }
      #imp { width: 1px !important; }
      span { letter-spacing: 1px !important; }
    </style>
    <p id=x class=c>a</p><p id=y class=c>b</p><p id=z class="late">c</p>
    <div id=imp style="width: 2px !important; height: 3px"></div>
    <div id=sa style="color: red"></div>
    <span id=sp style="letter-spacing: 2px">s</span><span id=sp2 style="letter-spacing: 3px !important">s</span>)");
  CHECK(p.Get("x", "color") == "rgb(0, 128, 0)");  // !important beats the id
  CHECK(p.Get("z", "color") == "rgb(0, 128, 0)");
  CHECK(p.Get("imp", "width") == "2px");  // style attribute !important beats author !important
  CHECK(p.Get("imp", "height") == "3px");
  CHECK(p.Get("sa", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("sp", "letter-spacing") == "1px");  // author !important beats style attr normal
  CHECK(p.Get("sp2", "letter-spacing") == "3px");
  const CascadedDeclaration* c = p.Of("sp2").Cascaded("letter-spacing");
  REQUIRE(c != nullptr);
  CHECK(c->important);
  CHECK(c->from_style_attribute);
  CHECK(c->value == "3px");
  const CascadedDeclaration* ua = p.Of("x").Cascaded("display");
  REQUIRE(ua != nullptr);
  CHECK(ua->user_agent);
  CHECK(p.Of("x").Cascaded("opacity") == nullptr);
}

TEST_CASE("css cascade: equal style attributes share one computed style, and only they do",
          "[css][cascade]") {
  Page p = Load(R"(<style>.big { font-size: 20px }</style>
    <div style="font-size: 10px"><p id=a style="color: #999; text-indent: 2em">a</p>
    <p id=b style="color: #999; text-indent: 2em">b</p>
    <p id=c style="color: #998; text-indent: 2em">c</p>
    <p id=e class=big style="color: #999; text-indent: 2em">e</p>
    <p id=f style="">f</p><p id=g>g</p></div>
    <div><p id=h style="color: #999; text-indent: 2em">h</p></div>
    <img id=i width=10 style="color: #999"><img id=j width=20 style="color: #999">)");
  // Same parent style, same rules, same attribute text: one style, so one cascaded declaration.
  CHECK(p.Of("a").Cascaded("color") == p.Of("b").Cascaded("color"));
  CHECK(p.Get("b", "color") == "rgb(153, 153, 153)");
  CHECK(p.Of("b").LengthPx("text-indent") == Approx(20));
  CHECK(p.Get("c", "color") == "rgb(153, 153, 136)");      // another attribute text
  CHECK(p.Of("e").LengthPx("text-indent") == Approx(40));  // another rule matched
  CHECK(p.Of("h").LengthPx("text-indent") == Approx(32));  // another parent style
  CHECK(p.Of("h").Cascaded("color") != p.Of("a").Cascaded("color"));
  const CascadedDeclaration* from_attribute = p.Of("h").Cascaded("color");
  REQUIRE(from_attribute != nullptr);
  CHECK(from_attribute->from_style_attribute);
  CHECK(p.Of("f").Cascaded("color") == nullptr);  // an empty attribute declares nothing
  CHECK(p.Get("f", "color") == p.Get("g", "color"));
  // Presentational hints come from the element's other attributes: never shared.
  CHECK(p.Get("i", "width") == "10px");
  CHECK(p.Get("j", "width") == "20px");
}

TEST_CASE("css cascade: later rules win ties and order decides", "[css][cascade]") {
  Page p = Load(R"(<style>.a { color: red } .b { color: blue }</style><p id=p class="b a">x</p>)");
  CHECK(p.Get("p", "color") == "rgb(0, 0, 255)");
}

TEST_CASE("css cascade: inheritance, inherit, initial, unset and revert", "[css][cascade]") {
  Page p = Load(R"(<style>
      #outer { color: red; font-size: 20px; visibility: hidden; background-color: blue; width: 10px; }
      #inh { background-color: inherit; }
      #ini { color: initial; }
      #uns { color: unset; width: unset; }
      h1#rev { font-size: 50px; } h1#rev { font-size: revert; }
      #outer #lh { line-height: 1.5; letter-spacing: 0.5em; }
    </style>
    <div id=outer><span id=child>c</span><span id=inh>i</span><span id=ini>n</span>
    <span id=uns>u</span><h1 id=rev>r</h1><p id=lh><span id=lhc>x</span></p></div>)");
  CHECK(p.Get("child", "color") == "rgb(255, 0, 0)");
  CHECK(p.Of("child").FontSizePx() == Approx(20));
  CHECK(p.Of("child").VisibilityHidden());
  CHECK(p.Get("child", "background-color") == "rgba(0, 0, 0, 0)");  // not inherited
  CHECK(p.Get("inh", "background-color") == "rgb(0, 0, 255)");
  CHECK(p.Get("ini", "color") == "rgb(0, 0, 0)");
  CHECK(p.Get("uns", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("uns", "width") == "auto");
  CHECK(p.Of("rev").FontSizePx() == Approx(40));  // back to the UA's 2em
  CHECK(p.Get("lhc", "line-height") == "1.5");    // numbers inherit as numbers
  CHECK(p.Of("lhc").LengthPx("line-height") == Approx(30));
  CHECK(p.Get("lhc", "letter-spacing") == "10px");  // em resolved where declared
}

TEST_CASE("css cascade: font sizes with em, rem, % and keywords", "[css][cascade]") {
  Page p = Load(R"(<style>
      html { font-size: 10px; }
      #a { font-size: 2em; } #b { font-size: 150%; } #c { font-size: 2rem; }
      #d { font-size: x-large; } #e { font-size: 12pt; word-spacing: 1em; text-indent: 2em; }
    </style><div id=a><div id=b><div id=c></div></div></div><div id=d></div><div id=e></div>)");
  CHECK(p.Of("a").FontSizePx() == Approx(20));
  CHECK(p.Of("b").FontSizePx() == Approx(30));
  CHECK(p.Of("c").FontSizePx() == Approx(20));
  CHECK(p.Of("d").FontSizePx() == Approx(24));
  CHECK(p.Of("e").FontSizePx() == Approx(16));
  CHECK(p.Of("e").LengthPx("word-spacing") == Approx(16));
  CHECK(p.Of("e").LengthPx("text-indent") == Approx(32));
}

TEST_CASE("css cascade: @media for a screen, print and orientation", "[css][media]") {
  const std::string html = R"(<style>
      @media print { #p { display: none; } }
      @media screen and (orientation: portrait) { #p { color: red; } }
      @media (min-width: 1000px) { #p { color: blue; } }
    </style><link rel=stylesheet href="print.css" media=print><p id=p>x</p>)";
  const std::map<std::string, std::string> files = {
      {"https://example.org/dir/print.css", "p { opacity: 0 }"}};
  Page wide = Load(html, MediaContext{1280, 800}, files);
  CHECK(wide.Get("p", "display") == "block");
  CHECK(wide.Get("p", "color") == "rgb(0, 0, 255)");
  CHECK(wide.Get("p", "opacity") == "1");
  Page tall = Load(html, MediaContext{400, 900}, files);
  CHECK(tall.Get("p", "color") == "rgb(255, 0, 0)");
}

TEST_CASE("css cascade: which styles depend on the viewport", "[css][media]") {
  // Nothing reads the viewport: any screen gets these styles.
  CHECK_FALSE(Load("<style>p { width: 30em; color: red } @media print { p { color: blue } }"
                   "</style><p style='margin: 1px'>x</p>")
                  .styles->DependsOnViewport());
  CHECK_FALSE(
      Load("<style>.v { width: 100% }</style><p class=v>visible</p>").styles->DependsOnViewport());
  // A media query on the size or orientation, in a sheet, an attribute or an @import.
  for (const char* html : {
           "<style>@media (min-width: 40em) { p { color: red } }</style><p>x</p>",
           "<style>@media (orientation: landscape) { p { color: red } }</style><p>x</p>",
           "<style>@media (max-aspect-ratio: 1/1) { p { color: red } }</style><p>x</p>",
           "<style media='(max-height: 500px)'>p { color: red }</style><p>x</p>",
           "<link rel=stylesheet href=a.css media='screen and (min-width: 2000px)'><p>x</p>",
           "<style>@import url(a.css) (max-width: 50vw);</style><p>x</p>",
       }) {
    INFO(html);
    CHECK(Load(html, {}, {{"https://example.org/dir/a.css", "p { color: red }"}})
              .styles->DependsOnViewport());
  }
  // A viewport unit anywhere in the author CSS: a sheet, a style attribute, a custom property.
  for (const char* html :
       {"<style>p { width: 50vw }</style><p>x</p>", "<p style='font-size: 2.5VMIN'>x</p>",
        "<style>:root { --w: 10dvh } p { height: var(--w) }</style><p>x</p>",
        "<style>p:focus { outline-width: 1svi }</style><p>x</p>"}) {
    INFO(html);
    CHECK(Load(html).styles->DependsOnViewport());
  }
}

TEST_CASE("css cascade: linked sheets and @import load through the loader", "[css][loader]") {
  const std::map<std::string, std::string> files = {
      {"https://example.org/css/main.css",
       "@import url(parts/a.css); @import 'missing.css'; #x { color: red }"},
      {"https://example.org/css/parts/a.css", "#x { font-weight: bold; width: 5px }"},
      {"https://example.org/css/loop.css", "@import 'loop.css'; #y { color: blue }"},
  };
  Page p = Load(
      R"(<link rel="stylesheet" href="../css/main.css"><link rel=StyleSheet href="/css/loop.css">
    <link rel="alternate stylesheet" href="/css/parts/a.css"><p id=x>x</p><p id=y>y</p>)",
      {}, files);
  CHECK(p.Get("x", "color") == "rgb(255, 0, 0)");
  CHECK(p.Of("x").FontWeight() == 700);
  CHECK(p.Get("y", "color") == "rgb(0, 0, 255)");
  bool missing_reported = false;
  for (const std::string& w : p.styles->warnings()) {
    missing_reported = missing_reported || w.find("missing.css") != std::string::npos;
  }
  CHECK(missing_reported);
}

TEST_CASE("css cascade: shorthands set their longhands", "[css][cascade]") {
  Page p = Load(R"(<style>
      #a { background: url(bg.png) #ff0000 no-repeat; font: italic bold 20px/2 serif;
           outline: 2px solid blue; overflow: hidden; }
      #b { outline: none; }
    </style><div id=a></div><div id=b></div>)");
  CHECK(p.Get("a", "background-color") == "rgb(255, 0, 0)");
  CHECK(p.Get("a", "background-image") == "url(bg.png)");
  CHECK(p.Get("a", "font-style") == "italic");
  CHECK(p.Of("a").FontWeight() == 700);
  CHECK(p.Of("a").FontSizePx() == Approx(20));
  CHECK(p.Get("a", "line-height") == "2");
  CHECK(p.Get("a", "outline-style") == "solid");
  CHECK(p.Get("a", "outline-width") == "2px");
  CHECK(p.Get("a", "outline-color") == "rgb(0, 0, 255)");
  CHECK(p.Get("a", "overflow-x") == "hidden");
  CHECK(p.Get("a", "overflow") == "hidden");
  CHECK(p.Get("b", "outline-width") == "0px");
}

TEST_CASE("css cascade: colours and currentcolor", "[css][colour]") {
  Page p = Load(R"(<style>
      #a { color: hsl(120, 100%, 25%); background-color: currentColor; }
      #b { color: rgba(0, 0, 0, .5); } #c { color: transparent; } #d { color: nonsense; }
    </style><div id=a></div><div id=b></div><div id=c></div><div id=d></div>)");
  CHECK(p.Get("a", "color") == "rgb(0, 128, 0)");
  CHECK(p.Get("a", "background-color") == "rgb(0, 128, 0)");
  REQUIRE(p.Of("b").Color().has_value());
  CHECK(p.Of("b").Color()->a == Approx(0.5));
  CHECK(p.Of("c").Color()->a == 0);
  CHECK(p.Get("d", "color") == "rgb(0, 0, 0)");  // invalid declaration dropped
}

TEST_CASE("css cascade: var() resolves custom properties, unknown when it cannot", "[css][var]") {
  Page p = Load(R"(<style>
      :root { --main: #00f; --size: 2em; --pad: var(--size); }
      #a { color: var(--main); font-size: var(--size); }
      #b { color: var(--undefined); }
      #c { color: var(--undefined, red); }
      #d { --a: var(--b); --b: var(--a); color: var(--a, green); }
      #e { background: var(--main) url(x.png); }
    </style><div id=a></div><div id=b></div><div id=c></div><div id=d></div><div id=e></div>)");
  CHECK(p.Get("a", "color") == "rgb(0, 0, 255)");
  CHECK(p.Of("a").FontSizePx() == Approx(32));
  CHECK_FALSE(p.Of("b").Get("color").known);
  CHECK_FALSE(p.Of("b").Color().has_value());
  CHECK(p.Get("c", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("d", "color") == "rgb(0, 128, 0)");  // a cycle falls back
  CHECK(p.Get("e", "background-color") == "rgb(0, 0, 255)");
  CHECK(p.Get("e", "background-image") == "url(x.png)");
}

TEST_CASE("css cascade: ::before and ::after content", "[css][pseudo]") {
  Page p = Load(R"(<style>
      #a::before { content: "Hello "; }
      #a::after { content: attr(data-x) "!"; }
      #b::before { content: counter(item) ". "; }
      #c::before { content: url(icon.png) / "Warning"; }
      #d::before { content: "gone"; display: none; }
      #e:hover::before { content: "hover"; }
      #g::before { content: none; }
    </style><p id=a data-x=World>x</p><p id=b>y</p><p id=c>z</p><p id=d></p><p id=e></p>
    <q id=q>quote</q><p id=g></p>)");
  CHECK(p.styles->BeforeText(p.Id("a")) == "Hello ");
  CHECK(p.styles->AfterText(p.Id("a")) == "World!");
  REQUIRE(p.styles->Before(p.Id("b")) != nullptr);  // a box with unknown text
  CHECK_FALSE(p.styles->BeforeText(p.Id("b")).has_value());
  CHECK(p.styles->BeforeText(p.Id("c")) == "Warning");
  CHECK(p.styles->Before(p.Id("d")) == nullptr);
  CHECK(p.styles->Before(p.Id("e")) == nullptr);
  CHECK(p.styles->Before(p.Id("g")) == nullptr);
  CHECK(p.styles->BeforeText(p.Id("q")) == "\xE2\x80\x9C");
  CHECK(p.styles->AfterText(p.Id("q")) == "\xE2\x80\x9D");
  CHECK(p.styles->Before(p.Id("a"))->Get("content").text == "\"Hello \"");
}

TEST_CASE("css cascade: unknown values are reported as unknown", "[css][unknown]") {
  Page p = Load(R"(<style>
      #a { width: calc(50% + 10px); font-size: 2ex; }
      #b { color: oklch(70% 0.1 200); }
    </style><div id=a><span id=child></span></div><div id=b></div>)");
  CHECK_FALSE(p.Of("a").Get("width").known);
  CHECK_FALSE(p.Of("a").LengthPx("width").has_value());
  CHECK_FALSE(p.Of("a").FontSizePx().has_value());
  CHECK_FALSE(p.Of("child").FontSizePx().has_value());  // inherits the unknown
  CHECK_FALSE(p.Of("b").Color().has_value());
}

TEST_CASE("css cascade: presentational hints and @supports", "[css][cascade]") {
  Page p = Load(R"(<style>
      @supports (display: grid) { #s { color: red; } }
      @supports not (display: grid) { #s { color: blue; } }
      @supports (display: frobnicate) { #s { opacity: 0.5; } }
      img { width: 5px; }
    </style><img id=i width=100 height="50%"><table><tr><td id=td bgcolor=yellow>x</td></tr></table><p id=s></p>)");
  CHECK(p.Get("i", "width") == "5px");  // author CSS beats the attribute
  CHECK(p.Get("i", "height") == "50%");
  CHECK(p.Get("td", "background-color") == "rgb(255, 255, 0)");
  CHECK(p.Get("s", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("s", "opacity") == "1");
}

TEST_CASE("css cascade: <font size> sets the legacy font sizes of HTML 15.3.4", "[css][cascade]") {
  Page p = Load(R"(<font id=a size=5>x</font><font id=b size="+1">x</font>
      <font id=c size=-2>x</font><font id=d size=9>x</font><font id=e size=big>x</font>)");
  CHECK(p.Get("a", "font-size") == "24px");  // x-large
  CHECK(p.Get("b", "font-size") == "18px");  // 3 + 1 = 4: large
  CHECK(p.Get("c", "font-size") == "10px");  // 3 - 2 = 1: x-small
  CHECK(p.Get("d", "font-size") == "48px");  // clamped to 7: xxx-large
  CHECK(p.Get("e", "font-size") == "16px");  // not a number: no hint
}

TEST_CASE("css cascade: computed values of the listed properties", "[css][cascade]") {
  Page p = Load(R"(<style>#a { position: absolute; clip: rect(0 0 0 0); clip-path: inset(50%);
      height: 1px; overflow-y: scroll; transform: scale(0); content-visibility: hidden;
      opacity: 0; text-decoration: LINE-THROUGH; }</style><div id=a></div>)");
  CHECK(p.Get("a", "position") == "absolute");
  CHECK(p.Get("a", "clip") == "rect(0 0 0 0)");
  CHECK(p.Get("a", "clip-path") == "inset(50%)");
  CHECK(p.Of("a").LengthPx("height") == Approx(1));
  CHECK(p.Get("a", "overflow-y") == "scroll");
  CHECK(p.Get("a", "overflow-x") == "visible");
  CHECK(p.Get("a", "transform") == "scale(0)");
  CHECK(p.Get("a", "content-visibility") == "hidden");
  CHECK(p.Of("a").Opacity() == 0);
  CHECK(p.Get("a", "text-decoration") == "line-through");
  CHECK(p.Get("a", "no-such-property").empty());
}

TEST_CASE("css cascade: rules keyed by an attribute or :link reach exactly their elements",
          "[css][cascade][index]") {
  // Subjects with no tag, id or class are indexed by the attribute they require, or by href
  // for :link; these cases pin down which elements must still be tried.
  Page p = Load(R"(<style>
      [data-x] { color: red }
      [data-x="b" i] { font-weight: bold }
      [viewBox] { opacity: 0.5 }
      [viewbox] { word-spacing: 3px }
      :link { letter-spacing: 2px }
      :hover { display: none }
      :not(:hover)[title] { font-style: italic }
    </style>
    <p id=a data-x>a</p><p id=b DATA-X=B>b</p><p id=c>c</p>
    <a id=l href=/x>link</a><a id=nl>no link</a><area id=ar href=/y>
    <svg id=svg viewBox="0 0 1 1"><a id=sl xlink:href="#z"><text id=t>t</text></a></svg>
    <span id=ti title=x>t</span>)");
  CHECK(p.Get("a", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("b", "color") == "rgb(255, 0, 0)");
  CHECK(p.Get("b", "font-weight") == "700");
  CHECK(p.Get("a", "font-weight") == "400");
  CHECK(p.Get("c", "color") == "rgb(0, 0, 0)");
  // SVG attribute names keep their case and match case-sensitively (Selectors 4 section 6.1).
  CHECK(p.Get("svg", "opacity") == "0.5");
  CHECK(p.Get("svg", "word-spacing") == "0px");
  CHECK(p.Get("l", "letter-spacing") == "2px");
  CHECK(p.Get("nl", "letter-spacing") == "normal");
  CHECK(p.Get("sl", "letter-spacing") == "2px");
  CHECK(p.Get("t", "letter-spacing") == "2px");  // inherited from the SVG link
  CHECK(p.Get("c", "display") == "block");       // :hover never matches a page at rest
  CHECK(p.Get("ti", "font-style") == "italic");
  CHECK(p.Get("c", "font-style") == "normal");
}

TEST_CASE("css cascade: one page's ancestors do not leak into the next page's matching",
          "[css][cascade][index]") {
  // The ancestor filter's counters are reused from page to page; a page that ends deep in a
  // tree must leave them clear, or a later page could match "nav a" without a nav.
  for (int round = 0; round < 3; ++round) {
    Page deep = Load("<nav class=menu><ul><li><div id=d><a href=/>x</a></div>");
    CHECK(deep.Get("d", "display") == "block");
    Page p = Load(R"(<style>nav a, .menu a { color: red }</style><p><a id=a href=/>x</a></p>)");
    CHECK(p.Get("a", "color") == "rgb(0, 0, 238)");
  }
}

TEST_CASE("css cascade: properties nobody declares are inherited or initial", "[css][cascade]") {
  Page p = Load(R"(<div id=d style="color: green; width: 10px; font-size: 20px; font-weight: 300">
    <span id=s>x</span><b id=b>y</b><h1 id=h>z</h1></div>)");
  CHECK(p.Get("s", "color") == "rgb(0, 128, 0)");  // inherited
  CHECK(p.Get("s", "width") == "auto");            // not inherited: initial
  CHECK(p.Of("s").FontSizePx() == 20);
  CHECK(p.Of("s").FontWeight() == 300);
  CHECK(p.Of("b").FontWeight() == 400);  // bolder than 300
  CHECK(p.Of("h").FontSizePx() == 40);   // 2em of 20px
  CHECK(p.Of("h").FontWeight() == 700);
}

TEST_CASE("css cascade: typed values of undeclared properties agree with their text",
          "[css][cascade]") {
  // Color(), BackgroundColor() and Opacity() answer initial values without parsing them; the
  // answers must be what parsing the computed text gives.
  Page p =
      Load("<p id=p>x</p><p id=q style='color: #00f; background-color: red; opacity: .5'>y</p>");
  const ComputedStyle& s = p.Of("p");
  REQUIRE(s.Color().has_value());
  CHECK(*s.Color() == *ParseColor(s.Get("color").text));
  CHECK(*s.Color() == Rgba{0, 0, 0, 1});
  REQUIRE(s.BackgroundColor().has_value());
  CHECK(*s.BackgroundColor() == *ParseColor(s.Get("background-color").text));
  CHECK(s.BackgroundColor()->a == 0);
  CHECK(s.Opacity() == 1.0);
  CHECK(s.Get("opacity").text == "1");
  const ComputedStyle& t = p.Of("q");
  CHECK(*t.Color() == Rgba{0, 0, 255, 1});
  CHECK(*t.BackgroundColor() == Rgba{255, 0, 0, 1});
  CHECK(t.Opacity() == 0.5);
}

TEST_CASE("css bad input: a megabyte of garbage CSS gives a result", "[css][bad-input]") {
  std::string garbage;
  uint32_t x = 12345;
  const std::string alphabet = "{}()[];:@#.,'\"\\/*!<>-+ abc0123\n\t%url(";
  while (garbage.size() < (1u << 20)) {
    x = x * 1103515245 + 12345;
    garbage += alphabet[(x >> 16) % alphabet.size()];
  }
  Page p = Load("<style>" + garbage + "</style><p id=p>x</p>");
  CHECK(p.Get("p", "display") == "block");
  const std::vector<Declaration> decls = ParseDeclarationList(garbage);
  CHECK(decls.size() < garbage.size());
}

TEST_CASE("css bad input: deeply nested markup gives a result", "[css][bad-input]") {
  std::string html = "<style>div { color: red } div > div span { color: blue }</style>";
  for (int k = 0; k < 100000; ++k) {
    html += "<div>";
  }
  Page p = Load(html);
  REQUIRE(!p.doc->elements().empty());
  const Node& last = *p.doc->elements().back();
  CHECK(p.styles->Of(last).Get("color").text == "rgb(255, 0, 0)");
  CHECK_FALSE(p.styles->IsDisplayNone(last));
}

TEST_CASE("css bad input: descendant selectors work below thousands of ancestors",
          "[css][bad-input]") {
  std::string html = "<style>div { color: red } div > div span { color: blue }</style>";
  for (int k = 0; k < 5000; ++k) {
    html += "<div class=c" + std::to_string(k % 7) + ">";
  }
  html += "<span id=deep>x</span>";
  Page p = Load(html);
  const Node* deep = p.doc->GetElementById("deep");
  REQUIRE(deep != nullptr);
  CHECK(p.styles->Of(*deep).Get("color").text == "rgb(0, 0, 255)");
}

TEST_CASE("css bad input: empty documents and empty sheets", "[css][bad-input]") {
  Page p = Load("");
  CHECK(p.styles->warnings().empty());
  Page q = Load("<style></style><style>}}}{{{</style><p id=p style=';;:;'></p>");
  CHECK(q.Get("p", "display") == "block");
}

}  // namespace
}  // namespace plainsight::engine
