// The DOCX and ODT model: what the readers get from the compact examples (office_example.h),
// from the generated documents in tests/documents/, and from bad input.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "engine/office/office_document.h"
#include "engine/office/office_example.h"
#include "engine/text/test_support.h"
#include "plainsight/source_dir.h"

namespace office = plainsight::engine::office;
using plainsight::engine::ErrorCode;

namespace {

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

office::OfficeDocument Example(std::string_view text) {
  auto doc = office::ParseOfficeExample(text);
  INFO((doc ? "" : doc.error().message));
  REQUIRE(doc.has_value());
  return std::move(*doc);
}

}  // namespace

TEST_CASE("office: DOCX title, language, headings and body size from the parts", "[office]") {
  auto doc = Example(
      "docProps/core.xml: <dc:title>Bin collection days</dc:title>\n"
      "word/styles.xml: <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/>"
      "<w:lang w:val=\"en-IE\"/></w:rPr></w:rPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/>"
      "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>\n"
      "word/document.xml: <w:p><w:pPr><w:pStyle w:val=\"Kop1\"/></w:pPr><w:r><w:t>Bins</w:t>"
      "</w:r></w:p><w:p><w:r><w:t>We collect them on Tuesdays.</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t>Brown bin</w:t></w:r></w:p>");
  CHECK(doc.format == office::OfficeFormat::kDocx);
  CHECK(doc.title == "Bin collection days");
  CHECK(doc.lang == "en-IE");
  CHECK(doc.body_font_size == Approx(11));
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].heading_level == 1);  // by the style's built-in name
  CHECK(doc.paragraphs[0].bold);
  CHECK(doc.paragraphs[0].font_size == Approx(16));
  CHECK(doc.paragraphs[1].heading_level == 0);
  CHECK(doc.paragraphs[1].words == 5);
  CHECK(doc.paragraphs[2].heading_level == 3);  // an undefined style, by its id
  CHECK(doc.words == 8);
}

TEST_CASE("office: DOCX pictures, shapes and text boxes with their alternatives", "[office]") {
  auto doc = Example(
      "word/document.xml: <w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\" "
      "descr=\"Map of Glasson\"/><a:graphic><a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"/></a:graphic></wp:inline>"
      "</w:drawing></w:r></w:p>"
      "<w:p><w:r><w:drawing><wp:anchor><wp:docPr id=\"2\" name=\"Line 2\"><a:extLst><a:ext>"
      "<adec:decorative val=\"1\"/></a:ext></a:extLst></wp:docPr><a:graphic><a:graphicData "
      "uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp/>"
      "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
      "<wp:docPr id=\"3\" name=\"Text Box 3\"/><a:graphic><a:graphicData "
      "uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
      "<wps:txbx><w:txbxContent><w:p><w:r><w:t>Inside the box</w:t></w:r></w:p></w:txbxContent>"
      "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Inside the box"
      "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>"
      "<w:p><w:r><w:pict><v:shape id=\"_x0000_i1025\"><v:imagedata r:id=\"rId9\"/></v:shape>"
      "</w:pict></w:r></w:p>");
  REQUIRE(doc.objects.size() == 4);
  CHECK(doc.objects[0].kind == office::ObjectKind::kPicture);
  CHECK(doc.objects[0].alt == "Map of Glasson");
  CHECK(doc.objects[0].name == "Picture 1");
  CHECK(doc.objects[1].kind == office::ObjectKind::kShape);
  CHECK(doc.objects[1].decorative);
  CHECK(doc.objects[2].kind == office::ObjectKind::kTextBox);
  CHECK(doc.objects[3].kind == office::ObjectKind::kPicture);
  CHECK_FALSE(doc.objects[3].alt.has_value());
  // The text box's paragraph is read once (the VML fallback repeats it).
  int inside = 0;
  for (const auto& p : doc.paragraphs) {
    inside += p.text == "Inside the box";
  }
  CHECK(inside == 1);
}

