// plainsight audit FILE|DIR|URL... [--format text|json|html] [--out PATH] [--rules ID,...]
//                  [--passes] [--strict] [--no-text] [crawl options]
// Audits local HTML, XHTML and SVG files (a DIR: every .html/.htm/.xhtml/.svg below it), or
// crawls a site from an http(s) URL and audits every page fetched. Each page also gets the
// plain-language analysis of its main content ("text" in the JSON) unless --no-text.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/crawl_commands.h"
#include "crawler/subresources.h"
#include "engine/page.h"
#include "engine/runner.h"
#include "engine/text/analyser.h"
#include "engine/text/analysis_json.h"
#include "reports/audit_report.h"
#include "reports/html_report.h"
#include "rules/catalog.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight audit FILE|DIR|URL... [--format text|json|html] [--out PATH]\n"
    "                        [--level A|AA|AAA] [--rules ID,...] [--passes] [--review]\n"
    "                        [--strict] [--no-text] [crawl options]\n"
    "--level: the WCAG conformance level to check (default AA, what EN 301 549 requires).\n"
    "A URL (http or https) is crawled; see the crawl options below.\n";

bool IsAuditableExtension(const std::filesystem::path& p) {
  std::string ext = engine::AsciiLower(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".svg";
}

bool IsXmlExtension(const std::string& path) {
  std::string ext = engine::AsciiLower(std::filesystem::path(path).extension().string());
  return ext == ".svg" || ext == ".xml";
}

bool IsWebUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// Runs the rules (and the plain-language analysis) on one page.
class PageAuditor {
 public:
  PageAuditor(std::vector<const engine::Rule*> rules, engine::RunOptions run, bool text)
      : rules_(std::move(rules)), run_(run) {
    if (text) {
      auto analyser = engine::text::Analyser::Create();
      if (analyser) {
        analyser_ = std::move(*analyser);
      } else {
        std::cerr << "plainsight: plain-language analysis is off: " << analyser.error().ToString()
                  << "\n";
      }
    }
  }

  void Audit(const engine::Page& page, reports::AuditedInput& item) {
    item.audit = engine::RunRules(page, rules_, run_);
    if (analyser_ && !page.document().is_xml()) {
      engine::text::AnalysisOptions options;
      // Spelling and language detection are for writers' drafts (plainsight text); on every
      // crawled page they would flag names of places and people by the hundred.
      options.spelling = false;
      auto analysis = analyser_->AnalyseDocument(page.document(), options);
      if (analysis) {
        item.extra["text"] = engine::text::AnalysisToJson(*analysis, false);
      } else {
        item.audit.warnings.push_back("plain-language analysis failed: " +
                                      analysis.error().message);
      }
    }
  }

 private:
  std::vector<const engine::Rule*> rules_;
  engine::RunOptions run_;
  std::unique_ptr<engine::text::Analyser> analyser_;
};

}  // namespace

