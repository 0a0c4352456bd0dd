// Runs every rule's pass, fail and inapplicable examples from its metadata (STYLE.md section 2):
// a rule's documentation examples are its first tests.
#include <catch2/catch.hpp>

#include "engine/documents/document_audit.h"
#include "engine/office/office_example.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/runner.h"
#include "engine/site/site_model.h"
#include "engine/text/test_support.h"
#include "engine/text/text_facts.h"
#include "rules/catalog.h"

namespace pe = plainsight::engine;

namespace {

// Text rules' examples are texts: plain text, or HTML when they start with "<" (to declare a
// language), analysed as `plainsight text` analyses files, with its word lists and dictionaries.
pe::Outcome RunTextExample(const pe::Rule& rule, std::string_view example) {
  const pe::Rule* one[] = {&rule};
  auto text = pe::text::Extract(example, example.rfind('<', 0) == 0 ? "example.html" : "");
  INFO((text ? "" : text.error().message));
  REQUIRE(text.has_value());
  auto facts = pe::text::testing::SharedAnalyser().Facts(std::move(*text));
  INFO((facts ? "" : facts.error().message));
  REQUIRE(facts.has_value());
  std::vector<pe::RuleResult> results = pe::text::RunTextRules(**facts, one);
  REQUIRE(results.size() == 1);
  for (const pe::Finding& f : results[0].findings) {
    UNSCOPED_INFO(pe::OutcomeName(f.outcome) << ": " << f.message);
  }
  return results[0].outcome;
}

pe::Outcome RunExample(const pe::Rule& rule, std::string_view html) {
  const pe::Rule* one[] = {&rule};
  if (rule.check_text != nullptr) {
    return RunTextExample(rule, html);
  }
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

namespace {

namespace ps = plainsight::engine::site;

std::string Describe(const ps::SiteExample& example) {
  std::string out;
  for (const ps::ExamplePage& p : example.pages) {
    out += std::string(p.url) + "\n" + std::string(p.html) + "\n";
  }
  return out.empty() ? "(no page)" : out;
}

// Runs a site rule on an example site: its pages parsed, their signals extracted, the model
// built as a scan builds it (the first page the home page).
ps::SiteResult RunSiteExample(const ps::SiteRule& rule, const ps::SiteExample& example) {
  return ps::RunSiteRule(rule, ps::BuildExampleSite(example));
}

}  // namespace

TEST_CASE("site rules: every example gives its outcome, with a message",
          "[rules][examples][site]") {
  struct Set {
    std::span<const ps::SiteExample> examples;
    pe::Outcome expected;
  };

  for (const ps::SiteRule* rule : plainsight::rules::AllSiteRules()) {
    const Set sets[] = {{rule->passes, pe::Outcome::kPassed},
                        {rule->fails, pe::Outcome::kFailed},
                        {rule->inapplicable, pe::Outcome::kInapplicable},
                        {rule->cant_tell, pe::Outcome::kCantTell}};
    for (const Set& set : sets) {
      for (const ps::SiteExample& example : set.examples) {
        INFO(rule->id << " " << pe::OutcomeName(set.expected) << " example:\n"
                      << Describe(example));
        ps::SiteResult result = RunSiteExample(*rule, example);
        INFO("message: " << result.message);
        CHECK(result.outcome == set.expected);
        CHECK_FALSE(result.message.empty());
        if (result.outcome != pe::Outcome::kInapplicable) {
          CHECK_FALSE(result.evidence.empty());
        }
      }
    }
  }
}
