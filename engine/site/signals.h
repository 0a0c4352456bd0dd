// Per-page signals for the site-level checks (issue 10, item 1): what one parsed HTML page says
// about its site. Pure functions of the page: no I/O, no clock. The site model (site_model.h)
// gathers them per body; the site rules (rules/site/) judge the model.
//
// What a page yields:
//  - its links, each with its text (an approximation of the accessible name: aria-label, else
//    the text with images' alt, else title), destination (resolved and normalised as the
//    crawler keys URLs), hreflang, lang, and where it sits (header, navigation, footer, main);
//    each link is tagged with the topics the site checks look for (accessibility statement,
//    customer charter, complaints, contact, Irish-language version, document, enforcement);
//  - whether the page is an accessibility statement and, if so, which sections of the EU model
//    statement it has (statement.h);
//  - contact details in its text and tel:/mailto: links (contacts.h);
//  - whether it is a customer charter, complaints or contact page (by its title and main
//    heading), whether it has a contact form, and whether it offers documents in alternative
//    formats on request;
//  - its declared language (lang on <html>).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/dom.h"
#include "engine/site/contacts.h"
#include "engine/site/dates.h"

namespace plainsight::engine::site {

// Where a link sits: in a footer (footer, role=contentinfo, or an element whose id or class
// names a footer), in navigation (nav, role=navigation), in a header (header, role=banner), or
// elsewhere.
enum class LinkRegion : uint8_t { kMain, kHeader, kNav, kFooter };
// "main", "header", "nav", "footer".
const char* LinkRegionName(LinkRegion region) noexcept;

// What a link points to, for the site checks (a bit set).
enum LinkTopic : uint16_t {
  kTopicStatement = 1 << 0,    // "Accessibility (statement)", "Ráiteas inrochtaineachta"
  kTopicCharter = 1 << 1,      // customer (service) charter, customer action plan
  kTopicComplaints = 1 << 2,   // complaints procedure, "make a complaint", "gearáin"
  kTopicContact = 1 << 3,      // "Contact us", "Déan teagmháil linn"
  kTopicIrish = 1 << 4,        // the Irish-language version: hreflang="ga", "Gaeilge"
  kTopicDocument = 1 << 5,     // a PDF or office document
  kTopicEnforcement = 1 << 6,  // the enforcement procedure: Ombudsman, equality body
  // The address names accessibility ("/accessibility") but the text does not: a candidate for
  // the statement, not evidence that the site links to one.
  kTopicStatementUrl = 1 << 7,
};

struct LinkSignal {
  std::string url;   // absolute and normalised (fragment dropped), or "mailto:..."/"tel:..."
  std::string text;  // whitespace collapsed, at most 200 bytes
  std::string hreflang;
  std::string lang;  // the lang in effect on the link
  LinkRegion region = LinkRegion::kMain;
  uint16_t topics = 0;
  bool alternate = false;  // <link rel=alternate>, not an <a>
  // For documents: "pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "pptx", "ppt", "odp",
  // "rtf"; and whether an HTML version is offered beside it (a link to a web page in the same
  // list item, paragraph or cell that says so, or the document is itself the printable
  // version of this page).
  std::string document_type;
  bool html_alternative = false;
  uint32_t offset = 0;  // byte offset of the <a> in the page source

