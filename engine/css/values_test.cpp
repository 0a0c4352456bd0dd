// Colours, declaration lists, media queries and computed values of single properties.
#include "engine/css/values.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/css/stylesheet.h"

namespace plainsight::engine::css {
namespace {

TEST_CASE("css numbers: FormatNumber writes what printf's %.4f gives, trailing zeros cut",
          "[css][number]") {
  auto reference = [](double v) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') {
      s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
      s.pop_back();
    }
    return s == "-0" ? std::string("0") : s;
  };
  std::vector<double> values = {
      0,     -0.0, 1,          16,   -3,      0.5,   0.12345, 0.00005, 0.00015,     -0.00004,
      2.675, 1e15, 1e15 + 0.5, 1e20, 1.5e300, -7.25, 1.0 / 3, 2.0 / 3, 123456.78905};
  uint64_t x = 88172645463325252ull;  // xorshift: reproducible values of every scale
  for (int i = 0; i < 2000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    values.push_back(static_cast<double>(x % 2000001) / 1000.0 - 1000.0);
    values.push_back(static_cast<double>(x % 97) / 16.0);
  }
  for (double v : values) {
    INFO(v);
    CHECK(css::FormatNumber(v) == reference(v));
  }
  CHECK(css::FormatNumber(std::nan("")) == "0");
}

TEST_CASE("css colours: named, hex, rgb, hsl and transparent parse", "[css][colour]") {
  struct Row {
    const char* text;
    Rgba want;
  };

  const Row rows[] = {
      {"red", {255, 0, 0, 1}},
      {"RebeccaPurple", {102, 51, 153, 1}},
      {"lightgoldenrodyellow", {250, 250, 210, 1}},
      {"#0f0", {0, 255, 0, 1}},
      {"#00ff0080", {0, 255, 0, 128.0 / 255}},
      {"#abcd", {0xaa, 0xbb, 0xcc, 0xdd / 255.0}},
      {"rgb(1, 2, 3)", {1, 2, 3, 1}},
      {"rgba(1,2,3,0.5)", {1, 2, 3, 0.5}},
      {"rgb(1 2 3 / 50%)", {1, 2, 3, 0.5}},
      {"rgb(100%, 0%, 0%)", {255, 0, 0, 1}},
      {"rgb(300, -5, 0)", {255, 0, 0, 1}},  // clamped
      {"hsl(120, 100%, 50%)", {0, 255, 0, 1}},
      {"hsla(240deg 100% 50% / 0.25)", {0, 0, 255, 0.25}},
      {"hsl(0.5turn, 100%, 25%)", {0, 128, 128, 1}},
      {"transparent", {0, 0, 0, 0}},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const std::optional<Rgba> c = ParseColor(row.text);
    REQUIRE(c.has_value());
    CHECK(c->r == Approx(row.want.r).margin(0.5));
    CHECK(c->g == Approx(row.want.g).margin(0.5));
    CHECK(c->b == Approx(row.want.b).margin(0.5));
    CHECK(c->a == Approx(row.want.a).margin(0.002));
  }
  for (const char* bad : {"", "bogus", "#12", "#ggg", "rgb(1,2)", "currentcolor", "12px"}) {
    INFO(bad);
    CHECK_FALSE(ParseColor(bad).has_value());
  }
}

TEST_CASE("css values: colours serialise as rgb() or rgba()", "[css][colour]") {
  CHECK(SerializeColor(Rgba{255, 0, 0, 1}) == "rgb(255, 0, 0)");
  CHECK(SerializeColor(Rgba{0, 0, 0, 0.5}) == "rgba(0, 0, 0, 0.5)");
}

TEST_CASE("css declarations: a style attribute parses with error recovery", "[css][parse]") {
  const auto decls = ParseDeclarationList(
      "color: red; width: 2px !important; ; garbage; margin:; --x: { a } ; "
      "LETTER-SPACING: 0.1em ! IMPORTANT; a:hover{color:blue} font-size: 3px");
  REQUIRE(decls.size() == 5);
  CHECK(decls[0].property == "color");
  CHECK(decls[0].value == "red");
  CHECK_FALSE(decls[0].important);
  CHECK(decls[1].property == "width");
  CHECK(decls[1].value == "2px");
  CHECK(decls[1].important);
  CHECK(decls[2].property == "--x");
  CHECK(decls[3].property == "letter-spacing");
  CHECK(decls[3].value == "0.1em");
  CHECK(decls[3].important);
  CHECK(decls[4].property == "font-size");
}

TEST_CASE("css media queries: evaluated for a screen of the context's size", "[css][media]") {
  const MediaContext landscape{1280, 1024};
  const MediaContext portrait{400, 800};

  struct Row {
    const char* query;
    bool landscape;
    bool portrait;
  };

  const Row rows[] = {
      {"", true, true},
      {"all", true, true},
      {"screen", true, true},
      {"print", false, false},
      {"not print", true, true},
      {"only screen and (min-width: 600px)", true, false},
      {"(max-width: 600px)", false, true},
      {"(min-width: 40em)", true, false},
      {"screen and (orientation: portrait)", false, true},
      {"(orientation: landscape)", true, false},
      {"print, (max-width: 500px)", false, true},
      {"(width >= 1000px)", true, false},
      {"(300px < width < 500px)", false, true},
      {"(prefers-reduced-motion: no-preference)", true, true},
      {"(prefers-reduced-motion: reduce)", false, false},
      {"(prefers-color-scheme: dark)", false, false},
      {"(unknown-feature: 1)", false, false},
      {"not (unknown-feature: 1)", false, false},
      {"(min-width: 600px) and (max-width: 2000px)", true, false},
      {"(max-width: 300px) or (orientation: portrait)", false, true},
      {"not screen and (min-width: 600px)", false, true},
      {"tv", false, false},
      {"(hover: hover) and (pointer: fine)", true, true},
  };
  for (const Row& row : rows) {
    INFO(row.query);
    CHECK(EvaluateMediaList(row.query, landscape) == row.landscape);
    CHECK(EvaluateMediaList(row.query, portrait) == row.portrait);
  }
}

