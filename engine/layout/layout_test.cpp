// Tests of the engine's visibility facts (engine/layout/visibility.h), text colours
// (text_colors.h), text width and wrapping estimates (text_box.h), and the UTF-8 decoder
// (engine/utf8.h) they use.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/layout/text_box.h"
#include "engine/layout/text_colors.h"
#include "engine/layout/visibility.h"
#include "engine/page.h"
#include "engine/utf8.h"

namespace plainsight::engine {
namespace {

std::unique_ptr<Page> Load(std::string_view html) {
  ParseOptions options;
  options.url = "https://example.test/page.html";
  auto parsed = Document::ParseHtml(html, options);
  REQUIRE(parsed.has_value());
  return Page::Build(std::move(*parsed));
}

const Node& Id(const Page& page, std::string_view id) {
  const Node* e = page.document().GetElementById(id);
  REQUIRE(e != nullptr);
  return *e;
}

TEST_CASE("visibility: each way of hiding an element is told apart", "[layout][visibility]") {
  struct Row {
    std::string_view html;  // element under test: id="t"
    bool visible;
    bool invisible;
    bool transparent;
    bool off_screen;
    bool clipped;
    bool zero_size;
  };

  const std::vector<Row> rows = {
      {R"h(<p id=t>x</p>)h", true, false, false, false, false, false},
      {R"h(<p id=t style="display:none">x</p>)h", false, true, false, false, false, false},
      {R"h(<p id=t style="visibility:hidden">x</p>)h", false, true, false, false, false, false},
      {R"h(<p id=t style="opacity:0">x</p>)h", false, false, true, false, false, false},
      {R"h(<div style="opacity:0"><p id=t>x</p></div>)h", false, false, true, false, false, false},
      {R"h(<p id=t style="opacity:0.5">x</p>)h", true, false, false, false, false, false},
      {R"h(<p id=t style="position:absolute; left:-9999px">x</p>)h", false, false, false, true,
       false, false},
      // Only out-of-flow boxes are moved by left and top.
      {R"h(<p id=t style="left:-9999px">x</p>)h", true, false, false, false, false, false},
      // Row decision: 200px off-screen is within the page's overflow, still visible.
      {R"h(<p id=t style="position:absolute; left:-200px">x</p>)h", true, false, false, false,
       false, false},
      {R"h(<p id=t style="text-indent:-9999px">x</p>)h", false, false, false, true, false, false},
      {R"h(<div style="position:absolute; top:-5000px"><p id=t>x</p></div>)h", false, false, false,
       true, false, false},
      {R"h(<p id=t style="position:absolute; clip:rect(0 0 0 0)">x</p>)h", false, false, false,
       false, true, false},
      {R"h(<p id=t style="position:absolute; clip:rect(1px, 1px, 1px, 1px)">x</p>)h", false, false,
       false, false, true, false},
      // The visually hidden pattern is zero-size, which visible leaves out.
      {R"h(<p id=t style="position:absolute; width:1px; height:1px; overflow:hidden">x</p>)h", true,
       false, false, false, false, true},
      {R"h(<p id=t style="width:1px; height:1px; overflow:hidden">x</p>)h", true, false, false,
       false, false, false},
      {R"h(<p id=t style="position:absolute; width:1px; overflow:visible">x</p>)h", true, false,
       false, false, false, false},
      // Zero-size belongs to the box itself, not to its descendants.
      {R"h(<div style="position:absolute; width:1px; overflow:hidden"><p id=t>x</p></div>)h", true,
       false, false, false, false, false},
  };
  for (const Row& row : rows) {
    INFO(row.html);
    auto page = Load(row.html);
    const Visibility& v = page->visibility();
    const Node& t = Id(*page, "t");
    CHECK(v.IsVisible(t) == row.visible);
    CHECK(v.IsInvisible(t) == row.invisible);
    CHECK(v.IsTransparent(t) == row.transparent);
    CHECK(v.IsOffScreen(t) == row.off_screen);
    CHECK(v.IsClipped(t) == row.clipped);
    CHECK(v.IsZeroSize(t) == row.zero_size);
  }
}

TEST_CASE("visibility: hidden is exclusion from the accessibility tree", "[layout][visibility]") {
  auto page = Load(R"h(<p id=a aria-hidden=true>x</p><p id=b style="opacity:0">y</p>)h");
  const Visibility& v = page->visibility();
  CHECK(v.IsHidden(Id(*page, "a")));
  CHECK(v.IsVisible(Id(*page, "a")));  // aria-hidden text is still seen
  CHECK_FALSE(v.IsHidden(Id(*page, "b")));
  CHECK_FALSE(v.IsVisible(Id(*page, "b")));  // transparent text is still read
}

TEST_CASE("visibility: facts asked bottom-up match facts asked top-down", "[layout][visibility]") {
  const std::string html =
      R"h(<div id=a style="opacity:0"><div id=b><p id=c>x</p></div></div><p id=d>y</p>)h";
  auto down = Load(html);
  auto up = Load(html);
  for (const char* id : {"a", "b", "c", "d"}) {
    (void)down->visibility().IsVisible(Id(*down, id));
  }
  for (const char* id : {"d", "c", "b", "a"}) {
    INFO(id);
    CHECK(up->visibility().IsVisible(Id(*up, id)) == down->visibility().IsVisible(Id(*down, id)));
  }
  CHECK_FALSE(up->visibility().IsVisible(Id(*up, "c")));
  CHECK(up->visibility().IsVisible(Id(*up, "d")));
}

TEST_CASE("visibility: colour layers read background, image, opacity and position",
          "[layout][visibility]") {
  auto page = Load(
      R"h(<div id=a style="background:#ff0000; opacity:0.5"></div>)h"
      R"h(<div id=b style="background-image:url(x.png)"></div>)h"
      R"h(<div id=c style="position:absolute"></div><div id=d style="transform:rotate(1deg)"></div>)h");
  const Visibility& v = page->visibility();
  const ColorLayer& a = v.Layer(Id(*page, "a"));
  CHECK(a.bg == Rgba{255, 0, 0, 1});
  REQUIRE(a.opacity.has_value());
  CHECK(*a.opacity == Approx(0.5));
  CHECK_FALSE(a.image);
  CHECK(a.moves_reason.empty());
  CHECK(v.Layer(Id(*page, "b")).image);
  CHECK(v.Layer(Id(*page, "c")).moves_reason.find("absolute") != std::string::npos);
  CHECK(v.Layer(Id(*page, "d")).moves_reason == "an element is transformed");
}

TEST_CASE("visibility: colour layers are read once, in any order, and stay where they are",
          "[layout][visibility]") {
  // Layers are kept only for the elements asked about; a reference to one stays valid while
  // later ones are read.
  std::string html;
  for (int i = 0; i < 3000; ++i) {
    html += "<p style=\"background:#" + std::string(i % 2 == 0 ? "000" : "fff") + "\">x</p>";
  }
  auto page = Load(html);
  const Visibility& v = page->visibility();
  const std::vector<const Node*> ps = page->document().ElementsByTag("p");
  REQUIRE(ps.size() == 3000);
  std::vector<const ColorLayer*> layers;
  for (size_t i = ps.size(); i-- > 0;) {
    if (i % 3 != 0) {
      layers.push_back(&v.Layer(*ps[i]));
    }
  }
  size_t k = 0;
  for (size_t i = ps.size(); i-- > 0;) {
    if (i % 3 != 0) {
      CHECK(layers[k] == &v.Layer(*ps[i]));  // the same layer, not read again
      CHECK(layers[k]->node == ps[i]);
      CHECK(layers[k]->bg == (i % 2 == 0 ? Rgba{0, 0, 0, 1} : Rgba{255, 255, 255, 1}));
      ++k;
    }
  }
  CHECK(v.Layer(*ps[0]).node == ps[0]);
}

TEST_CASE("text colours: composited over the canvas, unknown over images", "[layout][colors]") {
  auto page =
      Load(R"h(<div style="background:#000"><p id=a style="color:#fff">x</p></div>)h"
           R"h(<div style="background:#000; opacity:0.5"><p id=b style="color:#fff">x</p></div>)h"
           R"h(<div style="background-image:url(x.png)"><p id=c>x</p></div>)h"
           R"h(<p id=d style="text-shadow:1px 1px red">x</p>)h");
  TextColors a = ColorsOfText(*page, Id(*page, "a"));
  REQUIRE(a.known);
  CHECK(a.foreground == Rgba{255, 255, 255, 1});
  CHECK(a.background == Rgba{0, 0, 0, 1});
  // Half-transparent black over white: mid grey; the white text stays white.
  TextColors b = ColorsOfText(*page, Id(*page, "b"));
  REQUIRE(b.known);
  CHECK(b.background.r == Approx(127.5));
  CHECK(b.foreground.r == Approx(255));
  TextColors c = ColorsOfText(*page, Id(*page, "c"));
  CHECK_FALSE(c.known);
  CHECK(c.reason == "the text is over a background image or gradient");
  CHECK(ColorsOfText(*page, Id(*page, "d")).reason == "the text has a text-shadow");
}

TEST_CASE("text box: width bounds and wrapping from the font and the room", "[layout][text]") {
  auto page =
      Load(R"h(<p id=a style="font-size:10px; width:100px">abcd</p>)h"
           R"h(<p id=b style="font-size:10px; width:20px">a long line of text that cannot fit</p>)h"
           R"h(<p id=c style="white-space:nowrap">x</p>)h");
  WidthBounds a = TextWidthBounds(*page, Id(*page, "a"), "abcd");
  CHECK(a.min_px == Approx(4 * 0.25 * 10));
  CHECK(a.max_px == Approx(4 * 0.75 * 10));
  WidthBounds room = AvailableWidthBounds(*page, Id(*page, "a"));
  CHECK(room.min_px == Approx(100));
  CHECK(room.max_px == Approx(100));
  CHECK(TextWraps(*page, Id(*page, "a")) == Wrap::kNo);
  CHECK(TextWraps(*page, Id(*page, "b")) == Wrap::kYes);
  CHECK(TextWraps(*page, Id(*page, "c")) == Wrap::kNo);
}

TEST_CASE("text box: a content's bounds are those of its collapsed text", "[layout][text]") {
  auto page = Load(
      "<div id=d style='font-size:12px; letter-spacing:1px; word-spacing:3px'>\n  Fáilte "
      "<b> go  dtí</b><i></i><span>\t\tan\n</span>chomhairle  <!-- c --> é ✓ </div>"
      "<p id=e>   </p><p id=f>x<b>y</b>z</p>");
  for (const char* id : {"d", "e", "f"}) {
    INFO(id);
    const Node& n = Id(*page, id);
    const WidthBounds whole = TextWidthBounds(*page, n, n.TextContent());
    const WidthBounds walked = ContentWidthBounds(*page, n);
    // The same additions in the same order: equal to the last bit, not only approximately.
    CHECK(walked.min_px == whole.min_px);
    CHECK(walked.max_px == whole.max_px);
  }
  const Node& d = Id(*page, "d");
  // "Fáilte go dtí an chomhairle é ✓": 31 characters, 6 of them spaces, 4 outside ASCII.
  CHECK(ContentWidthBounds(*page, d).min_px == Approx(31 * (0.25 * 12 + 1) + 6 * 3));
  CHECK(ContentWidthBounds(*page, d).max_px ==
        Approx(27 * (0.75 * 12 + 1) + 4 * (1.1 * 12 + 1) + 6 * 3));
  CHECK(ContentWidthBounds(*page, Id(*page, "e")).max_px == 0);
}

TEST_CASE("utf8: a cut point never splits a character", "[layout][utf8]") {
  const std::string s = "a\xC3\xA9\xE2\x9C\x93z";  // a é ✓ z: bytes 0, 1-2, 3-5, 6
  const size_t expected[] = {0, 1, 1, 3, 3, 3, 6, 7};
  for (size_t pos = 0; pos <= s.size(); ++pos) {
    INFO(pos);
    CHECK(Utf8CutPoint(s, pos) == expected[pos]);
  }
  CHECK(Utf8CutPoint(s, 100) == 100);       // past the end: left as it is
  CHECK(Utf8CutPoint("\x80\x80", 1) == 0);  // only continuation bytes: the start
}

TEST_CASE("utf8: code points decoded, ill-formed bytes replaced one at a time", "[layout][utf8]") {
  auto decode = [](std::string_view s) {
    std::vector<char32_t> out;
    for (char32_t cp : Utf8CodePoints(s)) {
      out.push_back(cp);
    }
    return out;
  };
  CHECK(decode("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") ==
        std::vector<char32_t>{'a', 0xE9, 0x20AC, 0x1F600});
  CHECK(decode("\xC3") == std::vector<char32_t>{0xFFFD});              // truncated
  CHECK(decode("\x80z") == std::vector<char32_t>{0xFFFD, 'z'});        // stray continuation
  CHECK(decode("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});  // overlong
  CHECK(decode("\xED\xA0\x80") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD});  // surrogate
  CHECK(decode("\xE2\x28\xA1") == std::vector<char32_t>{0xFFFD, '(', 0xFFFD});  // bad continuation
  CHECK(CountCodePoints("h\xC3\xA9llo") == 5);
  CHECK(Utf8SequenceLength(0xF0) == 4);
  CHECK(Utf8SequenceLength(0xC1) == 0);
}

}  // namespace
}  // namespace plainsight::engine
