// The demo sector's documents (corpora/sector/*/**.pdf, .docx) are what corpora/sector/design.json
// says: tagged or untagged PDF with or without a title, DOCX with or without heading styles and
// text alternatives, each linked from the site and beside its HTML alternative where it has
// one. Read with qpdf, libarchive and libxml2, not with plainsight's own readers.
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>

#include "tests/demo_sector/sector_fixture.h"

using namespace sector_fixture;  // NOLINT(google-build-using-namespace): the tests' vocabulary

namespace {

struct ContentCounts : QPDFObjectHandle::ParserCallbacks {
  int text_operators = 0;
  int depth = 0;
  bool unbalanced = false;
  int mcid_sequences = 0;
  QPDFObjectHandle previous;

  void handleObject(QPDFObjectHandle obj) override {
    if (obj.isOperator()) {
      std::string op = obj.getOperatorValue();
      if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
        ++text_operators;
      } else if (op == "BDC" || op == "BMC") {
        ++depth;
        if (op == "BDC" && previous.isDictionary() && previous.hasKey("/MCID")) {
          ++mcid_sequences;
        }
      } else if (op == "EMC") {
        unbalanced = unbalanced || depth == 0;
        --depth;
      }
    } else {
      previous = obj;
    }
  }

  void handleEOF() override {}
};

void CheckPdf(const fs::path& file, const json& d) {
  INFO(file.string());
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  REQUIRE_NOTHROW(pdf.processFile(file.string().c_str()));
  // What `qpdf --check` does, in small: every object readable, every stream decodable.
  for (QPDFObjectHandle obj : pdf.getAllObjects()) {
    if (obj.isStream()) {
      CHECK_NOTHROW(obj.getStreamData(qpdf_dl_generalized));
    }
  }
  CHECK_FALSE(pdf.anyWarnings());
  QPDFObjectHandle root = pdf.getRoot();
  bool tagged = d.at("tagged").get<bool>();
  QPDFObjectHandle mark = root.getKey("/MarkInfo");
  bool marked = mark.isDictionary() && mark.getKey("/Marked").isBool() &&
                mark.getKey("/Marked").getBoolValue();
  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  CHECK(marked == tagged);
  CHECK(tree.isDictionary() == tagged);
  if (tagged) {
    CHECK(tree.getKey("/K").isInitialized());
    CHECK_FALSE(tree.getKey("/K").isNull());
    REQUIRE(root.getKey("/Lang").isString());
    CHECK(root.getKey("/Lang").getUTF8Value() == d.at("lang").get<std::string>());
  } else {
    CHECK_FALSE(root.hasKey("/Lang"));
  }
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  REQUIRE(info.isDictionary());
  CHECK(info.getKey("/Title").isString());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  REQUIRE_FALSE(pages.empty());
  for (QPDFPageObjectHelper& page : pages) {
    ContentCounts counts;
    REQUIRE_NOTHROW(page.parseContents(&counts));
    CHECK(counts.text_operators > 0);  // real text, not a scanned image
    CHECK_FALSE(counts.unbalanced);
    CHECK(counts.depth == 0);
    CHECK((counts.mcid_sequences > 0) == tagged);
    CHECK(page.getObjectHandle().hasKey("/StructParents") == tagged);
  }
}

std::map<std::string, std::string> ZipEntries(const fs::path& file) {
  std::map<std::string, std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  if (archive_read_open_filename(a, file.string().c_str(), 10240) != ARCHIVE_OK) {
    archive_read_free(a);
    return out;
  }
  archive_entry* entry = nullptr;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string data;
    char buf[8192];
    la_ssize_t n = 0;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) {
      data.append(buf, static_cast<size_t>(n));
    }
    out[archive_entry_pathname(entry)] = data;
  }
  archive_read_free(a);
  return out;
}

void VisitXml(xmlNode* node, const std::function<void(xmlNode*)>& f) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      f(n);
      VisitXml(n->children, f);
    }
  }
}

