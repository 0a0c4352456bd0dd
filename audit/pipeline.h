// The audit pipeline of `plainsight audit`: inputs (local files and folders, pages handed on by
// a crawl) are parsed and audited on the worker pool and handed to a sink in input order, one
// page at a time. The CLI parses flags, picks the sink (a report format) and shows progress;
// everything between input and finding happens here.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/crawl_outcome.h"
#include "audit/crawl_state.h"
#include "audit/page_auditor.h"
#include "audit/settings.h"
#include "audit/site_checks.h"
#include "audit/worker_pool.h"
#include "crawler/crawler.h"
#include "engine/documents/document_audit.h"
#include "reports/audit_report.h"

namespace plainsight::audit {

// A crawled resource that is not an audited page: a document, or a URL that failed.
struct CrawledEntry {
  std::string url;   // final URL for documents, the URL as discovered for failures
  std::string type;  // crawler::ResourceKindName
  std::string content_type;
  size_t size = 0;
  int status = 0;
  std::string error;  // for failures: why
  std::string code;   // for failures: engine::ErrorCodeName
  std::string linked_from;
};

// The document type a crawled resource of this kind is audited as (PDF, DOCX, ODT), or nullopt.
std::optional<engine::documents::DocumentType> CrawledDocumentType(crawler::ResourceKind kind);

// Where results go. Calls come one at a time, in input order.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // An audited page, or an input that could not be read (error set).
  virtual void Page(reports::AuditedInput&& page) = 0;

  // Called on the thread that audited the page, before the page waits for the ones before it:
  // a sink whose output for a page depends on that page alone renders it here, on every audit
  // thread at once, instead of one page at a time in Page(). A page rendered is handed on to
  // RenderedPage with the text instead of to Page. Called from several threads at once.
  virtual std::optional<std::string> Render(const reports::AuditedInput& page) const {
    (void)page;
    return std::nullopt;
  }

  virtual void RenderedPage(reports::AuditedInput&& page, std::string&& rendered) {
    (void)rendered;
    Page(std::move(page));
  }

  // A crawled document (PDF, DOCX, ODT, spreadsheet, slides), after its audit (if a PDF, DOCX
  // or ODT with a body) has gone to Page. entry.error says why a PDF, DOCX or ODT could not be
  // read: a broken document on a site is a fact about the site, not an unreadable input.
  virtual void Document(const CrawledEntry& entry) { (void)entry; }

  // A crawled URL that could not be fetched.
  virtual void Unreachable(const CrawledEntry& entry) { (void)entry; }
};

// A local file to audit (audit/local_inputs.h lists them), or why it will not be: `error` set.
struct FileInput {
  std::string path;
  std::string error;
  std::string folder;  // the folder given that `path` was found in; empty for a file given
};

// "file:///abs/path" for a local path (made absolute against the working folder).
std::string FileUrl(const std::string& path);

class AuditPipeline {
 public:
  // Reads a local page's bytes (the CLI's confined, size-limited reader); thread-safe.
  using PageReader = std::function<engine::Result<std::string>(const std::string& path)>;

  // Reads local PDF, DOCX and ODT files (their own size limit, larger than a page's); without
  // one, documents are read with the page reader.
  void ReadDocumentsWith(PageReader read_document) { read_document_ = std::move(read_document); }

  // `threads`: audit threads (0: one per core). At most `window` pages are in flight: taken
  // from the input and not yet handed to the sink (being read, parsed or audited, queued for a
  // thread, or done and waiting for an earlier one); AddFile and AddCrawled block until there is
  // room. Memory is bounded by that window, not by the number of pages (docs/performance.md).
  AuditPipeline(const Settings& settings, int threads, AuditSink& sink, PageReader read_page,
                size_t window = 64);
  ~AuditPipeline();

  // Queues a local file (read, parsed and audited on the pool; a .pdf, .docx or .odt is audited
  // as a document). `loader` loads what the page
  // links to (stylesheets, iframes); it must outlive the pipeline and be thread-safe.
  void AddFile(const FileInput& file, const engine::ResourceLoader* loader);
  // Hands on what a crawl delivered (call from the crawl callback): pages are audited,
  // documents and failures go to the sink, and the crawl's outcome is tallied.
  void AddCrawled(const crawler::FetchedResource& r);

  // What the crawl skipped or warned about, for the crawl's outcome (call from its callbacks).
  void NoteSkip(const crawler::SkippedUrl& s) { tally_.Skip(s); }

  void NoteWarning(const engine::Error& e) { tally_.Warning(e); }

  // Keeps validators for the next crawl (--state): what the crawl sends is remembered here.
  void KeepCrawlState(const CrawlState* previous) { previous_state_ = previous; }

  // Waits until every queued page has reached the sink.
  void Finish();

  const CrawlTally& tally() const { return tally_; }

  const CrawlState& next_crawl_state() const { return next_state_; }

  const std::string& text_off_reason() const { return pool_.text_off_reason(); }

  // After a crawl (call after Finish): the site-level checks of the crawled site, with
  // `crawl`'s fetcher settings for the statement search; dated today (UTC).
  std::vector<SiteCheck> SiteChecks(const crawler::CrawlOptions& crawl) {
    return RunSiteChecks(site_, crawl, TodayUtc());
  }

  const engine::site::SiteModel& site() const { return site_.model(); }

 private:
  // What reaches the sink, in order.
  struct Item {
    enum class Kind { kPage, kDocument, kUnreachable } kind = Kind::kPage;
    reports::AuditedInput page;
    bool has_page = false;  // kDocument: the document's audit goes to Page first
    CrawledEntry entry;
    std::optional<std::string> rendered;  // the page as the sink rendered it ahead (Render)
  };

  void Deliver(Item&& item);
  // Renders the item's page (AuditSink::Render) and hands it on to go out in its turn.
  void Complete(uint64_t seq, Item&& item);

  AuditSink& sink_;
  PageReader read_page_;
  PageReader read_document_;
  InOrder<Item> order_;
  WorkerPool pool_;
  CrawlTally tally_;
  SiteCollector site_;  // the crawled pages' site-level signals
  const CrawlState* previous_state_ = nullptr;
  CrawlState next_state_;
};

}  // namespace plainsight::audit
