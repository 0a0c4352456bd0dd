// The PDF model: what ParsePdf reads from hand-written PDFs (pdf_writer.h) and from the
// generated documents in tests/documents/ (made by tests/documents/generate.sh).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "engine/pdf/pdf_document.h"
#include "engine/pdf/pdf_writer.h"
#include "plainsight/source_dir.h"

namespace pdf = plainsight::engine::pdf;

namespace {

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pdf::PdfDocument Parse(std::string_view objects) {
  auto doc = pdf::ParsePdf(pdf::WritePdf(objects));
  INFO((doc ? "" : doc.error().message));
  REQUIRE(doc.has_value());
  return std::move(*doc);
}

constexpr std::string_view kPage =
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >> endobj "
    "4 0 obj << >> stream\nBT /F1 12 Tf 72 700 Td (Bin collection days) Tj ET\nendstream "
    "endobj "
    "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> "
    "endobj ";

}  // namespace

TEST_CASE("pdf: the catalog's accessibility facts are read", "[pdf]") {
  auto doc =
      Parse(std::string("1 0 obj << /Type /Catalog /Pages 2 0 R /Lang (en-IE) /MarkInfo << /Marked "
                        "true >> /ViewerPreferences << /DisplayDocTitle true >> >> endobj ") +
            std::string(kPage) + "9 0 obj << /Title (Bins) >> endobj trailer << /Info 9 0 R >>");
  CHECK(doc.page_count == 1);
  CHECK(doc.marked);
  CHECK_FALSE(doc.has_struct_tree);
  CHECK(doc.lang == "en-IE");
  CHECK(doc.info_title == "Bins");
  CHECK(doc.Title() == "Bins");
  CHECK(doc.display_doc_title == true);
  CHECK_FALSE(doc.encryption.encrypted);
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].text_operators == 1);
  CHECK(doc.pages[0].text_chars > 10);
  CHECK(doc.pages[0].images == 0);
  REQUIRE(doc.lines.size() == 1);
  CHECK(doc.lines[0].text == "Bin collection days");
  CHECK(doc.lines[0].font_size == Approx(12).margin(0.2));
  REQUIRE(doc.fonts.size() == 1);
  CHECK(doc.fonts[0].mapping == pdf::UnicodeMapping::kMapped);
}

TEST_CASE("pdf: the structure tree is read with role mapping, alternates and pages", "[pdf]") {
  auto doc =
      Parse(std::string("1 0 obj << /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >> endobj ") +
            std::string(kPage) +
            "6 0 obj << /Type /StructTreeRoot /RoleMap << /Heading1 /H1 /Chart /Figure >> "
            "/K [7 0 R] >> endobj "
            "7 0 obj << /S /Document /K [8 0 R 9 0 R 10 0 R] >> endobj "
            "8 0 obj << /S /Heading1 /Pg 3 0 R /K 0 >> endobj "
            "9 0 obj << /S /Figure /Pg 3 0 R /Alt (A map of the bin routes) /K 1 >> endobj "
            "10 0 obj << /S /Chart /K << /Type /MCR /Pg 3 0 R /MCID 2 >> >> endobj");
  REQUIRE(doc.elements.size() == 4);
  CHECK(doc.IsTagged());
  CHECK(doc.elements[0].type == "Document");
  CHECK(doc.elements[1].type == "H1");
  CHECK(doc.elements[1].written_type == "Heading1");
  CHECK(doc.elements[1].page == 1);
  CHECK(doc.elements[2].alt == "A map of the bin routes");
  CHECK(doc.elements[3].type == "Figure");
  CHECK_FALSE(doc.elements[3].alt.has_value());
  CHECK(doc.elements[3].page == 1);  // from its marked-content reference
  CHECK(doc.elements[3].path == "Document[1]/Chart[1]");
  CHECK(doc.top_elements == std::vector<uint32_t>{0});
}

TEST_CASE("pdf: a structure tree that loops is read once", "[pdf]") {
  auto doc =
      Parse(std::string("1 0 obj << /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >> endobj ") +
            std::string(kPage) +
            "6 0 obj << /Type /StructTreeRoot /K 7 0 R >> endobj "
            "7 0 obj << /S /Sect /K [8 0 R] >> endobj "
            "8 0 obj << /S /Sect /K [7 0 R 8 0 R] >> endobj");
  CHECK(doc.elements.size() == 2);
  CHECK_FALSE(doc.warnings.empty());
}

TEST_CASE("pdf: form fields are read with their tooltips", "[pdf]") {
  auto doc = Parse(
      "1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R] >> >> endobj "
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R 6 0 R] >> "
      "endobj "
      "5 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (name) /TU (Your full name) "
      "/Rect [72 700 300 720] >> endobj "
      "6 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (eircode) /Rect [72 650 300 670] >> "
      "endobj");
  REQUIRE(doc.fields.size() == 2);
  CHECK(doc.fields[0].name == "name");
  CHECK(doc.fields[0].tooltip == "Your full name");
  CHECK(doc.fields[1].type == "Tx");
  CHECK_FALSE(doc.fields[1].tooltip.has_value());
  CHECK(doc.fields[1].page == 1);
}