std::string XmlAttr(xmlNode* n, const char* local) {
  for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::string(reinterpret_cast<const char*>(a->name)) == local && a->children &&
        a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return "";
}

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

XmlDoc ParseXml(const std::string& s) {
  return XmlDoc(xmlReadMemory(s.data(), static_cast<int>(s.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                &xmlFreeDoc);
}

void CheckDocx(const fs::path& file, const json& d) {
  INFO(file.string());
  auto parts = ZipEntries(file);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "docProps/core.xml"}) {
    INFO(part);
    REQUIRE(parts.count(part) == 1);
    CHECK(ParseXml(parts[part]).get() != nullptr);  // well-formed
  }
  XmlDoc doc = ParseXml(parts["word/document.xml"]);
  REQUIRE(doc.get() != nullptr);
  int headings = 0;
  int images = 0;
  int described = 0;
  int paragraphs = 0;
  VisitXml(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    std::string name = reinterpret_cast<const char*>(n->name);
    if (name == "pStyle" && XmlAttr(n, "val").rfind("Heading", 0) == 0) {
      ++headings;
    } else if (name == "docPr") {
      ++images;
      described += XmlAttr(n, "descr").empty() ? 0 : 1;
    } else if (name == "p") {
      ++paragraphs;
    }
  });
  CHECK(paragraphs > 5);
  CHECK((headings > 0) == d.at("headings").get<bool>());
  CHECK(images == d.at("images").get<int>());
  if (images > 0) {
    CHECK((described == images) == d.at("alt_text").get<bool>());
    CHECK((described == 0) == !d.at("alt_text").get<bool>());
    CHECK(parts.count("word/media/image1.png") == 1);
  }
  XmlDoc core = ParseXml(parts["docProps/core.xml"]);
  bool titled = false;
  VisitXml(xmlDocGetRootElement(core.get()), [&](xmlNode* n) {
    if (std::string(reinterpret_cast<const char*>(n->name)) == "title" && n->children) {
      titled = true;
    }
  });
  CHECK(titled == d.at("title").get<bool>());
}

}  // namespace

TEST_CASE("demo sector: documents are what they claim and sit beside their HTML alternatives",
          "[demo-sector]") {
  int tagged = 0;
  int untagged = 0;
  int docx_with = 0;
  int docx_without = 0;
  for (const Body& b : Bodies()) {
    INFO(b.id);
    std::set<std::string> designed;
    for (const json& d : b.design.at("documents")) {
      std::string path = d.at("path").get<std::string>();
      designed.insert(path);
      INFO(path);
      REQUIRE(fs::is_regular_file(FileFor(b, path)));
      CHECK(LinkedFromAnyPage(b, path));
      if (d.at("type") == "pdf") {
        CheckPdf(FileFor(b, path), d);
        (d.at("tagged").get<bool>() ? tagged : untagged)++;
      } else {
        CheckDocx(FileFor(b, path), d);
        bool good = d.at("headings").get<bool>() && d.at("alt_text").get<bool>();
        bool bad = !d.at("headings").get<bool>() && !d.at("alt_text").get<bool>();
        docx_with += good ? 1 : 0;
        docx_without += bad ? 1 : 0;
      }
      const json& alternative = d.at("html_alternative");
      if (!alternative.is_null()) {
        // Beside it: the HTML version links the document, or one page links both.
        std::string alt = alternative.get<std::string>();
        REQUIRE(b.Find(alt) != nullptr);
        bool beside = LinkedPaths(*b.Find(alt)).count(path) > 0;
        for (const auto& [url, page] : b.pages) {
          auto links = LinkedPaths(page);
          beside = beside || (links.count(path) > 0 && links.count(alt) > 0);
        }
        CHECK(beside);
      }
    }
    CHECK(designed == b.documents);  // every document of the site is in the design
  }
  CHECK(tagged >= 1);
  CHECK(untagged >= 1);
  CHECK(docx_with >= 1);
  CHECK(docx_without >= 1);
}
