// Per-page signals (signals.h): links with their text, region, hreflang and topics; documents
// and their HTML alternatives; contact details; Irish-language version; page kinds.
#include "engine/site/signals.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/site/test_support.h"

namespace ps = plainsight::engine::site;
using ps::testing::Parse;
using ps::testing::SignalsOf;

namespace {

const ps::LinkSignal* LinkTo(const ps::PageSignals& s, std::string_view url,
                             bool alternate = false) {
  for (const ps::LinkSignal& l : s.links) {
    if (l.url == url && l.alternate == alternate) {
      return &l;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("site signals: a home page's footer links, switcher, documents and contact details",
          "[site][signals]") {
  ps::PageSignals s = SignalsOf("home_full.html", "https://www.ballykeeran.ie/");
  CHECK(s.title == "Ballykeeran County Council");
  CHECK(s.lang == "en-IE");
  CHECK(s.main_heading == "Welcome to Ballykeeran County Council");

  const ps::LinkSignal* statement = LinkTo(s, "https://www.ballykeeran.ie/accessibility-statement");
  REQUIRE(statement != nullptr);
  CHECK(statement->text == "Accessibility statement");
  CHECK(statement->region == ps::LinkRegion::kFooter);
  CHECK(statement->Has(ps::kTopicStatement));

  const ps::LinkSignal* charter = LinkTo(s, "https://www.ballykeeran.ie/customer-charter");
  REQUIRE(charter != nullptr);
  CHECK(charter->Has(ps::kTopicCharter));
  CHECK_FALSE(charter->Has(ps::kTopicStatement));
  const ps::LinkSignal* complaint = LinkTo(s, "https://www.ballykeeran.ie/make-a-complaint");
  REQUIRE(complaint != nullptr);
  CHECK(complaint->Has(ps::kTopicComplaints));

  // The same "Contact us" link sits in the navigation and the footer.
  int contact_links = 0;
  for (const ps::LinkSignal& l : s.links) {
    if (l.url == "https://www.ballykeeran.ie/contact-us") {
      ++contact_links;
      CHECK(l.Has(ps::kTopicContact));
      CHECK((l.region == ps::LinkRegion::kNav || l.region == ps::LinkRegion::kFooter));
    }
  }
  CHECK(contact_links == 2);

  // Irish: the switcher link and the alternate in the head.
  const ps::LinkSignal* gaeilge = LinkTo(s, "https://www.ballykeeran.ie/ga/");
  REQUIRE(gaeilge != nullptr);
  CHECK(gaeilge->text == "Gaeilge");
  CHECK(gaeilge->hreflang == "ga");
  CHECK(gaeilge->region == ps::LinkRegion::kHeader);
  CHECK(gaeilge->Has(ps::kTopicIrish));
  const ps::LinkSignal* alternate = LinkTo(s, "https://www.ballykeeran.ie/ga/", true);
  REQUIRE(alternate != nullptr);
  CHECK(alternate->Has(ps::kTopicIrish));

  // Documents: a PDF with its web version beside it, one without, a Word file without, and a
  // PDF that is the printable copy of the page.
  const ps::LinkSignal* report =
      LinkTo(s, "https://www.ballykeeran.ie/publications/annual-report-2023.pdf");
  REQUIRE(report != nullptr);
  CHECK(report->document_type == "pdf");
  CHECK(report->html_alternative);
  const ps::LinkSignal* plan =
      LinkTo(s, "https://www.ballykeeran.ie/publications/development-plan-2022-2028.pdf");
  REQUIRE(plan != nullptr);
  CHECK_FALSE(plan->html_alternative);
  const ps::LinkSignal* word =
      LinkTo(s, "https://www.ballykeeran.ie/publications/housing-strategy.docx");
  REQUIRE(word != nullptr);
  CHECK(word->document_type == "docx");
  CHECK(word->Has(ps::kTopicDocument));
  const ps::LinkSignal* leaflet = LinkTo(s, "https://www.ballykeeran.ie/services/bins-leaflet.pdf");
  REQUIRE(leaflet != nullptr);
  CHECK(leaflet->html_alternative);
  CHECK(s.offers_alternative_formats);

  // Contact details from the footer's text and its tel:/mailto: links.
  CHECK(std::find(s.contacts.emails.begin(), s.contacts.emails.end(), "info@ballykeeran.ie") !=
        s.contacts.emails.end());
  CHECK_FALSE(s.contacts.phones.empty());
  CHECK_FALSE(s.contacts.addresses.empty());
  CHECK_FALSE(s.IsStatement());
}

TEST_CASE("site signals: a bare home page has no topic links but a document", "[site][signals]") {
  ps::PageSignals s = SignalsOf("home_bare.html", "https://water.example.ie/");
  for (const ps::LinkSignal& l : s.links) {
    INFO(l.url);
    CHECK((l.topics == 0 || l.topics == ps::kTopicDocument));
  }
  const ps::LinkSignal* minutes = LinkTo(s, "https://water.example.ie/docs/minutes-2024.pdf");
  REQUIRE(minutes != nullptr);
  CHECK_FALSE(minutes->html_alternative);
  CHECK(s.contacts.empty());
  CHECK_FALSE(s.offers_alternative_formats);
  ps::KeepTopicLinksOnly(s);
  CHECK(s.links.size() == 1);
}

TEST_CASE("site signals: a contact page with a form", "[site][signals]") {
  ps::PageSignals s = SignalsOf("contact_page.html", "https://water.example.ie/contact");
  CHECK(s.is_contact_page);
  CHECK(s.has_contact_form);
  CHECK_FALSE(s.is_charter_page);
}

TEST_CASE("site signals: link names come from aria-label, image alt or title", "[site][signals]") {
  auto doc = Parse(R"html(<!DOCTYPE html><html lang="en"><body>
    <a href="/a" aria-label="Accessibility statement"><span>A11y</span></a>
    <a href="/b"><img src="x.png" alt="Customer charter"></a>
    <a href="/c" title="Complaints procedure"></a>
    <a href="/d" hidden>Accessibility</a>
    <a href="javascript:void(0)">Accessibility</a>
    <div id="footer"><a href="/e">Teagmháil</a></div>
    <div style="display: none"><a href="/f">Accessibility</a></div>
  </body></html>)html");
  ps::PageSignals s = ps::ExtractSignals(*doc);
  REQUIRE(s.links.size() == 4);
  CHECK(s.links[0].Has(ps::kTopicStatement));
  CHECK(s.links[1].text == "Customer charter");
  CHECK(s.links[1].Has(ps::kTopicCharter));
  CHECK(s.links[2].Has(ps::kTopicComplaints));
  CHECK(s.links[3].region == ps::LinkRegion::kFooter);
  CHECK(s.links[3].Has(ps::kTopicContact));
}

TEST_CASE("site signals: Irish-language switchers and pages", "[site][signals]") {
  struct Row {
    std::string_view html;
    bool irish;
  };

  const Row rows[] = {
      {R"(<a href="/ga/">Gaeilge</a>)", true},
      {R"(<a href="/ga/">As Gaeilge</a>)", true},
      {R"(<a href="/?lang=ga">GA</a>)", true},
      {R"(<a href="/page" hreflang="ga-IE">Leagan eile</a>)", true},
      {R"(<a href="/classes">Gaeilge classes for adults</a>)", false},  // about Irish, not in it
      {R"(<a href="/x">GA</a>)", false},  // a bare "GA" that nothing else marks as Irish
  };
  for (const Row& r : rows) {
    INFO(r.html);
    auto doc =
        Parse("<!DOCTYPE html><html lang=\"en\"><body>" + std::string(r.html) + "</body></html>");
    ps::PageSignals s = ps::ExtractSignals(*doc);
    REQUIRE(s.links.size() == 1);
    CHECK(s.links[0].Has(ps::kTopicIrish) == r.irish);
  }
  auto irish = Parse(R"(<!DOCTYPE html><html lang="ga"><title>Baile</title></html>)");
  CHECK(ps::IsIrishTag(ps::ExtractSignals(*irish).lang));
  CHECK(ps::IsIrishTag("GA-ie"));
  CHECK_FALSE(ps::IsIrishTag("gd"));
  CHECK_FALSE(ps::IsIrishTag("gaa"));
}

TEST_CASE(
    "site signals: a document's HTML version in its table row, the next list item, or the "
    "page itself",
    "[site][signals]") {
  struct Row {
    const char* html;
    bool html_alternative;
  };

  // Each page links /plan.pdf once; is the HTML version offered beside it?
  const Row rows[] = {
      // A publications table: the PDF in one cell, its web page in another cell of the row.
      {R"(<table><tr><td><a href="/plan.pdf">Plan 2026</a></td><td>PDF, 25 KB. Also as a
<a href="/plan">web page</a>.</td></tr></table>)",
       true},
      // The same table with no web page in the row.
      {R"(<table><tr><td><a href="/plan.pdf">Plan 2026</a></td><td>PDF, 25 KB</td></tr>
<tr><td><a href="/other">Other plan</a></td><td>web page</td></tr></table>)",
       false},
      // The web version as the next item of a list of downloads.
      {R"(<ul><li><a href="/plan.pdf">Application form (Word document)</a></li>
<li><a href="/form">The same form as a web page</a></li></ul>)",
       true},
      // Two items further down is another matter.
      {R"(<ul><li><a href="/plan.pdf">Application form (PDF)</a></li><li>Opening hours</li>
<li><a href="/form">The same form as a web page</a></li></ul>)",
       false},
      // The page says it is the document's web version.
      {R"(<p>This is the web version of our <a href="/plan.pdf">Customer Action Plan (PDF)</a>.
Both say the same.</p>)",
       true},
      {R"(<p>Download: <a href="/plan.pdf">Statement of Strategy (PDF)</a>. This web page has the
same content.</p>)",
       true},
      {R"(<p>This timetable is also available as a <a href="/plan.pdf">PDF in Irish</a>.</p>)",
       true},
      {R"(<p lang="ga">Tá an clár ama seo ar fáil freisin mar <a href="/plan.pdf">PDF</a>.</p>)",
       true},
      {R"(<li><a href="/plan.pdf">Clár ama (PDF)</a>, agus mar <a href="/clar-ama">leathanach
gréasáin</a>.</li>)",
       true},
      // A news item saying the report exists as a PDF is not the report's web version.
      {R"(<p>The annual report is also available as a <a href="/plan.pdf">PDF</a>.</p>)", false},
      {R"(<p><a href="/plan.pdf">Annual report 2024 (PDF)</a> is out now.</p>)", false},
  };
  for (const Row& r : rows) {
    INFO(r.html);
    auto doc = Parse(std::string("<!DOCTYPE html><html lang=\"en\"><title>T</title><main>") +
                     r.html + "</main></html>");
    ps::PageSignals s = ps::ExtractSignals(*doc);
    const ps::LinkSignal* pdf = LinkTo(s, "https://www.ballykeeran.ie/plan.pdf");
    REQUIRE(pdf != nullptr);
    CHECK(pdf->html_alternative == r.html_alternative);
  }
}
