// The scan store of serve_fixture.h, written through the store interface as `plainsight scan`
// writes it.
#include "tests/serve/serve_fixture.h"

#include "audit/settings.h"
#include "store/store.h"

namespace plainsight::testing {

namespace {

namespace ps = plainsight::store;

ps::PageRecord Page(int64_t scan, const std::string& body, const std::string& url, bool image_fails,
                    const std::string& title) {
  ps::PageRecord p;
  p.scan_id = scan;
  p.body_id = body;
  p.url = url;
  p.final_url = url;
  p.status = 200;
  p.kind = "html";
  p.content_type = "text/html";
  p.title = title;
  p.lang = "en";
  p.rules.push_back({"html.page-title", "passed", 1, 0, 0});
  if (image_fails) {
    p.rules.push_back({"html.image-name", "failed", 0, 1, 0});
    p.findings.push_back({"html.image-name", "failed", "error", "html > body > img", 4, 3,
                          "<img src=x onerror=alert(1)>", "The image has no name.", "", 0, 0});
  } else {
    p.rules.push_back({"html.image-name", "passed", 1, 0, 0});
  }
  ps::TextMetricsRecord m;
  m.lang = "en";
  m.words = 300;
  m.sentences = 20;
  m.long_sentences = image_fails ? 6 : 1;
  m.flesch_kincaid_grade = image_fails ? 12.5 : 8.0;
  p.text = m;
  p.text_findings.push_back({"wordy-phrase", "warning", 10, 20, 1, 11, "in order to",
                             "\"in order to\" has a plainer alternative", "to"});
  return p;
}

}  // namespace

std::string WriteServeFixtureStore(const std::string& path) {
  auto store = ps::OpenStore(path);
  if (!store) {
    return store.error().ToString();
  }
  auto rules = plainsight::audit::SelectRules("AA", "");
  if (!rules) {
    return rules.error().ToString();
  }
  for (int scan_no = 1; scan_no <= 2; ++scan_no) {
    ps::NewScan scan;
    scan.tool_version = "test";
    scan.options = "{}";
    scan.source = "bodies.csv";
    scan.bodies = {{"a", kHostileBodyName, "https://a.example/", "local", "en"},
                   {"b", "Bay County Council", "https://b.example/", "local", "en"},
                   {"c/../x", "Central Office", "https://c.example/", "central", "ga"}};
    scan.rules = plainsight::audit::RuleInfos(*rules);
    auto id = (*store)->CreateScan(scan);
    if (!id) {
      return id.error().ToString();
    }
    for (int i = 0; i < 3; ++i) {
      std::string n = std::to_string(i);
      for (auto [body, fails] : {std::pair{"a", true}, std::pair{"b", scan_no == 1 && i == 0}}) {
        auto put =
            (*store)->PutPage(Page(*id, body, std::string("https://") + body + ".example/" + n,
                                   fails, i == 0 ? "<b>Home</b> & welcome" : "Page " + n));
        if (!put) {
          return put.error().ToString();
        }
      }
    }
    // Body "a" links a PDF that is not tagged.
    ps::PageRecord pdf = Page(*id, "a", "https://a.example/plan.pdf", false, "Plan");
    pdf.kind = "pdf";
    pdf.content_type = "application/pdf";
    pdf.referrer = "https://a.example/0";
    pdf.rules = {{"pdf.tagged", "failed", 0, 1, 0}};
    pdf.findings = {
        {"pdf.tagged", "failed", "error", "document", 0, 0, "", "Not tagged.", "", 0, 0}};
    if (auto put = (*store)->PutPage(pdf); !put) {
      return put.error().ToString();
    }
    for (const char* body : {"a", "b"}) {
      auto done = (*store)->FinishBody(*id, body, ps::BodyState::kDone, "");
      if (!done) {
        return done.error().ToString();
      }
    }
    auto c = scan_no == 1 ? (*store)->FinishBody(*id, "c/../x", ps::BodyState::kFailed,
                                                 "the start page could not be fetched: <refused>")
                          : [&]() -> engine::Result<void> {
      auto put = (*store)->PutPage(Page(*id, "c/../x", "https://c.example/", false, "Baile"));
      if (!put) {
        return put.error();
      }
      return (*store)->FinishBody(*id, "c/../x", ps::BodyState::kDone, "");
    }();
    if (!c) {
      return c.error().ToString();
    }
    auto status = (*store)->SetScanStatus(*id, ps::ScanStatus::kDone);
    if (!status) {
      return status.error().ToString();
    }
  }
  return "";
}

}  // namespace plainsight::testing
