// The audit's output, page by page (output_sink.h).
#include "audit/output_sink.h"

#include <array>
#include <cstring>
#include <random>
#include <sstream>
#include <utility>

#include "engine/terminal_text.h"
#include "reports/html_report.h"

namespace plainsight::audit {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

// A string no page can put in a report: stands for a spilled array in the JSON skeleton that
// is dumped at the end, and is replaced there by the array's text.
std::string Placeholder(std::string_view what) {
  std::random_device random;
  return "plainsight-spill-" + std::string(what) + "-" + std::to_string(random()) + "-" +
         std::to_string(random());
}

// Writes `skeleton` (dumped as the whole-report writers dump it, indent 2) to `out` with each
// placeholder string replaced by its spilled array: "[]" when empty, otherwise the elements,
// each dumped on its own at indent 2, joined by ",\n" and indented one level deeper than the
// line the placeholder is on, as nlohmann::json would have written them in place.
struct SpilledArray {
  std::string placeholder;
  Spill* spill;
  size_t count;
};

engine::Result<void> WriteWithSpills(const nlohmann::json& skeleton,
                                     const std::vector<SpilledArray>& arrays, std::ostream& out) {
  const std::string text = skeleton.dump(2, ' ', false, kReplace);
  size_t at = 0;
  while (true) {
    size_t next = std::string::npos;
    const SpilledArray* found = nullptr;
    for (const SpilledArray& a : arrays) {
      size_t pos = text.find("\"" + a.placeholder + "\"", at);
      if (pos < next) {
        next = pos;
        found = &a;
      }
    }
    if (found == nullptr) {
      out << std::string_view(text).substr(at);
      return {};
    }
    out << std::string_view(text).substr(at, next - at);
    size_t line_start = text.rfind('\n', next);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    size_t key_indent = text.find_first_not_of(' ', line_start) - line_start;
    if (found->count == 0) {
      out << "[]";
    } else {
      out << "[\n";
      if (!found->spill->CopyTo(out, std::string(key_indent + 2, ' '))) {
        return engine::Fail(engine::ErrorCode::kIo, "cannot read back the temporary report file");
      }
      out << "\n" << std::string(key_indent, ' ') << "]";
    }
    at = next + found->placeholder.size() + 2;
  }
}

void AppendElement(Spill& spill, size_t& count, const nlohmann::json& value) {
  if (count++ > 0) {
    spill.Append(",\n");
  }
  spill.Append(value.dump(2, ' ', false, kReplace));
}

nlohmann::json EntryJson(const CrawledEntry& e, bool unreachable) {
  if (unreachable) {
    return {{"url", e.url},
            {"status", e.status},
            {"error", e.error},
            {"code", e.code},
            {"linked_from", e.linked_from}};
  }
  nlohmann::json j = {{"url", e.url},   {"type", e.type},     {"content_type", e.content_type},
                      {"size", e.size}, {"status", e.status}, {"linked_from", e.linked_from}};
  if (!e.error.empty()) {
    j["error"] = e.error;
  }
  return j;
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") {
    return OutputFormat::kText;
  }
  if (name == "jsonl") {
    return OutputFormat::kJsonl;
  }
  if (name == "json") {
    return OutputFormat::kJson;
  }
  if (name == "html") {
    return OutputFormat::kHtml;
  }
  if (name == "junit") {
    return OutputFormat::kJunit;
  }
  if (name == "sarif") {
    return OutputFormat::kSarif;
  }
  return std::nullopt;
}

Spill::Spill() : file_(std::tmpfile()) {}

Spill::~Spill() {
  if (file_ != nullptr) {
    std::fclose(file_);
  }
}

void Spill::Append(std::string_view text) {
  if (file_ == nullptr || failed_) {
    failed_ = true;
    return;
  }
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    failed_ = true;
  }
  bytes_ += text.size();
}

Spill::int_type Spill::overflow(int_type c) {
  if (c != traits_type::eof()) {
    char ch = traits_type::to_char_type(c);
    Append(std::string_view(&ch, 1));
  }
  return failed_ ? traits_type::eof() : traits_type::not_eof(c);
}

std::streamsize Spill::xsputn(const char* s, std::streamsize n) {
  Append(std::string_view(s, static_cast<size_t>(n)));
  return failed_ ? 0 : n;
}

bool Spill::CopyTo(std::ostream& out, std::string_view indent) {
  if (file_ == nullptr || failed_ || std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET)) {
    return false;
  }
  std::array<char, 1 << 16> buffer;
  bool line_start = true;
  size_t total = 0;
  while (size_t n = std::fread(buffer.data(), 1, buffer.size(), file_)) {
    total += n;
    if (indent.empty()) {
      out.write(buffer.data(), static_cast<std::streamsize>(n));
      continue;
    }
    // Line by line: the indent goes before the first byte after each newline.
    const char* at = buffer.data();
    const char* end = buffer.data() + n;
    while (at < end) {
      if (line_start) {
        out << indent;
        line_start = false;
      }
      const char* newline = static_cast<const char*>(std::memchr(at, '\n', end - at));
      const char* line_end = newline == nullptr ? end : newline + 1;
      out.write(at, line_end - at);
      line_start = newline != nullptr;
      at = line_end;
    }
  }
  bool read_all = std::ferror(file_) == 0 && total == bytes_;
  std::fseek(file_, 0, SEEK_END);  // appending goes on at the end
  return read_all;
}

