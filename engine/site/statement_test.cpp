// Accessibility statements (statement.h): statements that follow the EU model closely, loosely
// and partly, in English and Irish, and an accessibility page that is no statement.
#include "engine/site/statement.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/site/test_support.h"

namespace ps = plainsight::engine::site;
using ps::StatementSection;
using ps::testing::SignalsOf;

namespace {

bool Has(const ps::StatementSignals& s, StatementSection section) {
  return s.section(section).found;
}

std::vector<std::pair<std::string, std::string>> Dates(const ps::StatementSignals& s) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const ps::StatementDate& d : s.dates) {
    out.emplace_back(d.date.Iso(), ps::StatementDateKindName(d.kind));
  }
  return out;
}

}  // namespace

TEST_CASE("site statement: a statement that follows the model has every section",
          "[site][statement]") {
  ps::PageSignals page =
      SignalsOf("statement_model_en.html", "https://www.ballykeeran.ie/accessibility-statement");
  REQUIRE(page.statement);
  const ps::StatementSignals& s = *page.statement;
  CHECK(s.is_statement);
  CHECK(s.language == "en");
  for (size_t i = 0; i < ps::kStatementSectionCount; ++i) {
    INFO(ps::StatementSectionName(static_cast<StatementSection>(i)));
    CHECK(s.sections[i].found);
    CHECK(s.sections[i].by_heading);
  }
  CHECK(s.status == ps::ComplianceStatus::kPartial);
  CHECK(s.reason_non_compliance);
  CHECK(s.reason_disproportionate_burden);
  CHECK(s.reason_out_of_scope);
  CHECK(s.method_self_assessment);
  CHECK_FALSE(s.method_third_party);
  // The exempt documents' date is not the statement's.
  CHECK(Dates(s) == std::vector<std::pair<std::string, std::string>>{{"2018-09-23", "other"},
                                                                     {"2024-09-23", "prepared"},
                                                                     {"2025-03-01", "reviewed"}});
  CHECK(std::find(s.contacts.emails.begin(), s.contacts.emails.end(), "access@ballykeeran.ie") !=
        s.contacts.emails.end());
  CHECK_FALSE(s.contacts.phones.empty());
  CHECK(s.contact_form_link);
  CHECK(s.enforcement_links == std::vector<std::string>{"https://www.ombudsman.ie/"});
  CHECK_FALSE(s.standards.empty());
}

TEST_CASE("site statement: a loose statement is found by its wording", "[site][statement]") {
  ps::PageSignals page =
      SignalsOf("statement_loose_en.html", "https://harbour.example.ie/accessibility");
  REQUIRE(page.statement);
  const ps::StatementSignals& s = *page.statement;
  CHECK(s.is_statement);
  CHECK(s.status == ps::ComplianceStatus::kPartial);
  CHECK(Has(s, StatementSection::kComplianceStatus));
  CHECK_FALSE(s.section(StatementSection::kComplianceStatus).by_heading);
  CHECK(Has(s, StatementSection::kNonAccessibleContent));
  CHECK(s.reason_out_of_scope);
  CHECK_FALSE(s.reason_disproportionate_burden);
  CHECK(Has(s, StatementSection::kFeedback));
  CHECK(Has(s, StatementSection::kEnforcement));
  CHECK(s.enforcement_links.empty());  // named, not linked
  CHECK(Has(s, StatementSection::kPreparation));
  CHECK(s.method_third_party);
  REQUIRE(s.dates.size() == 1);
  CHECK(s.dates[0].date.Iso() == "2023-03");
  CHECK(s.dates[0].in_preparation_section);
  CHECK(s.contacts.emails == std::vector<std::string>{"webmaster@harbour.ie"});
  CHECK(s.contacts.phones == std::vector<std::string>{"01 234 5678"});
}

TEST_CASE("site statement: a statement in name only lacks the model's sections",
          "[site][statement]") {
  ps::PageSignals page = SignalsOf("statement_partial_en.html",
                                   "https://www.westlibraries.ie/accessibility-statement");
  REQUIRE(page.statement);
  const ps::StatementSignals& s = *page.statement;
  CHECK(s.is_statement);
  CHECK(s.status == ps::ComplianceStatus::kUnknown);
  CHECK_FALSE(Has(s, StatementSection::kComplianceStatus));
  CHECK_FALSE(Has(s, StatementSection::kNonAccessibleContent));
  CHECK_FALSE(Has(s, StatementSection::kPreparation));
  CHECK_FALSE(Has(s, StatementSection::kEnforcement));
  CHECK(Has(s, StatementSection::kFeedback));
  CHECK(s.dates.empty());
  CHECK(s.contacts.emails == std::vector<std::string>{"info@westlibraries.ie"});
}

