// site.contact-details: a telephone number, an e-mail address and a postal address are on the
// home page or one click from it.
// Irish public-sector commitments: the Principles of Quality Customer Service (information
// that is clear, timely and accurate; access by phone, e-mail and in person). WCAG 2.2 SC 3.2.6
// (Consistent Help) asks that contact details, where offered, sit in the same place on every
// page; this check asks that they are offered at all.
// Interpretation: "one click" is a page the home page links to (the footer's "Contact us"
// page, for instance). Telephone numbers, e-mail addresses and postal addresses are read as
// engine/site/contacts.h says. A contact form alone, or details found only deeper in the site,
// need a person to judge.
#include <algorithm>

#include "rules/catalog.h"
#include "rules/site/site_support.h"

namespace plainsight::rules {
namespace {

namespace es = engine::site;

constexpr std::string_view kRequirements[] = {
    "Irish public-sector commitments: Principles of Quality Customer Service (information and "
    "access)",
};
constexpr std::string_view kWcag[] = {"3.2.6"};

constexpr es::ExamplePage kFooterPages[] = {
    {"https://www.council.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Council</title><main><h1>Council</h1></main>
<footer><address>County Buildings, Ennis, Co. Clare, V95 DXP2<br>Tel: 065 682 1616<br>
Email: <a href="mailto:info@council.ie">info@council.ie</a></address></footer></html>)"},
};
constexpr es::ExamplePage kContactPagePages[] = {
    {"https://www.agency.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Agency</title><main><h1>Agency</h1></main>
<footer><a href="/contact-us">Contact us</a></footer></html>)"},
    {"https://www.agency.ie/contact-us",
     R"(<!DOCTYPE html><html lang="en"><title>Contact us</title><main><h1>Contact us</h1>
<p>Agency House, 1 Quay Street, Galway, H91 X2Y4</p><p>Phone: +353 91 123 456</p>
<p>Email: hello@agency.ie</p></main></html>)"},
};
constexpr es::SiteExample kPasses[] = {{kFooterPages}, {kContactPagePages}};

constexpr es::ExamplePage kNonePages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1>
<p>The forum met 12 times in 2024.</p></main></html>)"},
};
constexpr es::ExamplePage kEmailOnlyPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1>
<p>Write to secretary@water.example.ie.</p></main></html>)"},
};
constexpr es::SiteExample kFails[] = {{kNonePages}, {kEmailOnlyPages}};

constexpr es::ExamplePage kFormOnlyPages[] = {
    {"https://water.example.ie/",
     R"(<!DOCTYPE html><html lang="en"><title>Water Forum</title><main><h1>News</h1></main>
<footer><a href="/contact">Contact us</a></footer></html>)"},
    {"https://water.example.ie/contact",
     R"(<!DOCTYPE html><html lang="en"><title>Contact us</title><main><h1>Contact us</h1>
<form method="post"><label>Name <input name="n"></label><label>Message
<textarea name="m"></textarea></label><button>Send</button></form></main></html>)"},
};
constexpr es::SiteExample kCantTell[] = {{kFormOnlyPages}};

constexpr es::SiteExample kInapplicable[] = {{}};

struct Kind {
  const char* name;
  std::vector<std::string> es::ContactDetails::*list;
};

