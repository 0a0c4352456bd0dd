// Runs every rule's pass, fail and inapplicable examples from its metadata (STYLE.md section 2):
// a rule's documentation examples are its first tests.
#include <catch2/catch.hpp>

#include "engine/documents/document_audit.h"
#include "engine/office/office_example.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/runner.h"
#include "rules/catalog.h"

namespace pe = plainsight::engine;

namespace {

pe::Outcome RunExample(const pe::Rule& rule, std::string_view html) {
  const pe::Rule* one[] = {&rule};
  // Document rules' examples are documents (engine/pdf/pdf_writer.h, engine/office/
  // office_example.h), read by the same readers as real files.
  if (rule.check_pdf != nullptr) {
    auto doc = pe::pdf::ParsePdf(pe::pdf::ExamplePdf(html));
    INFO((doc ? "" : doc.error().message));
    REQUIRE(doc.has_value());
    return pe::documents::RunPdfRules(*doc, one).results.at(0).outcome;
  }
  if (rule.check_office != nullptr) {
    auto doc = pe::office::ParseOfficeExample(html);
    INFO((doc ? "" : doc.error().message));
    REQUIRE(doc.has_value());
    return pe::documents::RunOfficeRules(*doc, one).results.at(0).outcome;
  }
  pe::ParseOptions options;
  options.url = "https://example.ie/page.html";
  bool xml = html.rfind("<svg xmlns", 0) == 0 || html.rfind("<?xml", 0) == 0;
  auto doc = xml ? pe::Document::ParseXml(html, options) : pe::Document::ParseHtml(html, options);
  REQUIRE(doc.has_value());
  auto page = pe::Page::Build(std::move(*doc));
  return pe::RunRules(*page, one).results.at(0).outcome;
}

}  // namespace

TEST_CASE("rules: every pass example passes", "[rules][examples]") {
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    for (std::string_view html : rule->passes) {
      INFO(rule->id << " pass example: " << html);
      CHECK(RunExample(*rule, html) == pe::Outcome::kPassed);
    }
  }
}

TEST_CASE("rules: every fail example fails", "[rules][examples]") {
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    for (std::string_view html : rule->fails) {
      INFO(rule->id << " fail example: " << html);
      CHECK(RunExample(*rule, html) == pe::Outcome::kFailed);
    }
  }
}

TEST_CASE("rules: every inapplicable example is inapplicable", "[rules][examples]") {
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    for (std::string_view html : rule->inapplicable) {
      INFO(rule->id << " inapplicable example: " << html);
      CHECK(RunExample(*rule, html) == pe::Outcome::kInapplicable);
    }
  }
}

TEST_CASE("rules: every cantTell example needs a person", "[rules][examples]") {
  for (const pe::Rule* rule : plainsight::rules::AllRules()) {
    for (std::string_view html : rule->cant_tell) {
      INFO(rule->id << " cantTell example: " << html);
      CHECK(RunExample(*rule, html) == pe::Outcome::kCantTell);
    }
  }
}