TEST_CASE("office: DOCX tables, links, small text and colour-only emphasis", "[office]") {
  auto doc = Example(
      "word/document.xml: <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Day"
      "</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan "
      "w:val=\"2\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
      "<w:p><w:r><w:t xml:space=\"preserve\">Read </w:t></w:r><w:hyperlink r:id=\"rId4\"><w:r>"
      "<w:t>more</w:t></w:r></w:hyperlink></w:p>"
      "<w:p><w:r><w:instrText>HYPERLINK \"https://example.ie/\"</w:instrText></w:r></w:p>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space="
      "\"preserve\"> HYPERLINK \"https://ballykeeran.ie/fees\" </w:instrText></w:r><w:r>"
      "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Planning fees</w:t></w:r><w:r>"
      "<w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      "<w:p><w:r><w:rPr><w:sz w:val=\"14\"/></w:rPr><w:t>Small print.</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">Bins go out </w:t></w:r><w:r><w:rPr><w:color "
      "w:val=\"C00000\"/></w:rPr><w:t>before 7</w:t></w:r><w:r><w:t xml:space=\"preserve\">, "
      "or else.</w:t></w:r></w:p>"
      "<w:p><w:r><w:rPr><w:color w:val=\"C00000\"/></w:rPr><w:t>All red.</w:t></w:r></w:p>");
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows == 2);
  CHECK(doc.tables[0].columns == 2);
  CHECK(doc.tables[0].header_row);
  CHECK(doc.tables[0].first_cell == "Day");
  REQUIRE(doc.links.size() == 2);
  CHECK(doc.links[0].text == "more");
  CHECK(doc.links[1].text == "Planning fees");
  CHECK(doc.links[1].target == "https://ballykeeran.ie/fees");
  const office::Paragraph* small = nullptr;
  const office::Paragraph* red = nullptr;
  const office::Paragraph* all_red = nullptr;
  for (const auto& p : doc.paragraphs) {
    small = p.text == "Small print." ? &p : small;
    red = p.text == "Bins go out before 7, or else." ? &p : red;
    all_red = p.text == "All red." ? &p : all_red;
  }
  REQUIRE(small);
  CHECK(small->min_font_size == Approx(7));
  REQUIRE(red);
  REQUIRE(red->colour_only.size() == 1);
  CHECK(red->colour_only[0].text == "before 7");
  CHECK(red->colour_only[0].colour == "#C00000");
  REQUIRE(all_red);
  CHECK(all_red->colour_only.empty());
}

TEST_CASE("office: ODT headings, frames, tables, links and styles", "[office]") {
  auto doc = Example(
      "meta.xml: <dc:title>Bins</dc:title>\n"
      "styles.xml: <style:default-style style:family=\"paragraph\"><style:text-properties "
      "fo:font-size=\"11pt\" fo:language=\"ga\" fo:country=\"IE\"/></style:default-style>\n"
      "content.xml: <office:automatic-styles><style:style style:name=\"P1\" "
      "style:family=\"paragraph\"><style:text-properties fo:font-weight=\"bold\" "
      "fo:font-size=\"150%\"/></style:style><style:style style:name=\"T1\" style:family=\"text\">"
      "<style:text-properties fo:color=\"#ff0000\"/></style:style></office:automatic-styles>"
      "<office:body><office:text><text:h text:outline-level=\"2\">Bruscar</text:h>"
      "<text:p text:style-name=\"P1\">Fake heading</text:p>"
      "<text:p>Go <text:span text:style-name=\"T1\">now</text:span> please. <text:a "
      "xlink:href=\"https://x.ie\">Fees</text:a></text:p>"
      "<text:p><draw:frame draw:name=\"Image1\"><draw:image xlink:href=\"a.png\"/><svg:desc>Map"
      "</svg:desc></draw:frame><draw:frame draw:name=\"Image2\" loext:decorative=\"true\">"
      "<draw:image xlink:href=\"b.png\"/></draw:frame></text:p>"
      "<table:table><table:table-header-rows><table:table-row><table:table-cell "
      "table:number-columns-repeated=\"3\"><text:p>H</text:p></table:table-cell></table:table-row>"
      "</table:table-header-rows><table:table-row><table:table-cell/></table:table-row>"
      "</table:table></office:text></office:body>");
  CHECK(doc.format == office::OfficeFormat::kOdt);
  CHECK(doc.title == "Bins");
  CHECK(doc.lang == "ga-IE");
  CHECK(doc.body_font_size == Approx(11));
  REQUIRE(doc.paragraphs.size() >= 4);
  CHECK(doc.paragraphs[0].heading_level == 2);
  CHECK(doc.paragraphs[1].heading_level == 0);
  CHECK(doc.paragraphs[1].bold);
  CHECK(doc.paragraphs[1].font_size == Approx(16.5));
  REQUIRE(doc.paragraphs[2].colour_only.size() == 1);
  CHECK(doc.paragraphs[2].colour_only[0].text == "now");
  REQUIRE(doc.links.size() == 1);
  CHECK(doc.links[0].text == "Fees");
  REQUIRE(doc.objects.size() == 2);
  CHECK(doc.objects[0].alt == "Map");
  CHECK(doc.objects[1].decorative);
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].header_row);
  CHECK(doc.tables[0].rows == 2);
  CHECK(doc.tables[0].columns == 3);
}

