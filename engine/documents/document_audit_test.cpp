// The document audit: type detection, the document rule runner (isolation, aggregation), the
// page-audit shape, and the plain-language analysis of a document's text. Rules from
// rules/ are tested through tests/documents_test.cpp; here the rules are the test's own.
#include "engine/documents/document_audit.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "engine/text/text_facts.h"
#include "plainsight/source_dir.h"

namespace pe = plainsight::engine;
namespace docs = plainsight::engine::documents;

namespace {

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void FailUntaggedPdf(const pe::pdf::PdfDocument& doc, pe::Findings& out) {
  if (doc.IsTagged()) {
    out.Pass(nullptr);
  } else {
    out.Fail(nullptr, "untagged");
  }
}

void ThrowOnPdf(const pe::pdf::PdfDocument&, pe::Findings& out) {
  out.Pass(nullptr);
  throw std::runtime_error("boom");
}

void PassEveryTable(const pe::office::OfficeDocument& doc, pe::Findings& out) {
  for (size_t i = 0; i < doc.tables.size(); ++i) {
    out.Pass(nullptr);
  }
}

void PageCheck(const pe::Page&, pe::Findings& out) {
  out.Fail(nullptr, "never run on documents");
}

// A text rule: one cantTell per sentence of over 40 words.
void LongSentences(const pe::text::TextFacts& facts, const pe::OptionValues&, pe::Findings& out) {
  for (const pe::text::SentenceFacts& s : facts.sentences) {
    if (s.tokens > 40) {
      pe::text::ReportText(out, facts, s.block, s.start, s.end, "long", "", "long-sentence",
                           pe::text::Severity::kWarning);
    }
  }
}

const pe::Rule kTagged{
    .id = "test.tagged", .summary = "s", .why = "w", .help = "h", .check_pdf = &FailUntaggedPdf};
const pe::Rule kThrows{
    .id = "test.throws", .summary = "s", .why = "w", .help = "h", .check_pdf = &ThrowOnPdf};
const pe::Rule kTables{
    .id = "test.tables", .summary = "s", .why = "w", .help = "h", .check_office = &PassEveryTable};
const pe::Rule kLong{
    .id = "test.long", .summary = "s", .why = "w", .help = "h", .check_text = &LongSentences};
const pe::Rule kPage{
    .id = "test.page", .summary = "s", .why = "w", .help = "h", .check = &PageCheck};

}  // namespace

TEST_CASE("documents: types come from the name, or else from the bytes", "[documents]") {
  CHECK(docs::DocumentTypeFromName("plans/Report.PDF") == docs::DocumentType::kPdf);
  CHECK(docs::DocumentTypeFromName("https://x.ie/form.docx?v=2#top") == docs::DocumentType::kDocx);
  CHECK(docs::DocumentTypeFromName("minutes.odt") == docs::DocumentType::kOdt);
  CHECK_FALSE(docs::DocumentTypeFromName("index.html").has_value());
  CHECK_FALSE(docs::DocumentTypeFromName("dir.pdf/index.html").has_value());
  CHECK(docs::SniffDocumentType(ReadDocument("tagged.pdf")) == docs::DocumentType::kPdf);
  CHECK(docs::SniffDocumentType(ReadDocument("good.docx")) == docs::DocumentType::kDocx);
  CHECK(docs::SniffDocumentType(ReadDocument("good.odt")) == docs::DocumentType::kOdt);
  CHECK_FALSE(docs::SniffDocumentType("<html></html>").has_value());
}

TEST_CASE("documents: a PDF's audit has the page-audit shape with type pdf", "[documents]") {
  const pe::Rule* rules[] = {&kPage, &kTagged, &kTables};
  auto audit = docs::AuditDocument(ReadDocument("untagged.pdf"), docs::DocumentType::kPdf,
                                   "https://x.ie/bins.pdf", rules);
  REQUIRE(audit.has_value());
  const pe::PageAudit& a = audit->audit;
  CHECK(a.type == "pdf");
  CHECK(a.url == "https://x.ie/bins.pdf");
  CHECK(a.title == "Bin collection days - Ballykeeran County Council");
  CHECK(a.lang == "en-IE");
  // Only the PDF rule ran: page and office rules are skipped.
  REQUIRE(a.results.size() == 1);
  CHECK(a.results[0].rule == &kTagged);
  CHECK(a.results[0].outcome == pe::Outcome::kFailed);
  CHECK_FALSE(audit->analysis.has_value());  // no analyser given
}

