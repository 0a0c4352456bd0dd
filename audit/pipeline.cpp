// The audit pipeline (pipeline.h).
#include "audit/pipeline.h"

#include <algorithm>
#include <filesystem>

#include "engine/page.h"

namespace plainsight::audit {
namespace {

bool IsAuditableExtension(const std::filesystem::path& p) {
  std::string ext = engine::AsciiLower(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".svg";
}

bool IsXmlExtension(const std::string& path) {
  std::string ext = engine::AsciiLower(std::filesystem::path(path).extension().string());
  return ext == ".svg" || ext == ".xml";
}

}  // namespace

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

std::vector<FileInput> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<FileInput> out;
  for (const std::string& input : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
      out.push_back({input, "", ""});
      continue;
    }
    std::vector<std::string> found;
    for (auto it = std::filesystem::recursive_directory_iterator(
             input, std::filesystem::directory_options::skip_permission_denied, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        break;
      }
      if (!it->is_directory(ec) && IsAuditableExtension(it->path())) {
        found.push_back(it->path().string());
      }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      out.push_back({input, "no .html, .htm, .xhtml or .svg files in this folder", ""});
    }
    for (std::string& f : found) {
      out.push_back({std::move(f), "", input});
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

void AuditPipeline::Deliver(Item&& item) {
  switch (item.kind) {
    case Item::Kind::kPage:
      sink_.Page(std::move(item.page));
      break;
    case Item::Kind::kDocument:
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
    order_.Complete(seq, std::move(item));
    return;
  }
  pool_.Submit([this, seq, file, loader](PageAuditor& auditor) {
    Item item;
    item.page.source = file.path;
    auto bytes = read_page_(file.path);
    if (!bytes) {
      item.page.error = bytes.error().message;
      order_.Complete(seq, std::move(item));
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
    bytes->clear();
    if (!doc) {
      item.page.error = doc.error().message;
      order_.Complete(seq, std::move(item));
      return;
    }
    auto page = engine::Page::Build(std::move(*doc));
    PageResult result = auditor.Audit(*page, file.path);
    page.reset();
    item.page = std::move(result.input);
    order_.Complete(seq, std::move(item));
  });
}

void AuditPipeline::AddCrawled(const crawler::FetchedResource& r) {
  tally_.Resource(r);
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
      order_.Complete(seq, std::move(item));
    });
  } else if (r.kind != crawler::ResourceKind::kHtml) {
    Item item;
    item.kind = Item::Kind::kDocument;
    item.entry = {
        r.final_url, crawler::ResourceKindName(r.kind), r.content_type, r.size, r.status, "", "",
        r.referrer};
    order_.Complete(order_.Take(), std::move(item));
  }
}

void AuditPipeline::Finish() {
  pool_.Drain();
}

}  // namespace plainsight::audit
