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
#include <unordered_map>

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
    "                        [--strict] [--no-text] [--state FILE] [crawl options]\n"
    "--state FILE: keep ETag/Last-Modified and page bodies between crawls, so pages that have\n"
    "not changed are requested conditionally (304 Not Modified) and audited from the copy.\n"
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

// The crawl state file (--state): per normalised URL, the validators and, for HTML, the body and
// content type of the last fetch. CBOR, because bodies are bytes in any charset.
engine::Result<std::unordered_map<std::string, crawler::Validators>> LoadCrawlState(
    const std::string& path) {
  std::unordered_map<std::string, crawler::Validators> out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return out;  // the first crawl
  }
  auto bytes = ReadFile(path);
  if (!bytes) {
    return bytes.error();
  }
  auto j = nlohmann::json::from_cbor(*bytes, true, false);
  if (j.is_discarded() || j.value("format", "") != "plainsight-crawl-state" ||
      !j.contains("resources")) {
    return engine::Fail(engine::ErrorCode::kParse, "not a plainsight crawl state file", path);
  }
  for (auto it = j["resources"].begin(); it != j["resources"].end(); ++it) {
    crawler::Validators v;
    v.etag = it.value().value("etag", "");
    v.last_modified = it.value().value("last_modified", "");
    v.content_type = it.value().value("content_type", "");
    if (it.value().contains("body") && it.value()["body"].is_binary()) {
      const auto& bin = it.value()["body"].get_binary();
      v.body.assign(bin.begin(), bin.end());
    }
    out.emplace(it.key(), std::move(v));
  }
  return out;
}

void RememberForNextCrawl(const crawler::FetchedResource& r,
                          const std::unordered_map<std::string, crawler::Validators>& previous,
                          std::unordered_map<std::string, crawler::Validators>& next) {
  crawler::Validators v;
  if (r.not_modified) {
    auto it = previous.find(r.url);
    if (it == previous.end()) {
      return;
    }
    v = it->second;  // still current; a 304 may repeat or omit the validators
    if (!r.etag.empty()) {
      v.etag = r.etag;
    }
    if (!r.last_modified.empty()) {
      v.last_modified = r.last_modified;
    }
  } else {
    if (r.etag.empty() && r.last_modified.empty()) {
      return;  // nothing to ask conditionally next time
    }
    v.etag = r.etag;
    v.last_modified = r.last_modified;
    if (r.kind == crawler::ResourceKind::kHtml) {
      v.body = r.body;
      v.content_type = r.content_type;
    }
  }
  next[r.url] = std::move(v);
}

engine::Result<void> SaveCrawlState(
    const std::string& path, const std::unordered_map<std::string, crawler::Validators>& state) {
  nlohmann::json resources = nlohmann::json::object();
  for (const auto& [url, v] : state) {
    nlohmann::json entry{{"etag", v.etag}, {"last_modified", v.last_modified}};
    if (!v.body.empty()) {
      entry["content_type"] = v.content_type;
      entry["body"] = nlohmann::json::binary(std::vector<uint8_t>(v.body.begin(), v.body.end()));
    }
    resources[url] = std::move(entry);
  }
  nlohmann::json j{{"format", "plainsight-crawl-state"}, {"version", 1}, {"resources", resources}};
  std::vector<uint8_t> bytes = nlohmann::json::to_cbor(j);
  // Written beside the target and renamed over it, so an interrupted run keeps the old state.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      return engine::Fail(engine::ErrorCode::kIo, "cannot write the crawl state", tmp);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot replace the crawl state: " + ec.message(),
                        path);
  }
  return {};
}

}  // namespace

int RunAudit(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string out_path;
  std::string only_rules;
  bool text = true;
  std::string level = "AA";
  std::string state_path;
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
    } else if (arg == "--state") {
      const char* v = value();
      if (!v) {
        return UsageError("--state needs a file path");
      }
      state_path = v;
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
  std::unordered_map<std::string, crawler::Validators> next_state;
  if (!urls.empty() && !state_path.empty()) {
    auto loaded = LoadCrawlState(state_path);
    if (!loaded) {
      return UsageError(loaded.error().ToString());
    }
    crawl.crawl.validators = std::move(*loaded);
  }
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
      if (!state_path.empty() && !r.error) {
        RememberForNextCrawl(r, crawl.crawl.validators, next_state);
      }
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
    if (!state_path.empty()) {
      if (auto saved = SaveCrawlState(state_path, next_state); !saved) {
        std::cerr << "plainsight: " << saved.error().ToString() << "\n";
      }
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
    // Page text is valid UTF-8 by construction; replace rather than throw if a byte slipped by.
    *out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
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