TEST_CASE("office: the generated documents are read", "[office][documents]") {
  auto good = office::ParseDocx(ReadDocument("good.docx"));
  REQUIRE(good.has_value());
  CHECK(good->title == "Bin collection days");
  CHECK(good->lang == "en-IE");
  REQUIRE(good->objects.size() == 1);
  CHECK(good->objects[0].alt == "A green wheelie bin");
  REQUIRE(good->tables.size() == 1);
  CHECK(good->tables[0].header_row);
  auto bad = office::ParseOdt(ReadDocument("bad.odt"));
  REQUIRE(bad.has_value());
  CHECK_FALSE(bad->title.has_value());
  CHECK(bad->lang.empty());
  REQUIRE(bad->objects.size() == 1);
  CHECK_FALSE(bad->objects[0].alt.has_value());
  REQUIRE(bad->tables.size() == 1);
  CHECK_FALSE(bad->tables[0].header_row);
  auto odt = office::ParseOdt(ReadDocument("good.odt"));
  REQUIRE(odt.has_value());
  CHECK(odt->lang == "en-IE");
}

TEST_CASE("office: bad input gives a clear error", "[office][limits]") {
  using plainsight::engine::text::testing::MakeZip;
  auto not_zip = office::ParseDocx("this is not a zip");
  REQUIRE_FALSE(not_zip);
  CHECK(not_zip.error().code == ErrorCode::kParse);
  auto no_body = office::ParseDocx(MakeZip({{"word/styles.xml", "<w:styles/>"}}));
  REQUIRE_FALSE(no_body);
  CHECK(no_body.error().message.find("word/document.xml") != std::string::npos);
  auto broken = office::ParseOdt(MakeZip({{"content.xml", "<office:document-content><text:p>"}}));
  REQUIRE_FALSE(broken);
  CHECK(broken.error().message.find("not well-formed") != std::string::npos);
  std::string bytes = ReadDocument("good.docx");
  auto truncated = office::ParseDocx(std::string_view(bytes).substr(0, bytes.size() / 2));
  CHECK_FALSE(truncated.has_value());
}

TEST_CASE("office: a zip bomb is refused by the decompressed size", "[office][limits]") {
  using plainsight::engine::text::testing::MakeZip;
  // 80 MB of one byte: over the default 64 MB a part may expand to, in a zip of about 80 KB.
  std::string zip = MakeZip({{"word/document.xml", std::string(80u << 20, ' ')}});
  REQUIRE(zip.size() < (1u << 20));
  auto doc = office::ParseDocx(zip);
  REQUIRE_FALSE(doc);
  CHECK(doc.error().code == ErrorCode::kTooLarge);
  CHECK(doc.error().message.find("zip bomb") != std::string::npos);
}

TEST_CASE("office: a file over the size limit is refused", "[office][limits]") {
  office::OfficeLimits limits;
  limits.max_input_bytes = 1000;
  auto doc = office::ParseOdt(ReadDocument("good.odt"), limits);
  REQUIRE_FALSE(doc);
  CHECK(doc.error().code == ErrorCode::kTooLarge);
}
