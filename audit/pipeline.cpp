// The audit pipeline (pipeline.h).
#include "audit/pipeline.h"

#include <algorithm>
#include <filesystem>

#include "engine/page.h"

namespace plainsight::audit {
namespace {

bool IsXmlExtension(const std::string& path) {
  std::string ext = engine::AsciiLower(std::filesystem::path(path).extension().string());
  return ext == ".svg" || ext == ".xml";
}

}  // namespace

std::optional<engine::documents::DocumentType> CrawledDocumentType(crawler::ResourceKind kind) {
  switch (kind) {
    case crawler::ResourceKind::kPdf:
      return engine::documents::DocumentType::kPdf;
    case crawler::ResourceKind::kDocx:
      return engine::documents::DocumentType::kDocx;
    case crawler::ResourceKind::kOdt:
      return engine::documents::DocumentType::kOdt;
    default:
      return std::nullopt;
  }
}

std::string FileUrl(const std::string& path) {
  std::error_code ec;
  std::string abs = std::filesystem::absolute(path, ec).lexically_normal().string();
  std::string out = "file://";
  for (char c : abs) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '%':
        out += "%25";
        break;
      case '#':
        out += "%23";
        break;
      case '?':
        out += "%3F";
        break;
      default:
        out += c;
    }
  }
  return out;
}

AuditPipeline::AuditPipeline(const Settings& settings, int threads, AuditSink& sink,
                             PageReader read_page, size_t window)
    : sink_(sink),
      read_page_(std::move(read_page)),
      order_(window, [this](Item&& item) { Deliver(std::move(item)); }),
      pool_(settings, AuditThreads(threads), 2 * static_cast<size_t>(AuditThreads(threads))) {}

AuditPipeline::~AuditPipeline() {
  Finish();
}

void AuditPipeline::Complete(uint64_t seq, Item&& item) {
  if (item.kind == Item::Kind::kPage || item.has_page) {
    item.rendered = sink_.Render(item.page);
  }
  order_.Complete(seq, std::move(item));
}

void AuditPipeline::Deliver(Item&& item) {
  auto page = [&] {
    if (item.rendered) {
      sink_.RenderedPage(std::move(item.page), std::move(*item.rendered));
    } else {
      sink_.Page(std::move(item.page));
    }
  };
  switch (item.kind) {
    case Item::Kind::kPage:
      page();
      break;
    case Item::Kind::kDocument:
      if (item.has_page) {
        page();
      }
      sink_.Document(item.entry);
      break;
    case Item::Kind::kUnreachable:
      sink_.Unreachable(item.entry);
      break;
  }
}

void AuditPipeline::AddFile(const FileInput& file, const engine::ResourceLoader* loader) {
  uint64_t seq = order_.Take();
  if (!file.error.empty()) {
    Item item;
    item.page.source = file.path;
    item.page.error = file.error;
    Complete(seq, std::move(item));
    return;
  }
  if (auto type = engine::documents::DocumentTypeFromName(file.path)) {
    pool_.Submit([this, seq, file, type = *type](PageAuditor& auditor) {
      Item item;
      auto bytes = read_document_ ? read_document_(file.path) : read_page_(file.path);
      if (!bytes) {
        item.page.source = file.path;
        item.page.error = bytes.error().message;
        item.page.audit.type = engine::documents::DocumentTypeName(type);
      } else {
        item.page = auditor.AuditDocument(*bytes, type, FileUrl(file.path), file.path).input;
      }
      Complete(seq, std::move(item));
    });
    return;
  }
  pool_.Submit([this, seq, file, loader](PageAuditor& auditor) {
    Item item;
    item.page.source = file.path;
    auto bytes = read_page_(file.path);
    if (!bytes) {
      item.page.error = bytes.error().message;
      Complete(seq, std::move(item));
      return;
    }
    engine::ParseOptions options;
    options.url = FileUrl(file.path);
    options.loader = loader;
    // The reader is the size limit for local pages (--max-page-bytes): what it returned is
    // parsed whole, even past the parser's default limit.
    options.max_bytes = std::max(options.max_bytes, bytes->size());
    auto doc = IsXmlExtension(file.path) ? engine::Document::ParseXml(*bytes, options)
                                         : engine::Document::ParseHtml(*bytes, options);
    // The document keeps its own decoded copy of the source: the bytes read are freed now, not
    // when the audit is over (a 10 MB page would hold 10 MB more through it).
    std::string().swap(*bytes);
    if (!doc) {
      item.page.error = doc.error().message;
      Complete(seq, std::move(item));
      return;
    }
    auto page = engine::Page::Build(std::move(*doc));
    PageResult result = auditor.Audit(*page, file.path);
    page.reset();
    item.page = std::move(result.input);
    Complete(seq, std::move(item));
  });
}

void AuditPipeline::AddCrawled(const crawler::FetchedResource& r) {
  tally_.Resource(r);
  site_.Add(r);  // before the page goes to the pool: the document is read here first
  if (previous_state_ != nullptr && !r.error) {
    RememberForNextCrawl(r, *previous_state_, next_state_);
  }
  if (r.error) {
    Item item;
    item.kind = Item::Kind::kUnreachable;
    item.entry = {r.url,
                  crawler::ResourceKindName(r.kind),
                  r.content_type,
                  r.size,
                  r.status,
                  r.error->message,
                  engine::ErrorCodeName(r.error->code),
                  r.referrer};
    order_.Complete(order_.Take(), std::move(item));
    return;
  }
  if (!r.duplicate_of.empty()) {
    return;  // the same page under another URL: audited once
  }
  if (r.kind == crawler::ResourceKind::kHtml && r.shared_document) {
    uint64_t seq = order_.Take();
    pool_.Submit([this, seq, url = r.final_url, doc = r.shared_document](PageAuditor& auditor) {
      auto page = engine::Page::Borrow(*doc, engine::MediaContext{});
      PageResult result = auditor.Audit(*page, url);
      page.reset();
      Item item;
      item.page = std::move(result.input);
      item.page.audit.url = url;
      Complete(seq, std::move(item));
    });
  } else if (r.kind != crawler::ResourceKind::kHtml) {
    Item item;
    item.kind = Item::Kind::kDocument;
    item.entry = {
        r.final_url, crawler::ResourceKindName(r.kind), r.content_type, r.size, r.status, "", "",
        r.referrer};
    auto type = CrawledDocumentType(r.kind);
    if (!type || r.body.empty()) {
      // Spreadsheets and slides are listed only; a 304 has no body to audit.
      order_.Complete(order_.Take(), std::move(item));
      return;
    }
    // PDF, DOCX and ODT documents are audited like pages, and listed too.
    uint64_t seq = order_.Take();
    pool_.Submit([this, seq, item = std::move(item), type = *type,
                  body = r.body](PageAuditor& auditor) mutable {
      PageResult result = auditor.AuditDocument(body, type, item.entry.url, item.entry.url);
      body.clear();
      if (result.input.error.empty()) {
        item.page = std::move(result.input);
        item.has_page = true;
      } else {
        item.entry.error = result.input.error;
      }
      Complete(seq, std::move(item));
    });
  }
}

void AuditPipeline::Finish() {
  pool_.Drain();
}

}  // namespace plainsight::audit
