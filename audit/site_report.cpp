#include "audit/site_report.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <unistd.h>

#include "audit/page_auditor.h"
#include "audit/pipeline.h"
#include "audit/settings.h"
#include "engine/url.h"
#include "store/store.h"

namespace plainsight::audit {
bool IsWebUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

namespace {

namespace fs = std::filesystem;

// A private folder for the temporary store, removed with everything in it.
class TempFolder {
 public:
  TempFolder() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    std::string pattern = ((ec ? fs::path("/tmp") : base) / "plainsight-report-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) {
      path_ = pattern;
    }
  }

  ~TempFolder() {
    if (!path_.empty()) {
      std::error_code ec;
      fs::remove_all(path_, ec);
    }
  }

  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string JsonString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

store::Body SiteBody(const std::vector<std::string>& inputs) {
  store::Body body;
  body.id = "site";
  body.name = "site";
  for (const std::string& input : inputs) {
    if (IsWebUrl(input)) {
      if (auto url = engine::ParseUrl(input); url && url->host && !url->host->empty()) {
        body.id = *url->host;
        body.name = *url->host;
        body.url = input;
        return body;
      }
    }
  }
  if (!inputs.empty()) {
    std::string name = fs::path(inputs.front()).lexically_normal().filename().string();
    if (name.empty() || name == "." || name == "..") {
      std::error_code ec;
      name = fs::absolute(inputs.front(), ec).lexically_normal().parent_path().filename().string();
    }
    if (!name.empty()) {
      body.id = name;
      body.name = name;
    }
    body.url = IsWebUrl(inputs.front()) ? inputs.front() : FileUrl(inputs.front());
  }
  return body;
}

struct SiteReportStore::State {
  TempFolder temp;
  std::unique_ptr<store::Store> store;
  SiteReportInput input;
  store::Body body;
  int64_t scan_id = 0;
  size_t ok_pages = 0;
};

SiteReportStore::SiteReportStore(std::unique_ptr<State> state) : state_(std::move(state)) {}

SiteReportStore::~SiteReportStore() = default;

engine::Result<std::unique_ptr<SiteReportStore>> SiteReportStore::Open(
    const SiteReportInput& input) {
  auto state = std::make_unique<State>();
  if (state->temp.path().empty()) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot create a temporary folder for the report");
  }
  auto opened = store::OpenStore((fs::path(state->temp.path()) / "report.db").string());
  if (!opened) {
    return opened.error();
  }
  state->store = std::move(*opened);
  state->input = input;
  state->input.pages = nullptr;
  state->input.documents = nullptr;
  state->input.unreachable = nullptr;
  store::Store& s = *state->store;
  state->body = SiteBody(input.inputs);
  store::NewScan scan;
  scan.tool_version = PLAINSIGHT_VERSION;
  scan.options = input.options_json;
  scan.source = "plainsight audit";
  scan.bodies = {state->body};
  scan.rules = RuleInfos(input.rules);
  auto scan_id = s.CreateScan(scan);
  if (!scan_id) {
    return scan_id.error();
  }
  state->scan_id = *scan_id;
  if (auto started = s.StartBody(*scan_id, state->body.id); !started) {
    return started.error();
  }
  return std::unique_ptr<SiteReportStore>(new SiteReportStore(std::move(state)));
}

engine::Result<void> SiteReportStore::AddPage(const reports::AuditedInput& page) {
  FetchFacts facts;
  facts.url = !page.audit.url.empty() ? page.audit.url
              : IsWebUrl(page.source) ? page.source
                                      : FileUrl(page.source);
  facts.status = page.error.empty() ? 200 : 0;
  facts.error = page.error;
  PageResult result;
  result.input = page;
  store::PageRecord record = ToPageRecord(facts, &result);
  record.scan_id = state_->scan_id;
  record.body_id = state_->body.id;
  auto put = state_->store->PutPage(record);
  if (!put) {
    return put.error();
  }
  state_->ok_pages += page.error.empty();
  return {};
}

engine::Result<reports::ScanReportSummary> SiteReportStore::Write(const nlohmann::json* documents,
                                                                  const nlohmann::json* unreachable,
                                                                  const std::string& out_dir) {
  store::Store& s = *state_->store;
  const int64_t scan_id = state_->scan_id;
  const store::Body& body = state_->body;
  // Documents found by a crawl and the URLs that could not be fetched are pages of the body
  // too, as in a sector scan.
  auto add_entries = [&](const nlohmann::json* entries, bool failed) -> engine::Result<void> {
    if (entries == nullptr || !entries->is_array()) {
      return {};
    }
    for (const nlohmann::json& e : *entries) {
      FetchFacts facts;
      facts.url = JsonString(e, "url");
      facts.referrer = JsonString(e, "linked_from");
      if (auto st = e.find("status"); st != e.end() && st->is_number_integer()) {
        facts.status = st->get<int>();
      }
      if (failed) {
        facts.error = JsonString(e, "error");
        facts.error_code = JsonString(e, "code");
        facts.kind = "other";
      } else {
        facts.kind = JsonString(e, "type").empty() ? "other" : JsonString(e, "type");
        facts.content_type = JsonString(e, "content_type");
        if (auto size = e.find("size"); size != e.end() && size->is_number_unsigned()) {
          facts.size = size->get<uint64_t>();
        }
      }
      store::PageRecord record = ToPageRecord(facts, nullptr);
      record.scan_id = scan_id;
      record.body_id = body.id;
      if (auto put = s.PutPage(record); !put) {
        return put.error();
      }
    }
    return {};
  };
  if (auto added = add_entries(documents, false); !added) {
    return added.error();
  }
  if (auto added = add_entries(unreachable, true); !added) {
    return added.error();
  }
  for (store::SiteFact fact : state_->input.site_facts) {
    fact.scan_id = scan_id;
    fact.body_id = body.id;
    if (auto put = s.PutSiteFact(fact); !put) {
      return put.error();
    }
  }
  const size_t ok_pages = state_->ok_pages;
  store::BodyState state = ok_pages > 0 ? store::BodyState::kDone : store::BodyState::kFailed;
  if (auto finished =
          s.FinishBody(scan_id, body.id, state, ok_pages > 0 ? "" : "no page could be audited");
      !finished) {
    return finished.error();
  }
  if (auto done = s.SetScanStatus(scan_id, store::ScanStatus::kDone); !done) {
    return done.error();
  }
  reports::ScanReportOptions options;
  options.out_dir = out_dir;
  options.scan_id = scan_id;
  options.title =
      state_->input.title.empty() ? "Accessibility report: " + body.name : state_->input.title;
  return reports::WriteScanReport(s, options);
}

engine::Result<reports::ScanReportSummary> WriteSiteReport(const SiteReportInput& input,
                                                           const std::string& out_dir) {
  auto report = SiteReportStore::Open(input);
  if (!report) {
    return report.error();
  }
  if (input.pages != nullptr) {
    for (const reports::AuditedInput& page : *input.pages) {
      if (auto added = (*report)->AddPage(page); !added) {
        return added.error();
      }
    }
  }
  return (*report)->Write(input.documents, input.unreachable, out_dir);
}

}  // namespace plainsight::audit