int RunAudit(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string out_path;
  std::string only_rules;
  bool text = true;
  std::string level = "AA";
  reports::ReportOptions report_options;
  engine::RunOptions run_options;
  CrawlCliOptions crawl;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--format") {
      const char* v = value();
      if (!v) {
        return UsageError("--format needs a value: text, json or html");
      }
      format = v;
    } else if (arg.rfind("--format=", 0) == 0) {
      format = std::string(arg.substr(9));
    } else if (arg == "--out") {
      const char* v = value();
      if (!v) {
        return UsageError("--out needs a path");
      }
      out_path = v;
    } else if (arg == "--rules") {
      const char* v = value();
      if (!v) {
        return UsageError("--rules needs a comma-separated list of rule ids");
      }
      only_rules = v;
    } else if (arg == "--level") {
      const char* v = value();
      if (!v) {
        return UsageError("--level needs A, AA or AAA");
      }
      level = v;
    } else if (arg == "--passes") {
      report_options.include_passed = true;
      run_options.locate_passed = true;
    } else if (arg == "--review") {
      report_options.list_review_in_text = true;
    } else if (arg == "--strict") {
      run_options.strict = true;
    } else if (arg == "--no-text") {
      text = false;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage << "\ncrawl options:\n" << CrawlFlagsHelp();
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::string error;
      int consumed = ParseCrawlFlag(argc, argv, i, crawl, &error);
      if (consumed < 0) {
        return UsageError(error);
      }
      if (consumed == 0) {
        return UsageError("unknown option " + std::string(arg) + "\n" + kUsage);
      }
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (format != "text" && format != "json" && format != "html") {
    return UsageError("--format must be text, json or html, not '" + format + "'");
  }
  if (inputs.empty()) {
    return UsageError(std::string("nothing to audit\n") + kUsage);
  }
  if (level != "A" && level != "AA" && level != "AAA") {
    return UsageError("--level must be A, AA or AAA, not '" + level + "'");
  }

  std::vector<const engine::Rule*> rules;
  if (only_rules.empty()) {
    // Rules whose criteria are above the chosen level are not run (named rules always are).
    for (const engine::Rule* r : rules::AllRules()) {
      if (r->level.size() <= level.size()) {
        rules.push_back(r);
      }
    }
  } else {
    std::stringstream ss(only_rules);
    std::string id;
    while (std::getline(ss, id, ',')) {
      const engine::Rule* r = rules::FindRule(id);
      if (!r) {
        return UsageError("no rule with id '" + id + "' (see plainsight rules)");
      }
      rules.push_back(r);
    }
  }
  PageAuditor auditor(rules, run_options, text);

  std::vector<reports::AuditedInput> results;
  std::vector<std::string> files;
  std::vector<std::string> urls;
  for (const std::string& input : inputs) {
    if (IsWebUrl(input)) {
      urls.push_back(input);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(
               input, std::filesystem::directory_options::skip_permission_denied, ec);
           it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          break;
        }
        if (it->is_regular_file(ec) && IsAuditableExtension(it->path())) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        reports::AuditedInput bad;
        bad.source = input;
        bad.error = "no .html, .htm, .xhtml or .svg files in this folder";
        results.push_back(std::move(bad));
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }

  engine::ResourceLoader loader = LocalLoader();
  for (const std::string& file : files) {
    reports::AuditedInput item;
    item.source = file;
    auto bytes = ReadFile(file, 64u << 20);
    if (!bytes) {
      item.error = bytes.error().message;
      results.push_back(std::move(item));
      continue;
    }
    engine::ParseOptions options;
    options.url = FileUrl(file);
    options.loader = &loader;
    auto doc = IsXmlExtension(file) ? engine::Document::ParseXml(*bytes, options)
                                    : engine::Document::ParseHtml(*bytes, options);
    if (!doc) {
      item.error = doc.error().message;
      results.push_back(std::move(item));
      continue;
    }
    auto page = engine::Page::Build(std::move(*doc));
    auditor.Audit(*page, item);
    results.push_back(std::move(item));
  }

  // Crawled sites: every HTML page fetched is audited; documents and failures are listed.
  nlohmann::json documents = nlohmann::json::array();
  nlohmann::json unreachable = nlohmann::json::array();
  bool seed_failed = false;
  std::unique_ptr<crawler::SubresourceLoader> subresources;
  if (!urls.empty()) {
    crawl.crawl.seeds = urls;
    // Stylesheets and iframes of crawled pages, fetched with the crawl's own safety settings.
    crawler::SubresourceOptions sub;
    sub.fetcher.user_agent = crawl.crawl.user_agent;
    sub.fetcher.allow_private = crawl.crawl.allow_private;
    sub.fetcher.connect_timeout_ms = crawl.crawl.connect_timeout_ms;
    sub.fetcher.total_timeout_ms = crawl.crawl.timeout_ms;
    auto made = crawler::SubresourceLoader::Create(sub);
    if (!made) {
      return UsageError(made.error().ToString());
    }
    subresources = std::move(*made);
    crawl.crawl.subresource_loader = &subresources->loader();
    int status = RunCrawlAudit(crawl, [&](const crawler::FetchedResource& r) {
      if (r.error) {
        unreachable.push_back({{"url", r.url},
                               {"status", r.status},
                               {"error", r.error->message},
                               {"code", engine::ErrorCodeName(r.error->code)},
                               {"linked_from", r.referrer}});
        if (r.depth == 0) {
          seed_failed = true;
        }
        return;
      }
      if (!r.duplicate_of.empty()) {
        return;
      }
      if (r.kind == crawler::ResourceKind::kHtml && r.document) {
        reports::AuditedInput item;
        item.source = r.final_url;
        auto page = engine::Page::Borrow(*r.document, engine::MediaContext{});
        auditor.Audit(*page, item);
        item.audit.url = r.final_url;
        results.push_back(std::move(item));
      } else if (r.kind != crawler::ResourceKind::kHtml) {
        documents.push_back({{"url", r.final_url},
                             {"type", crawler::ResourceKindName(r.kind)},
                             {"content_type", r.content_type},
                             {"size", r.size},
                             {"status", r.status},
                             {"linked_from", r.referrer}});
      }
    });
    if (status != 0) {
      return status;
    }
  }

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!out_path.empty()) {
    file_out.open(out_path, std::ios::binary);
    if (!file_out) {
      return UsageError("cannot write " + out_path);
    }
    out = &file_out;
  }
  if (format == "json") {
    nlohmann::json report = reports::AuditJson(results, report_options);
    if (!urls.empty()) {
      report["documents"] = documents;
      report["unreachable"] = unreachable;
    }
    *out << report.dump(2) << "\n";
  } else if (format == "html") {
    reports::WriteAuditHtml(results, *out);
  } else {
    reports::WriteAuditText(results, *out, report_options);
    for (const auto& u : unreachable) {
      *out << u["url"].get<std::string>() << ": error: " << u["error"].get<std::string>()
           << (u["linked_from"].get<std::string>().empty()
                   ? ""
                   : " (linked from " + u["linked_from"].get<std::string>() + ")")
           << "\n";
    }
  }
  out->flush();
  if (reports::AnyUnreadable(results) || seed_failed) {
    // The report already says which inputs could not be read; say it on stderr too.
    for (const auto& r : results) {
      if (!r.error.empty()) {
        std::cerr << "plainsight: " << r.source << ": " << r.error << "\n";
      }
    }
    if (seed_failed) {
      std::cerr << "plainsight: the start URL could not be fetched\n";
    }
    return 2;
  }
  return reports::AnyFailed(results) ? 1 : 0;
}

}  // namespace plainsight::cli