engine::Result<std::unique_ptr<OutputSink>> OutputSink::Create(const OutputOptions& options,
                                                               std::ostream& out,
                                                               SiteReportStore* report) {
  std::unique_ptr<OutputSink> sink(new OutputSink(options, out, report));
  switch (options.format) {
    case OutputFormat::kText:
    case OutputFormat::kJsonl:
      break;
    case OutputFormat::kJson:
    case OutputFormat::kJunit:
      sink->first_ = std::make_unique<Spill>();
      break;
    case OutputFormat::kHtml:
    case OutputFormat::kSarif:
      sink->first_ = std::make_unique<Spill>();
      sink->second_ = std::make_unique<Spill>();
      break;
  }
  if ((sink->first_ && !sink->first_->ok()) || (sink->second_ && !sink->second_->ok())) {
    return engine::Fail(engine::ErrorCode::kIo,
                        "cannot create a temporary file for the report (is TMPDIR writable?)");
  }
  if (options.format == OutputFormat::kSarif) {
    sink->sarif_ = std::make_unique<reports::SarifLog>(options.rules);
  }
  return sink;
}

OutputSink::OutputSink(OutputOptions options, std::ostream& out, SiteReportStore* report)
    : options_(std::move(options)), out_(out), report_(report) {}

OutputSink::~OutputSink() = default;

void OutputSink::Record(const reports::AuditedInput& page) {
  if (report_ != nullptr && !report_error_) {
    if (auto added = report_->AddPage(page); !added) {
      report_error_ = added.error();
    }
  }
  if (!page.error.empty()) {
    tally_.unreadable.emplace_back(page.source, page.error);
  }
  if (auto it = page.extra.find("ignored"); it != page.extra.end()) {
    tally_.ignored += it->size();
  }
  if (options_.fail_threshold && !tally_.failed_at_threshold) {
    tally_.failed_at_threshold = reports::AnyFailedAtLeast(
        std::span<const reports::AuditedInput>(&page, 1), *options_.fail_threshold);
  }
}

void OutputSink::Page(reports::AuditedInput&& page) {
  Record(page);
  const size_t index = tally_.totals.pages;  // before this page is counted
  switch (options_.format) {
    case OutputFormat::kText:
      reports::WriteAuditTextPage(page, out_, options_.report, tally_.totals);
      out_.flush();
      break;
    case OutputFormat::kJsonl:
      // {"page": {...}} on one line, the page written finding by finding.
      out_ << "{\"page\":";
      reports::WriteAuditPageJson(page, options_.report, -1, tally_.totals,
                                  [this](std::string_view s) { out_ << s; });
      out_ << "}\n";
      out_.flush();
      break;
    case OutputFormat::kJson:
      if (first_count_++ > 0) {
        first_->Append(",\n");
      }
      reports::WriteAuditPageJson(page, options_.report, 2, tally_.totals,
                                  [this](std::string_view s) { first_->Append(s); });
      break;
    case OutputFormat::kHtml:
      reports::CountAuditTotals(page, tally_.totals);
      reports::WriteAuditHtmlRow(index, page, first_->stream());
      reports::WriteAuditHtmlSection(index, page, second_->stream());
      break;
    case OutputFormat::kJunit:
      reports::CountAuditTotals(page, tally_.totals);
      reports::WriteJunitSuite(page, first_->stream(), junit_);
      break;
    case OutputFormat::kSarif: {
      reports::CountAuditTotals(page, tally_.totals);
      nlohmann::json results = nlohmann::json::array();
      nlohmann::json notifications = nlohmann::json::array();
      sarif_->AddInput(page, results, notifications);
      for (const nlohmann::json& r : results) {
        AppendElement(*first_, first_count_, r);
      }
      for (const nlohmann::json& n : notifications) {
        AppendElement(*second_, second_count_, n);
      }
      break;
    }
  }
}

std::optional<std::string> OutputSink::Render(const reports::AuditedInput& page) const {
  size_t findings = 0;
  for (const engine::RuleResult& result : page.audit.results) {
    findings += result.findings.size();
  }
  if (findings > kMaxRenderedFindings) {
    return std::nullopt;
  }
  reports::AuditTotals unused;  // counted in RenderedPage, in input order
  std::string text;
  auto append = [&text](std::string_view s) { text.append(s); };
  switch (options_.format) {
    case OutputFormat::kText: {
      std::ostringstream out;
      reports::WriteAuditTextPage(page, out, options_.report, unused);
      return std::move(out).str();
    }
    case OutputFormat::kJsonl:
      text = "{\"page\":";
      reports::WriteAuditPageJson(page, options_.report, -1, unused, append);
      text += "}\n";
      return text;
    case OutputFormat::kJson:
      reports::WriteAuditPageJson(page, options_.report, 2, unused, append);
      return text;
    case OutputFormat::kHtml:
    case OutputFormat::kJunit:
    case OutputFormat::kSarif:
      break;
  }
  return std::nullopt;
}