TEST_CASE("css values: lengths, font sizes and keywords compute", "[css][values]") {
  struct Row {
    PropId id;
    const char* value;
    const char* want;  // nullptr: invalid
  };

  const Row rows[] = {
      {kFontSize, "12pt", "16px"},
      {kFontSize, "2em", "32px"},  // parent 16px
      {kFontSize, "150%", "24px"},
      {kFontSize, "x-large", "24px"},
      {kFontSize, "larger", "19.2px"},
      {kFontSize, "calc(1em + 2px)", "18px"},
      {kFontSize, "-1px", nullptr},
      {kFontSize, "1in", "96px"},
      {kFontWeight, "bold", "700"},
      {kFontWeight, "bolder", "700"},  // parent 400
      {kFontWeight, "350", "350"},
      {kFontWeight, "1001", nullptr},
      {kLineHeight, "1.5", "1.5"},
      {kLineHeight, "150%", "24px"},
      {kLineHeight, "2em", "32px"},
      {kLetterSpacing, "0.1em", "1.6px"},
      {kLetterSpacing, "normal", "normal"},
      {kWordSpacing, "normal", "0px"},
      {kWidth, "50%", "50%"},
      {kWidth, "auto", "auto"},
      {kWidth, "0", "0px"},
      {kWidth, "10", nullptr},
      {kWidth, "calc(100% - 2px)", "calc(100% - 2px)"},  // unknown, see below
      {kMaxWidth, "none", "none"},
      {kOpacity, "0.5", "0.5"},
      {kOpacity, "150%", "1"},
      {kDisplay, "BLOCK", "block"},
      {kDisplay, "inline flow-root", "inline-block"},
      {kDisplay, "blocky", nullptr},
      {kVisibility, "collapse", "collapse"},
      {kColor, "Red", "rgb(255, 0, 0)"},
      {kBackgroundColor, "#0000", "rgba(0, 0, 0, 0)"},
      {kOutlineWidth, "thick", "5px"},
      {kTextIndent, "-9999px", "-9999px"},
      {kPosition, "-webkit-sticky", "sticky"},
      {kZIndex, "2", "2"},
      {kZIndex, "2.5", nullptr},
  };
  for (const Row& row : rows) {
    INFO(Info(row.id).name << ": " << row.value);
    ComputeContext ctx;
    StyleValue out;
    const bool ok = ComputeValue(row.id, row.value, ctx, &out);
    CHECK(ok == (row.want != nullptr));
    if (ok && row.want != nullptr) {
      CHECK(out.text == row.want);
    }
  }
  ComputeContext ctx;
  StyleValue out;
  REQUIRE(ComputeValue(kWidth, "calc(100% - 2px)", ctx, &out));
  CHECK_FALSE(out.known);  // needs the containing block
  REQUIRE(ComputeValue(kFontSize, "2ex", ctx, &out));
  CHECK_FALSE(out.known);  // needs font metrics
}

TEST_CASE("css shorthands: font, background, outline and overflow expand", "[css][values]") {
  std::vector<std::pair<PropId, std::string>> out;
  REQUIRE(ExpandShorthand(Shorthand::kFont, "italic bold 12px/1.5 \"Helvetica Neue\", sans-serif",
                          &out));
  REQUIRE(out.size() == 5);
  CHECK(out[0].second == "italic");
  CHECK(out[1].second == "bold");
  CHECK(out[2].second == "12px");
  CHECK(out[3].second == "1.5");
  CHECK(out[4].second == "\"Helvetica Neue\", sans-serif");
  out.clear();
  CHECK_FALSE(ExpandShorthand(Shorthand::kFont, "bold", &out));
  out.clear();
  REQUIRE(
      ExpandShorthand(Shorthand::kBackground, "url(a.png) no-repeat center / cover #fff", &out));
  CHECK(out[0].second == "#fff");
  CHECK(out[1].second == "url(a.png)");
  out.clear();
  REQUIRE(ExpandShorthand(Shorthand::kOutline, "2px dashed red", &out));
  CHECK(out[0].second == "red");
  CHECK(out[1].second == "dashed");
  CHECK(out[2].second == "2px");
  out.clear();
  REQUIRE(ExpandShorthand(Shorthand::kOverflow, "hidden auto", &out));
  CHECK(out[0].second == "hidden");
  CHECK(out[1].second == "auto");
}

TEST_CASE("css var(): substitution with fallbacks", "[css][var]") {
  auto lookup = [](std::string_view name) -> const CustomValue* {
    static const CustomValue kBlue{"blue", true};
    return name == "--c" ? &kBlue : nullptr;
  };
  std::string out;
  bool known = true;
  REQUIRE(SubstituteVars("var(--c) var(--missing, 2px) var(--m2, var(--c))", lookup, &out, &known));
  CHECK(out == "blue 2px blue");
  out.clear();
  CHECK_FALSE(SubstituteVars("var(--missing)", lookup, &out, &known));
}

}  // namespace
}  // namespace plainsight::engine::css
