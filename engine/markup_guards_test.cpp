// Tests for the pre-parse scans: where the attribute scan sees tags, and where it must not.
#include "engine/markup_guards.h"

#include <string>

#include <catch2/catch.hpp>

namespace markup = plainsight::engine::markup;

namespace {

// Five attributes, one past a limit of four; padded so that the input is long enough to hold
// five attributes (the scan skips shorter input).
std::string Flood(std::string_view tag = "div") {
  return "<" + std::string(tag) + " a b=\"1 > 2\" c='x' d=e/f g>";
}

size_t Found(const std::string& s, bool html = true) {
  return markup::FindExcessAttributes(s, 4, html).size();
}

}  // namespace

TEST_CASE("markup: attributes are split as the HTML tokenizer splits them", "[engine][markup]") {
  const std::string s = Flood();
  const auto found = markup::FindExcessAttributes(s, 4, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].attributes == 5);
  CHECK(s.substr(found[0].begin, found[0].end - found[0].begin) == "g");
  CHECK(found[0].line == 1);
  // Four attributes are within the limit; quoted ">" and spaces do not split or end a tag;
  // "/" and the end of a quoted value separate attributes.
  CHECK(Found("<div a b=\"1 > 2\" c='x' d=e/f>" + std::string(20, ' ')) == 0);
  CHECK(Found("<div a=\"1\"b=\"2\"c/d/e>" + std::string(20, ' ')) == 1);
  // An end tag's attributes are read (and compared) by the tokenizer too.
  CHECK(Found("</div a b c d e>" + std::string(20, ' ')) == 1);
  // A tag cut off by the end of the input still costs its comparisons.
  CHECK(Found("<p>x</p><div a b c d e f g h i j") == 1);
}

TEST_CASE("markup: raw text holds no tags, where the tree builder switches the tokenizer",
          "[engine][markup]") {
  CHECK(Found("<script>if (a<b c d e f g) {}</script>" + Flood()) == 1);
  CHECK(Found("<script>if (a<b c d e f g) {}</SCRIPT>") == 0);
  CHECK(Found("<textarea><b c d e f g></textarea><title><b c d e f g></title>") == 0);
  CHECK(Found("<plaintext>" + Flood()) == 0);
  // A quote in a script does not hide the tags after the script ends.
  CHECK(Found("<script>a<b c=\"</script>" + Flood() + "\"") == 1);
  // "</scriptx" does not end a script; "</script" in its double-escaped state does not either.
  CHECK(Found("<script></scriptx" + Flood() + "</script>") == 0);
  CHECK(Found("<script><!--<script></script>" + Flood() + "--></script>") == 0);
  CHECK(Found("<script><!--<script></script>--></script>" + Flood()) == 1);
  // In a <select> a <style> start tag is ignored and what follows is markup, unless a
  // <template> or a tag that closes the select came first.
  CHECK(Found("<select><style>" + Flood() + "</style>") == 1);
  CHECK(Found("<select><input><style>" + Flood() + "</style>" + std::string(10, ' ')) == 0);
  CHECK(Found("<select><template><style>" + Flood() + "</style>") == 0);
  CHECK(Found("<select><template></template><style>" + Flood() + "</style>") == 1);
  CHECK(Found("<frameset><style>" + Flood() + "</style>") == 1);
  // In foreign content <style> and <script> are elements like others: their content is markup,
  // except in an HTML integration point, or once a breakout tag has closed the SVG.
  CHECK(Found("<svg><style>" + Flood() + "</style></svg>") == 1);
  CHECK(Found("<svg><desc><style>" + Flood() + "</style></desc></svg>") == 0);
  CHECK(Found("<svg><p><style>" + Flood() + "</style>") == 0);
  CHECK(Found("<svg><font><style>" + Flood() + "</style>") == 1);
  CHECK(Found("<svg><font color=red><style>" + Flood() + "</style>") == 0);
  CHECK(Found("<math><annotation-xml><style>" + Flood() + "</style>") == 1);
  CHECK(Found("<math><annotation-xml encoding=text/html><style>" + Flood() + "</style>") == 0);
  CHECK(Found("<svg></svg><style>" + Flood() + "</style>" + std::string(10, ' ')) == 0);
  // A comment ends at "--!>" as well as "-->"; what follows is markup.
  CHECK(Found("<!-- x --!>" + Flood() + "-->") == 1);
  CHECK(Found("<!-->" + Flood()) == 1);
  CHECK(Found("<!-- " + Flood() + " -->" + std::string(10, ' ')) == 0);
}

TEST_CASE("markup: <html> and <body> attributes count together across repeated tags",
          "[engine][markup]") {
  const auto found = markup::FindExcessAttributes("<body a b>\n<body c d>\n<BODY e f>", 4, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 3);
  CHECK(found[0].attributes == 2);
  CHECK(found[0].merged_attributes == 6);
  // Other tags do not share.
  CHECK(Found("<div a b c><div d e f><div g h i>") == 0);
}

TEST_CASE("markup: XML has no raw-text elements and allows more name characters",
          "[engine][markup]") {
  CHECK(Found("<script>" + Flood() + "</script>", false) == 1);
  CHECK(Found("<_x a b c d e>" + std::string(10, ' '), false) == 1);
  CHECK(Found("<![CDATA[ <x a b c d e> ]]>" + std::string(10, ' '), false) == 0);
}

TEST_CASE("markup: blanking keeps line breaks and length", "[engine][markup]") {
  std::string s = "<div a b c d\ne\nf>";
  const auto found = markup::FindExcessAttributes(s, 4, true);
  REQUIRE(found.size() == 1);
  markup::BlankRanges(s, found);
  CHECK(s == "<div a b c d\n \n >");
}