TEST_CASE("site statement: an Irish-language statement that follows the model",
          "[site][statement]") {
  ps::PageSignals page =
      SignalsOf("statement_ga.html", "https://www.ballykeeran.ie/ga/raiteas-inrochtaineachta");
  REQUIRE(page.statement);
  const ps::StatementSignals& s = *page.statement;
  CHECK(s.is_statement);
  CHECK(s.language == "ga");
  for (size_t i = 0; i < ps::kStatementSectionCount; ++i) {
    INFO(ps::StatementSectionName(static_cast<StatementSection>(i)));
    CHECK(s.sections[i].by_heading);
  }
  CHECK(s.status == ps::ComplianceStatus::kPartial);
  CHECK(s.reason_non_compliance);
  CHECK(s.reason_disproportionate_burden);
  CHECK(s.reason_out_of_scope);
  CHECK(s.method_self_assessment);
  CHECK(Dates(s) == std::vector<std::pair<std::string, std::string>>{{"2018-09-23", "other"},
                                                                     {"2024-09-23", "prepared"},
                                                                     {"2025-03-03", "reviewed"}});
  CHECK(s.contacts.emails == std::vector<std::string>{"rochtain@ballykeeran.ie"});
  CHECK(s.contacts.phones == std::vector<std::string>{"066 718 3500"});
  CHECK(s.enforcement_links == std::vector<std::string>{"https://www.ombudsman.ie/ga/"});
}

TEST_CASE("site statement: an accessibility help page is not a statement", "[site][statement]") {
  ps::PageSignals page =
      SignalsOf("accessibility_help.html", "https://tourism.example.ie/accessibility-help");
  REQUIRE(page.statement);
  CHECK_FALSE(page.statement->is_statement);
  CHECK_FALSE(page.statement->why.empty());
  // A page about nothing of the kind is not analysed at all.
  CHECK_FALSE(SignalsOf("home_bare.html", "https://water.example.ie/").statement);
}

TEST_CASE("site statement: compliance status wording in English and Irish", "[site][statement]") {
  struct Row {
    std::string_view sentence;
    ps::ComplianceStatus status;
  };

  const Row rows[] = {
      {"This website is fully compliant with WCAG 2.1 AA.", ps::ComplianceStatus::kFull},
      {"This website is compliant with EN 301 549.", ps::ComplianceStatus::kFull},
      {"This website is partially compliant with WCAG 2.1 AA.", ps::ComplianceStatus::kPartial},
      {"This website is not fully compliant with the Regulations.", ps::ComplianceStatus::kPartial},
      {"This website is not compliant with WCAG 2.1 AA.", ps::ComplianceStatus::kNon},
      {"Tá an suíomh seo lánchomhlíontach le WCAG 2.1 AA.", ps::ComplianceStatus::kFull},
      {"Tá an suíomh seo neamhchomhlíontach le WCAG 2.1.", ps::ComplianceStatus::kNon},
      {"Cloíonn an suíomh i bpáirt le WCAG 2.1 leibhéal AA.", ps::ComplianceStatus::kPartial},
      // A hope is not a status.
      {"We aim to be fully compliant with WCAG 2.1 AA by 2026.", ps::ComplianceStatus::kUnknown},
  };
  for (const Row& r : rows) {
    INFO(r.sentence);
    auto doc = ps::testing::Parse(
        "<!DOCTYPE html><html><title>Accessibility statement</title><main><h1>Accessibility "
        "statement</h1><p>" +
        std::string(r.sentence) + "</p></main></html>");
    ps::PageSignals page = ps::ExtractSignals(*doc);
    REQUIRE(page.statement);
    CHECK(page.statement->status == r.status);
  }
  // The model's three options copied without choosing one.
  auto doc = ps::testing::Parse(
      "<!DOCTYPE html><html><title>Accessibility statement</title><main><h2>Compliance "
      "status</h2><p>This website is fully compliant with WCAG 2.1.</p><p>This website is "
      "partially compliant with WCAG 2.1.</p></main></html>");
  CHECK(ps::ExtractSignals(*doc).statement->status == ps::ComplianceStatus::kAmbiguous);
}
