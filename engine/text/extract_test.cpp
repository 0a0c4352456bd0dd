// Text extraction: blocks, kinds, languages and source positions for each format.
#include "engine/text/extract.h"

#include <catch2/catch.hpp>

#include "engine/text/test_support.h"

namespace plainsight::engine::text {
namespace {

TEST_CASE("extract: plain text paragraphs, list items and headings become blocks",
          "[text][extract]") {
  std::string input =
      "Who can apply\n\nYou can apply if you\nlive here.\n\n- people over 18\n- carers\n";
  auto out = ExtractPlainText(input);
  REQUIRE(out);
  REQUIRE(out->blocks.size() == 4);
  CHECK(out->blocks[0].kind == BlockKind::kHeading);
  CHECK(out->blocks[1].kind == BlockKind::kParagraph);
  CHECK(out->blocks[1].text == "You can apply if you live here.");
  CHECK(out->blocks[2].kind == BlockKind::kListItem);
  // Plain text is not Markdown: the marker stays in the item's text (issue 12).
  CHECK(out->blocks[2].text == "- people over 18");
  // Offsets map back to the source, line and column included.
  uint32_t live = out->blocks[1].SourceOffset(21);
  CHECK(input.substr(live, 4) == "live");
  SourcePosition pos = out->PositionOf(live);
  CHECK(pos.line == 4);
  CHECK(pos.column == 1);
}

TEST_CASE("extract: Markdown markup is blanked in place and code is skipped", "[text][extract]") {
  std::string input =
      "# Apply *now*\n\nRead the [guide](https://x.ie/g) **first**.\n\n```\ncode here\n```\n\n"
      "| Fee | Note |\n|---|---|\n| 50 euro | yearly |\n\n> Quoted text.\n";
  auto out = ExtractMarkdown(input);
  REQUIRE(out);
  REQUIRE(out->blocks.size() == 7);  // heading, paragraph, 4 cells, quote
  CHECK(out->blocks[0].kind == BlockKind::kHeading);
  CHECK(out->blocks[0].text.find("Apply  now") != std::string::npos);
  CHECK(out->blocks[1].text.find("guide") != std::string::npos);
  CHECK(out->blocks[1].text.find("https") == std::string::npos);
  CHECK(out->blocks[2].kind == BlockKind::kTableCell);
  CHECK(out->blocks[6].kind == BlockKind::kQuote);
  for (const TextBlock& b : out->blocks) {
    CHECK(b.text.find("code here") == std::string::npos);
  }
  uint32_t first = out->blocks[1].SourceOffset(out->blocks[1].text.find("first"));
  CHECK(input.substr(first, 5) == "first");
}

TEST_CASE("extract: HTML keeps visible text, block structure and per-element lang",
          "[text][extract]") {
  std::string html =
      "<!DOCTYPE html><html lang=\"en-IE\"><head><title>T</title><style>p{}</style></head><body>"
      "<h1>Bins</h1><p>We collect <b>bins</b> on Tuesday.</p><p hidden>Secret.</p>"
      "<script>var x;</script><ul><li>Item one</li></ul>"
      "<p lang=\"ga\">Tá fáilte romhat.</p><table><tr><td>Cell</td></tr></table></body></html>";
  auto out = ExtractHtml(html);
  REQUIRE(out);
  CHECK(out->lang == "en-IE");
  REQUIRE(out->blocks.size() == 5);
  CHECK(out->blocks[0].kind == BlockKind::kHeading);
  CHECK(out->blocks[1].text == "We collect bins on Tuesday.");
  CHECK(out->blocks[2].kind == BlockKind::kListItem);
  CHECK(out->blocks[3].lang == "ga");
  CHECK(out->blocks[4].kind == BlockKind::kTableCell);
  uint32_t tuesday = out->blocks[1].SourceOffset(out->blocks[1].text.find("Tuesday"));
  CHECK(html.substr(tuesday, 7) == "Tuesday");
}

TEST_CASE("extract: an inline lang attribute starts a language run", "[text][extract]") {
  auto out = ExtractHtml("<html lang=en><body><p>Say <span lang=ga>Dia duit</span> to all.</p>");
  REQUIRE(out);
  REQUIRE(out->blocks.size() == 1);
  const TextBlock& b = out->blocks[0];
  CHECK(b.LangAt(static_cast<uint32_t>(b.text.find("Dia"))) == "ga");
  CHECK(b.LangAt(static_cast<uint32_t>(b.text.find("to all"))) == "en");
}

TEST_CASE("extract: DOCX paragraphs, headings, lists, cells and language", "[text][extract]") {
  std::string document =
      R"(<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
      R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Fees</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t xml:space="preserve">It costs </w:t></w:r><w:r><w:t>50 euro.</w:t></w:r></w:p>)"
      R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>One item</w:t></w:r></w:p>)"
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
      R"(</w:body></w:document>)";
  std::string styles =
      R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="ga-IE"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>)";
  std::string zip =
      testing::MakeZip({{"word/document.xml", document}, {"word/styles.xml", styles}});
  auto out = Extract(zip, "form.docx");
  REQUIRE(out);
  CHECK(out->format == SourceFormat::kDocx);
  CHECK(out->lang == "ga-IE");
  REQUIRE(out->blocks.size() == 4);
  CHECK(out->blocks[0].kind == BlockKind::kHeading);
  CHECK(out->blocks[1].text == "It costs 50 euro.");
  CHECK(out->blocks[2].kind == BlockKind::kListItem);
  CHECK(out->blocks[3].kind == BlockKind::kTableCell);
  CHECK(out->PositionOf(out->blocks[1].SourceOffset(0)).line == 2);
}

TEST_CASE("extract: ODT headings, paragraphs, list items and language", "[text][extract]") {
  std::string content =
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>)"
      R"(<text:h text:outline-level="1">Fees</text:h><text:p>It costs<text:s/>50 euro.</text:p>)"
      R"(<text:list><text:list-item><text:p>One item</text:p></text:list-item></text:list>)"
      R"(</office:text></office:body></office:document-content>)";
  std::string meta =
      R"(<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:language>en-IE</dc:language></office:meta></office:document-meta>)";
  std::string zip = testing::MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                      {"content.xml", content},
                                      {"meta.xml", meta}});
  auto out = Extract(zip, "");
  REQUIRE(out);
  CHECK(out->format == SourceFormat::kOdt);
  CHECK(out->lang == "en-IE");
  REQUIRE(out->blocks.size() == 3);
  CHECK(out->blocks[0].kind == BlockKind::kHeading);
  CHECK(out->blocks[1].text == "It costs 50 euro.");
  CHECK(out->blocks[2].kind == BlockKind::kListItem);
}

TEST_CASE("extract: the format is chosen by extension, then by content", "[text][extract]") {
  CHECK(Extract("# Title\n", "a.md")->format == SourceFormat::kMarkdown);
  CHECK(Extract("<p>Hello</p>", "")->format == SourceFormat::kHtml);
  CHECK(Extract("Hello", "")->format == SourceFormat::kPlainText);
}

}  // namespace
}  // namespace plainsight::engine::text