TEST_CASE("documents: a rule that throws gives cantTell and the audit goes on", "[documents]") {
  const pe::Rule* rules[] = {&kThrows, &kTagged};
  auto audit =
      docs::AuditDocument(ReadDocument("tagged.pdf"), docs::DocumentType::kPdf, "t.pdf", rules);
  REQUIRE(audit.has_value());
  REQUIRE(audit->audit.results.size() == 2);
  CHECK(audit->audit.results[0].outcome == pe::Outcome::kCantTell);
  CHECK(audit->audit.results[0].error == "boom");
  CHECK(audit->audit.results[1].outcome == pe::Outcome::kPassed);
  docs::DocumentAuditOptions strict;
  strict.run.strict = true;
  CHECK_THROWS(docs::AuditDocument(ReadDocument("tagged.pdf"), docs::DocumentType::kPdf, "t.pdf",
                                   rules, strict));
}

TEST_CASE("documents: DOCX and ODT audits have their type and run the office rules",
          "[documents]") {
  const pe::Rule* rules[] = {&kTagged, &kTables};
  for (auto [name, type, type_name] : {std::tuple{"good.docx", docs::DocumentType::kDocx, "docx"},
                                       std::tuple{"good.odt", docs::DocumentType::kOdt, "odt"}}) {
    INFO(name);
    auto audit = docs::AuditDocument(ReadDocument(name), type, name, rules);
    REQUIRE(audit.has_value());
    CHECK(audit->audit.type == type_name);
    CHECK(audit->audit.title == "Bin collection days");
    CHECK(audit->audit.lang == "en-IE");
    REQUIRE(audit->audit.results.size() == 1);
    CHECK(audit->audit.results[0].rule == &kTables);
    CHECK(audit->audit.results[0].outcome == pe::Outcome::kPassed);
  }
}

TEST_CASE("documents: unreadable documents fail with the reader's error", "[documents]") {
  const pe::Rule* rules[] = {&kTagged};
  auto pdf = docs::AuditDocument("not a pdf", docs::DocumentType::kPdf, "x.pdf", rules);
  REQUIRE_FALSE(pdf.has_value());
  CHECK(pdf.error().code == pe::ErrorCode::kParse);
  auto docx =
      docs::AuditDocument(ReadDocument("good.odt"), docs::DocumentType::kDocx, "x.docx", rules);
  REQUIRE_FALSE(docx.has_value());
  CHECK(docx.error().message.find("word/document.xml") != std::string::npos);
  auto locked =
      docs::AuditDocument(ReadDocument("password.pdf"), docs::DocumentType::kPdf, "x.pdf", rules);
  REQUIRE_FALSE(locked.has_value());
  CHECK(locked.error().code == pe::ErrorCode::kUnsupported);
}

TEST_CASE("documents: the text goes through the plain-language analyser", "[documents]") {
  pe::text::AnalyserConfig config;
  config.data_dir = std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text";
  auto analyser = pe::text::Analyser::Create(config);
  REQUIRE(analyser.has_value());
  docs::DocumentAuditOptions options;
  options.analyser = analyser->get();
  options.analysis.spelling = false;
  // The text rules among the rules run on the document's text (issue 21).
  const pe::Rule* rules[] = {&kTagged, &kLong};
  auto pdf = docs::AuditDocument(ReadDocument("problems.pdf"), docs::DocumentType::kPdf, "p.pdf",
                                 rules, options);
  REQUIRE(pdf.has_value());
  REQUIRE(pdf->analysis.has_value());
  CHECK(pdf->analysis->metrics.counts.words > 50);
  bool long_sentence = false;
  for (const auto& f : pdf->analysis->findings) {
    long_sentence |= f.kind == "long-sentence";
  }
  CHECK(long_sentence);  // the planning notice is one 60-word sentence
  // ... and is the text rule's finding in the document's audit, beside the PDF rule's result.
  REQUIRE(pdf->audit.results.size() == 2);
  CHECK(pdf->audit.results[1].rule == &kLong);
  CHECK(pdf->audit.results[1].outcome == pe::Outcome::kCantTell);
  auto docx = docs::AuditDocument(ReadDocument("good.docx"), docs::DocumentType::kDocx, "g.docx",
                                  rules, options);
  REQUIRE(docx.has_value());
  REQUIRE(docx->analysis.has_value());
  CHECK(docx->analysis->metrics.counts.words > 20);
  CHECK(docx->analysis->declared_lang == "en-IE");
  // A scan has no text to analyse.
  auto scan = docs::AuditDocument(ReadDocument("scanned.pdf"), docs::DocumentType::kPdf, "s.pdf",
                                  rules, options);
  REQUIRE(scan.has_value());
  CHECK_FALSE(scan->analysis.has_value());
}