TEST_CASE("pdf: fonts are classified by how their characters map to Unicode", "[pdf]") {
  auto doc = Parse(
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj "
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
      "/F1 4 0 R /F2 5 0 R /F3 6 0 R /F4 7 0 R >> >> >> endobj "
      "4 0 obj << /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H "
      "/DescendantFonts [8 0 R] >> endobj "
      "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >> endobj "
      "6 0 obj << /Type /Font /Subtype /Type3 /Encoding << /Differences [1 /g1 /g2] >> >> endobj "
      "7 0 obj << /Type /Font /Subtype /TrueType /BaseFont /Foo /Encoding << /Differences [32 "
      "/space /a /uni00E9 /f_i /g7] >> >> endobj "
      "8 0 obj << /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo "
      "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >> endobj");
  REQUIRE(doc.fonts.size() == 4);
  std::map<std::string, pdf::UnicodeMapping> by_name;
  for (const auto& f : doc.fonts) {
    by_name[f.name] = f.mapping;
  }
  CHECK(by_name["ABCDEF+Calibri"] == pdf::UnicodeMapping::kUnmapped);
  CHECK(by_name["Times-Roman"] == pdf::UnicodeMapping::kMapped);
  CHECK(by_name["F3"] == pdf::UnicodeMapping::kUnmapped);
  CHECK(by_name["Foo"] == pdf::UnicodeMapping::kUncertain);  // /g7
}

TEST_CASE("pdf: images are counted through form XObjects", "[pdf]") {
  auto doc = Parse(
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj "
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << "
      "/XObject << /Fm1 5 0 R /Im1 6 0 R >> >> >> endobj "
      "4 0 obj << >> stream\nq /Fm1 Do /Fm1 Do Q q /Im1 Do Q BI /W 1 /H 1 /BPC 8 /CS /G ID x EI\n"
      "endstream endobj "
      "5 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Im1 "
      "6 0 R >> >> >> stream\n/Im1 Do\nendstream endobj "
      "6 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 "
      "/ColorSpace /DeviceGray >> stream\nx\nendstream endobj");
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].images == 4);  // the form twice, the image, the inline image
  CHECK(doc.pages[0].text_chars == 0);
  CHECK(doc.HasContent());
  CHECK_FALSE(doc.HasText());
}

TEST_CASE("pdf: bookmarks are counted", "[pdf]") {
  auto doc =
      Parse(std::string("1 0 obj << /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >> endobj ") +
            std::string(kPage) +
            "6 0 obj << /Type /Outlines /First 7 0 R /Last 8 0 R >> endobj "
            "7 0 obj << /Title (One) /Next 8 0 R /First 9 0 R >> endobj "
            "8 0 obj << /Title (Two) /Next 7 0 R >> endobj "
            "9 0 obj << /Title (One.one) >> endobj");
  CHECK(doc.outline_items == 3);
}

TEST_CASE("pdf: a tagged PDF printed by Chromium", "[pdf][documents]") {
  std::string bytes = ReadDocument("tagged.pdf");
  auto doc = pdf::ParsePdf(bytes);
  REQUIRE(doc.has_value());
  CHECK(doc->IsTagged());
  CHECK(doc->marked);
  CHECK(doc->lang == "en-IE");
  CHECK(doc->Title() == "Bin collection days - Ballykeeran County Council");
  CHECK(doc->display_doc_title == true);
  bool figure_with_alt = false;
  int headings = 0;
  for (const auto& e : doc->elements) {
    figure_with_alt |= e.type == "Figure" && e.alt.has_value() && !e.alt->empty();
    headings += e.type.size() == 2 && e.type[0] == 'H';
  }
  CHECK(figure_with_alt);
  CHECK(headings >= 2);
  CHECK(doc->HasText());
  for (const auto& f : doc->fonts) {
    CHECK(f.mapping == pdf::UnicodeMapping::kMapped);
  }
  std::string text = pdf::ParagraphText(*doc);
  CHECK(text.find("Bin collection days") != std::string::npos);
}

TEST_CASE("pdf: an image-only scan has images and no text", "[pdf][documents]") {
  auto doc = pdf::ParsePdf(ReadDocument("scanned.pdf"));
  REQUIRE(doc.has_value());
  REQUIRE(doc->page_count >= 1);
  CHECK_FALSE(doc->HasText());
  CHECK(doc->pages[0].images >= 1);
  CHECK_FALSE(doc->IsTagged());
}
