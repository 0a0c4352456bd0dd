// The store record of an audited page (ToPageRecord): plain-language advice is stored once, as
// text_findings rows, while findings with WCAG criteria stay in the findings rows.
#include "audit/page_auditor.h"

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

namespace pa = plainsight::audit;
namespace pe = plainsight::engine;

TEST_CASE("page record: advice findings are stored once (text_findings), not also as findings",
          "[audit][store]") {
  pa::Settings settings;
  auto rules = pa::SelectRules("AA", "");
  REQUIRE(rules);
  settings.rules = *rules;
  std::string text_off;
  pa::PageAuditor auditor(settings, &text_off);
  REQUIRE(text_off.empty());
  // A long sentence and a passive one: advice from text.sentence-length and text.passive-voice.
  const std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Permits</title></head><body><main>"
      "<h1>Parking permits</h1><p>The form was completed by the applicant. Residents who live "
      "on a street where parking is controlled by the council and who own a car that is taxed "
      "at their address and who have no space off the street for it may apply to the council "
      "for a permit that lets them park in the bays near their home for a year at a time.</p>"
      "<img src=\"map.png\"></main></body></html>";
  pe::ParseOptions parse;
  parse.url = "https://example.ie/permits";
  auto document = pe::Document::ParseHtml(html, parse);
  REQUIRE(document);
  auto page = pe::Page::Build(std::move(*document));
  pa::PageResult result = auditor.Audit(*page, "https://example.ie/permits");
  pa::FetchFacts fetch;
  fetch.url = "https://example.ie/permits";
  fetch.status = 200;
  auto record = pa::ToPageRecord(fetch, &result);

  auto stored = [&](std::string_view rule) {
    return std::count_if(record.findings.begin(), record.findings.end(),
                         [&](const auto& f) { return f.rule == rule; });
  };
  auto text_rows = [&](std::string_view kind) {
    return std::count_if(record.text_findings.begin(), record.text_findings.end(),
                         [&](const auto& t) { return t.kind == kind; });
  };
  auto outcome = [&](std::string_view rule) {
    auto it = std::find_if(record.rules.begin(), record.rules.end(),
                           [&](const auto& r) { return r.rule == rule; });
    return it == record.rules.end() ? std::string("absent") : it->outcome;
  };
  // The accessibility failure is a findings row.
  CHECK(stored("html.image-name") == 1);
  // The advice is a text_findings row only; its rule outcome is still recorded.
  CHECK(text_rows("long-sentence") >= 1);
  CHECK(stored("text.sentence-length") == 0);
  CHECK(outcome("text.sentence-length") == "cantTell");
  CHECK(text_rows("passive-voice") >= 1);
  CHECK(stored("text.passive-voice") == 0);
  CHECK(outcome("text.passive-voice") == "cantTell");
  for (const auto& f : record.findings) {
    CHECK(f.rule.rfind("text.", 0) != 0);
  }
}