es::SiteResult Check(const es::SiteModel& site) {
  es::SiteResult r;
  if (!site::StartOnReadSite(site, r)) {
    return r;
  }
  const Kind kinds[] = {{"telephone number", &es::ContactDetails::phones},
                        {"e-mail address", &es::ContactDetails::emails},
                        {"postal address", &es::ContactDetails::addresses}};
  // Near: the home pages and the pages they link to. Deeper: every other crawled page.
  es::ContactDetails near;
  es::ContactDetails deeper;
  std::vector<std::string> near_pages;
  std::vector<std::string> deeper_pages;
  bool form_near = false;
  std::string contact_page;
  // The home pages first, then contact pages, then the rest: the details quoted are the body's
  // own, not (say) the Ombudsman's address in the accessibility statement's enforcement part.
  std::vector<const es::SitePage*> ordered;
  for (const es::SitePage& p : site.pages) {
    if (!p.probed) {
      ordered.push_back(&p);
    }
  }
  auto rank = [](const es::SitePage* p) {
    return p->depth == 0 ? 0 : p->signals.is_contact_page ? 1 : 2;
  };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const es::SitePage* a, const es::SitePage* b) { return rank(a) < rank(b); });
  for (const es::SitePage* page : ordered) {
    const es::SitePage& p = *page;
    bool is_near = p.depth == 0 || site.ReachableFromHome(p.url);
    const es::PageSignals& s = p.signals;
    if (is_near) {
      es::MergeContacts(s.contacts, near);
      if (!s.contacts.empty()) {
        near_pages.push_back(p.final_url);
      }
      form_near = form_near || (s.has_contact_form && s.is_contact_page);
      if (s.is_contact_page && contact_page.empty()) {
        contact_page = p.final_url;
      }
    } else {
      es::MergeContacts(s.contacts, deeper);
      if (!s.contacts.empty()) {
        deeper_pages.push_back(p.final_url);
      }
    }
  }
  r.details["near"] = {{"phones", near.phones},
                       {"emails", near.emails},
                       {"addresses", near.addresses},
                       {"pages", site::JsonList(near_pages)}};
  r.details["deeper"] = {{"phones", deeper.phones},
                         {"emails", deeper.emails},
                         {"addresses", deeper.addresses},
                         {"pages", site::JsonList(deeper_pages)}};
  r.details["contact_form"] = form_near;
  r.details["contact_page"] = contact_page;

  std::vector<std::string> found;
  std::vector<std::string> missing;
  std::vector<std::string> only_deeper;
  for (const Kind& k : kinds) {
    if (!(near.*k.list).empty()) {
      found.push_back(std::string(k.name) + " (" + (near.*k.list).front() + ")");
    } else {
      missing.emplace_back(k.name);
      if (!(deeper.*k.list).empty()) {
        only_deeper.emplace_back(k.name);
      }
    }
  }
  for (const std::string& u : near_pages) {
    site::AddEvidence(r, u);
  }
  if (missing.empty()) {
    r.outcome = engine::Outcome::kPassed;
    r.message =
        "Contact details on the home page or one click from it: " + site::JoinList(found) + ".";
    return r;
  }
  if (found.empty()) {
    if (form_near || !only_deeper.empty()) {
      r.outcome = engine::Outcome::kCantTell;
      r.message = std::string(
                      "No telephone number, e-mail address or postal address on the home page or "
                      "one click from it") +
                  (form_near ? "; there is a contact form at " + contact_page : "") +
                  (only_deeper.empty() ? ""
                                       : "; deeper in the site: " + site::JoinList(only_deeper) +
                                             " (" + site::JoinList(deeper_pages, 3) + ")") +
                  ". Check by hand that people can find a way to reach the body.";
      if (!contact_page.empty()) {
        site::AddEvidence(r, contact_page);
      }
      for (const std::string& u : deeper_pages) {
        site::AddEvidence(r, u);
      }
      return r;
    }
    r.outcome = engine::Outcome::kFailed;
    r.severity = engine::Severity::kError;
    r.message = "No telephone number, e-mail address or postal address found on the " +
                site::Count(site.CrawledPages(), "crawled page", "crawled pages") + ".";
    site::AddEvidence(r, site.home_url);
    return r;
  }
  r.outcome = engine::Outcome::kFailed;
  r.severity = engine::Severity::kWarning;
  r.message =
      "On the home page or one click from it: " + site::JoinList(found) +
      "; missing: " + site::JoinList(missing) +
      (only_deeper.empty() ? ""
                           : " (found deeper in the site: " + site::JoinList(only_deeper) + ")") +
      ".";
  return r;
}

}  // namespace

extern const es::SiteRule kSiteContactDetails{
    .id = "site.contact-details",
    .summary =
        "A telephone number, an e-mail address and a postal address are one click from the "
        "home page",
    .why =
        "People who cannot use a form or a page, or who need help, must be able to reach the "
        "body another way: not everyone can phone, not everyone can write, and some need to "
        "call in or post a letter.",
    .help =
        "Put a telephone number, an e-mail address and the postal address (with its Eircode) in "
        "the footer of every page, or on a \"Contact us\" page linked from it.",
    .requirements = kRequirements,
    .wcag = kWcag,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kError,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