  bool Has(LinkTopic topic) const { return (topics & topic) != 0; }
};

// The sections of the model accessibility statement (Commission Implementing Decision (EU)
// 2018/1523, Annex): compliance status, non-accessible content, preparation of the statement,
// feedback and contact information, enforcement procedure.
enum class StatementSection : uint8_t {
  kComplianceStatus,
  kNonAccessibleContent,
  kPreparation,
  kFeedback,
  kEnforcement,
};
inline constexpr size_t kStatementSectionCount = 5;
// "compliance-status", "non-accessible-content", "preparation", "feedback", "enforcement".
const char* StatementSectionName(StatementSection section) noexcept;

// The three compliance statuses of the model statement, section "Compliance status".
enum class ComplianceStatus : uint8_t { kUnknown, kFull, kPartial, kNon, kAmbiguous };
// "unknown", "fully-compliant", "partially-compliant", "not-compliant", "ambiguous".
const char* ComplianceStatusName(ComplianceStatus status) noexcept;

struct SectionFound {
  bool found = false;
  bool by_heading = false;  // a heading names it (else body text says it)
  std::string evidence;     // the heading or sentence, shortened
};

// A date in the statement, with what the text around it says it is.
struct StatementDate {
  enum class Kind : uint8_t { kPrepared, kReviewed, kUpdated, kOther };
  FoundDate date;
  Kind kind = Kind::kOther;
  bool in_preparation_section = false;
  std::string context;  // the sentence around it, shortened
};

// "prepared", "reviewed", "updated", "other".
const char* StatementDateKindName(StatementDate::Kind kind) noexcept;

struct StatementSignals {
  // Is the page an accessibility statement (its title or main heading says so, or it has the
  // model statement's sections)? A page that only looks like one (an "Accessibility" page about
  // browser settings) has is_statement false, with `why` saying what was seen.
  bool is_statement = false;
  std::string why;
  std::string language;  // primary language subtag of the page ("en", "ga"), "" when undeclared
  std::array<SectionFound, kStatementSectionCount> sections;
  ComplianceStatus status = ComplianceStatus::kUnknown;
  std::string status_evidence;
  // Why content is not accessible (model statement, "Non-accessible content" (a)-(c)).
  bool reason_non_compliance = false;
  bool reason_disproportionate_burden = false;
  bool reason_out_of_scope = false;
  // How the statement was prepared (model statement, "Preparation of this accessibility
  // statement"; Decision 2018/1523 Article 3(1)).
  bool method_self_assessment = false;
  bool method_third_party = false;
  std::vector<StatementDate> dates;
  ContactDetails contacts;                     // in the statement's text and tel:/mailto: links
  bool contact_form_link = false;              // a link to a contact or feedback form
  std::vector<std::string> enforcement_links;  // links to the enforcement procedure or body
  std::vector<std::string> standards;          // "WCAG 2.1", "EN 301 549" as referred to

  const SectionFound& section(StatementSection s) const { return sections[static_cast<size_t>(s)]; }

  SectionFound& section(StatementSection s) { return sections[static_cast<size_t>(s)]; }
};

struct PageSignals {
  std::string url;  // the document's address
  std::string title;
  std::string lang;          // the lang attribute of <html>, as written
  std::string main_heading;  // the first <h1>, whitespace collapsed, shortened
  std::vector<LinkSignal> links;
  ContactDetails contacts;
  bool has_contact_form = false;  // a form with a text area or several text fields
  bool is_contact_page = false;   // title or main heading: "Contact us", "Teagmháil"
  bool is_charter_page = false;   // "Customer charter", "Customer action plan"
  bool is_complaints_page = false;
  bool offers_alternative_formats = false;  // "available in alternative formats on request"
  std::string alternative_formats_evidence;
  // Set when the page's title, main heading or address names accessibility, or its headings
  // are the model statement's: see StatementSignals::is_statement.
  std::optional<StatementSignals> statement;

  bool IsStatement() const { return statement && statement->is_statement; }
};

// The signals of an HTML page. Never fails; an empty page gives empty signals.
PageSignals ExtractSignals(const Document& document);

// Drops the links that no site check looks at (no topic), keeping the others: the site model
// keeps every link of the home page and only these of other pages.
void KeepTopicLinksOnly(PageSignals& signals);

// Is `lang` (a BCP 47 tag, any case) Irish: primary subtag "ga"?
bool IsIrishTag(std::string_view lang);

}  // namespace plainsight::engine::site