void OutputSink::RenderedPage(reports::AuditedInput&& page, std::string&& rendered) {
  Record(page);
  reports::CountAuditTotals(page, tally_.totals);
  switch (options_.format) {
    case OutputFormat::kText:
    case OutputFormat::kJsonl:
      out_ << rendered;
      out_.flush();
      break;
    case OutputFormat::kJson:
      if (first_count_++ > 0) {
        first_->Append(",\n");
      }
      first_->Append(rendered);
      break;
    case OutputFormat::kHtml:
    case OutputFormat::kJunit:
    case OutputFormat::kSarif:
      break;  // never rendered ahead (Render)
  }
}

void OutputSink::Document(const CrawledEntry& entry) {
  documents_.push_back(EntryJson(entry, false));
  if (options_.format == OutputFormat::kJsonl) {
    out_ << nlohmann::json{{"document", documents_.back()}}.dump(-1, ' ', false, kReplace) << "\n";
    out_.flush();
  }
}

void OutputSink::Unreachable(const CrawledEntry& entry) {
  unreachable_.push_back(EntryJson(entry, true));
  if (options_.format == OutputFormat::kJsonl) {
    out_ << nlohmann::json{{"unreachable", unreachable_.back()}}.dump(-1, ' ', false, kReplace)
         << "\n";
    out_.flush();
  }
}

engine::Result<void> OutputSink::FinishJson(const nlohmann::json& site) {
  const std::string pages = Placeholder("pages");
  nlohmann::json report = reports::AuditJsonSkeleton(tally_.totals, pages, options_.report);
  if (options_.crawled) {
    report["documents"] = documents_;
    report["unreachable"] = unreachable_;
    report["site"] = site;
  }
  auto written = WriteWithSpills(report, {{pages, first_.get(), first_count_}}, out_);
  out_ << "\n";
  return written;
}

engine::Result<void> OutputSink::FinishSarif() {
  const std::string results = Placeholder("results");
  const std::string notifications = Placeholder("notifications");
  nlohmann::json log = sarif_->Log(results, notifications, second_count_ == 0);
  auto written = WriteWithSpills(
      log, {{results, first_.get(), first_count_}, {notifications, second_.get(), second_count_}},
      out_);
  out_ << "\n";
  return written;
}

engine::Result<void> OutputSink::Finish(const nlohmann::json& site,
                                        const std::vector<SiteCheck>& site_checks) {
  for (const std::unique_ptr<Spill>* spill : {&first_, &second_}) {
    if (*spill && (*spill)->failed()) {
      return engine::Fail(engine::ErrorCode::kIo,
                          "cannot write the temporary report file (is the disk full?)");
    }
  }
  engine::Result<void> written;
  switch (options_.format) {
    case OutputFormat::kText:
      reports::WriteAuditTextSummary(tally_.totals, out_, options_.report);
      for (const auto& u : unreachable_) {
        const auto& from = u["linked_from"].get_ref<const std::string&>();
        out_ << engine::TerminalSafe(u["url"].get<std::string>())
             << ": error: " << engine::TerminalSafe(u["error"].get<std::string>())
             << (from.empty() ? "" : " (linked from " + engine::TerminalSafe(from) + ")") << "\n";
      }
      WriteSiteChecksText(site_checks, out_);
      break;
    case OutputFormat::kJsonl: {
      if (options_.crawled) {
        out_ << nlohmann::json{{"site", site}}.dump(-1, ' ', false, kReplace) << "\n";
      }
      nlohmann::json summary = {{"summary", reports::AuditSummaryJson(tally_.totals)},
                                {"tool", reports::AuditToolJson()}};
      if (!options_.report.level.empty()) {
        summary["level"] = options_.report.level;
      }
      out_ << summary.dump(-1, ' ', false, kReplace) << "\n";
      break;
    }
    case OutputFormat::kJson:
      written = FinishJson(site);
      break;
    case OutputFormat::kHtml:
      reports::WriteAuditHtmlStart(tally_.totals, out_, options_.report);
      if (!first_->CopyTo(out_)) {
        return engine::Fail(engine::ErrorCode::kIo, "cannot read back the temporary report file");
      }
      reports::WriteAuditHtmlTableEnd(out_);
      if (!second_->CopyTo(out_)) {
        return engine::Fail(engine::ErrorCode::kIo, "cannot read back the temporary report file");
      }
      reports::WriteAuditHtmlEnd(out_);
      break;
    case OutputFormat::kJunit:
      reports::WriteJunitStart(junit_, out_);
      if (!first_->CopyTo(out_)) {
        return engine::Fail(engine::ErrorCode::kIo, "cannot read back the temporary report file");
      }
      reports::WriteJunitEnd(out_);
      break;
    case OutputFormat::kSarif:
      written = FinishSarif();
      break;
  }
  out_.flush();
  if (!written) {
    return written;
  }
  if (report_error_) {
    return *report_error_;
  }
  return {};
}

}  // namespace plainsight::audit
