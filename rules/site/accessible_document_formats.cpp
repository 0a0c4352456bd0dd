// site.accessible-document-formats: PDF and office documents are offered with an HTML version
// beside them.
// Directive (EU) 2016/2102, Art. 1(4)(a): office file formats published since 23 September 2018
// are in scope, so documents must be accessible; EN 301 549 clause 10 holds the requirements
// for such non-web documents. Irish public-sector commitments: the National Disability
// Authority's guidance advises publishing information as web pages (HTML) and offering other
// formats on request.
// Interpretation: a document counts as offered in an accessible format when, beside its link
// (the same list item, paragraph or table cell), a link to a web page says it is the HTML,
// online or accessible version, or when the document is itself the printable copy of the page
// ("Download this page as a PDF"). Documents whose pages only offer other formats on request
// need a person to judge. Whether the documents themselves are accessible (tagged PDF) is not
// judged here: that is the documents' own audit.
#include <map>

#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr std::string_view kRequirements[] = {
    "Directive (EU) 2016/2102, Art. 1(4)(a) (office documents published since 23 September 2018 "
    "are in scope)",
    "EN 301 549 V3.2.1, clause 10 (non-web documents)",
    "Irish public-sector commitments: National Disability Authority guidance (publish in HTML, "
    "other formats on request)",
};

constexpr es::ExamplePage kAlternativePages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Publications</title><ul>
<li><a href="/annual-report-2024.pdf">Annual report 2024 (PDF)</a> or
<a href="/annual-report-2024">read it online (HTML)</a></li>
<li><a href="/bins.pdf">Download this page as a PDF</a></li></ul></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kAlternativePages}};

constexpr es::ExamplePage kPdfOnlyPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Publications</title><ul>
<li><a href="/development-plan.pdf">Development plan (PDF, 14 MB)</a></li>
<li><a href="/housing.docx">Housing strategy</a></li></ul></html>)"},
};
constexpr es::SiteExample kFails[] = {{kPdfOnlyPages}};

constexpr es::ExamplePage kOnRequestPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Publications</title>
<p><a href="/development-plan.pdf">Development plan (PDF)</a></p>
<p>All our publications are available in alternative formats on request.</p></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kOnRequestPages}};

constexpr es::ExamplePage kNoDocumentPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><a href="/about">About</a></html>)"},
};
constexpr es::SiteExample kInapplicable[] = {{kNoDocumentPages}, {}};

struct Document {
  std::string url;
  std::string type;
  std::string page;  // the first page that links to it
  bool html_alternative = false;
  bool on_request = false;  // a page linking it offers other formats
};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  r.details = site::BaseDetails(site);
  std::map<std::string, Document> documents;  // by URL: sorted, so results do not depend on order
  for (const site::TopicLink& t : site::LinksWithTopic(site, es::kTopicDocument)) {
    if (t.link->alternate) {
      continue;
    }
    Document& d = documents[t.link->url];
    if (d.url.empty()) {
      d.url = t.link->url;
      d.type = t.link->document_type;
      d.page = t.page->url;
    }
    d.html_alternative = d.html_alternative || t.link->html_alternative;
    d.on_request = d.on_request || t.page->signals.offers_alternative_formats;
  }
  if (documents.empty()) {
    r.outcome = engine::Outcome::kInapplicable;
    r.message = site.CrawledPages() == 0 ? "No page of the site could be read."
                                         : "No crawled page links to a PDF or office document.";
    return r;
  }
  std::map<std::string, size_t> by_type;
  std::vector<std::string> bare;
  std::vector<std::string> on_request;
  size_t with_html = 0;
  nlohmann::json without = nlohmann::json::array();
  for (const auto& [url, d] : documents) {
    ++by_type[d.type];
    if (d.html_alternative) {
      ++with_html;
      continue;
    }
    (d.on_request ? on_request : bare).push_back(url);
    if (without.size() < 20) {
      without.push_back(
          {{"url", url}, {"type", d.type}, {"page", d.page}, {"on_request", d.on_request}});
    }
  }
  r.details["documents"] = documents.size();
  r.details["by_type"] = by_type;
  r.details["with_html_alternative"] = with_html;
  r.details["on_request_only"] = on_request.size();
  r.details["without_alternative"] = bare.size();
  r.details["examples_without"] = without;
  std::string total = site::Count(documents.size(), "document", "documents");
  if (bare.empty() && on_request.empty()) {
    r.outcome = engine::Outcome::kPassed;
    r.message = "Every linked document (" + total + ") has an HTML version beside it.";
    for (const auto& [url, d] : documents) {
      site::AddEvidence(r, d.page);
    }
    return r;
  }
  auto add_pages = [&](const std::vector<std::string>& urls) {
    for (const std::string& u : urls) {
      site::AddEvidence(r, documents[u].page);
    }
  };
  if (!bare.empty()) {
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kWarning;
    r.message = std::to_string(bare.size()) + " of " + total +
                " have no HTML version beside them and their pages offer no other format: " +
                site::JoinList(bare, 5) + ".";
    add_pages(bare);
    return r;
  }
  r.outcome = engine::Outcome::kCantTell;
  r.message = std::to_string(on_request.size()) + " of " + total +
              " have no HTML version, but their pages offer other formats on request: " +
              site::JoinList(on_request, 5) + ". Check whether that serves people well enough.";
  add_pages(on_request);
  return r;
}

}  // namespace

extern const es::SiteRule kSiteAccessibleDocumentFormats{
    .id = "site.accessible-document-formats",
    .summary = "PDF and office documents have an HTML version beside them",
    .why =
        "Many PDFs and office files cannot be read with a screen reader, on a phone or at a "
        "large text size. A web page with the same content works for everyone; a PDF alone "
        "shuts some people out.",
    .help =
        "Publish the content as a web page and link the PDF or Word file from it as a download, "
        "or put a link to the web version right beside the document's link (\"Annual report "
        "(PDF) - read it online\"). Say how to ask for other formats.",
    .requirements = kRequirements,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
