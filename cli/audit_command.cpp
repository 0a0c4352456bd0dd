// plainsight audit FILE|DIR... [--format text|json|html] [--out PATH] [--rules ID,...] [--passes]
// Audits local HTML, XHTML and SVG files (a DIR: every .html/.htm/.xhtml/.svg below it).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "engine/page.h"
#include "engine/runner.h"
#include "reports/audit_report.h"
#include "reports/html_report.h"
#include "rules/catalog.h"

namespace plainsight::cli {
namespace {

constexpr const char* kUsage =
    "usage: plainsight audit FILE|DIR... [--format text|json|html] [--out PATH] [--rules ID,...] "
    "[--passes] [--strict]";

bool IsAuditableExtension(const std::filesystem::path& p) {
  std::string ext = engine::AsciiLower(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".svg";
}

bool IsXmlExtension(const std::string& path) {
  std::string ext = engine::AsciiLower(std::filesystem::path(path).extension().string());
  return ext == ".svg" || ext == ".xml";
}

}  // namespace

int RunAudit(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string out_path;
  std::string only_rules;
  reports::ReportOptions report_options;
  engine::RunOptions run_options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string_view name) -> const char* {
      if (i + 1 >= argc) {
        return nullptr;
      }
      (void)name;
      return argv[++i];
    };
    if (arg == "--format") {
      const char* v = value(arg);
      if (!v) {
        return UsageError("--format needs a value: text or json");
      }
      format = v;
    } else if (arg.rfind("--format=", 0) == 0) {
      format = std::string(arg.substr(9));
    } else if (arg == "--out") {
      const char* v = value(arg);
      if (!v) {
        return UsageError("--out needs a path");
      }
      out_path = v;
    } else if (arg == "--rules") {
      const char* v = value(arg);
      if (!v) {
        return UsageError("--rules needs a comma-separated list of rule ids");
      }
      only_rules = v;
    } else if (arg == "--passes") {
      report_options.include_passed = true;
    } else if (arg == "--strict") {
      run_options.strict = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage << "\n";
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError(std::string("unknown option ") + std::string(arg) + "\n" + kUsage);
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

  std::vector<const engine::Rule*> rules;
  if (only_rules.empty()) {
    auto all = rules::AllRules();
    rules.assign(all.begin(), all.end());
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

  // Expand directories.
  std::vector<std::string> files;
  std::vector<reports::AuditedInput> results;
  for (const std::string& input : inputs) {
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
    item.audit = engine::RunRules(*page, rules, run_options);
    results.push_back(std::move(item));
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
    *out << reports::AuditJson(results, report_options).dump(2) << "\n";
  } else if (format == "html") {
    reports::WriteAuditHtml(results, *out);
  } else {
    reports::WriteAuditText(results, *out, report_options);
  }
  out->flush();
  if (reports::AnyUnreadable(results)) {
    // The report already says which inputs could not be read; say it on stderr too.
    for (const auto& r : results) {
      if (!r.error.empty()) {
        std::cerr << "plainsight: " << r.source << ": " << r.error << "\n";
      }
    }
    return 2;
  }
  return reports::AnyFailed(results) ? 1 : 0;
}

}  // namespace plainsight::cli
