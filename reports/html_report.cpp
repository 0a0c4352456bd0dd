// HTML report. It is itself checked by plainsight's own rules in tests (it must pass them).
#include "reports/html_report.h"

#include <map>

namespace plainsight::reports {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b5394}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.35rem .5rem;text-align:left;vertical-align:top}
.failed{color:#a10000;font-weight:bold}.review{color:#6b4e00;font-weight:bold}.passed{color:#00703c;font-weight:bold}
code,pre{font-family:ui-monospace,monospace;font-size:.9rem;background:#f3f3f3;padding:.1rem .25rem;white-space:pre-wrap;word-break:break-all}
.finding{border-left:4px solid #767676;padding:.25rem .75rem;margin:.75rem 0}
)";

}  // namespace

void WriteAuditHtmlStart(const AuditTotals& totals, std::ostream& out,
                         const ReportOptions& options) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Accessibility audit report - plainsight</title>\n<style>"
      << kStyle << "</style>\n</head>\n<body>\n<header>\n<p>plainsight " << PLAINSIGHT_VERSION
      << "</p>\n</header>\n<main>\n<h1>Accessibility audit report</h1>\n"
      << "<p>" << totals.pages << (totals.pages == 1 ? " page" : " pages") << " checked: "
      << "<span class=\"failed\">" << totals.failed
      << " failures</span> and <span class=\"review\">" << totals.cant_tell - totals.advice
      << " items for a person to review</span>.</p>\n";
  if (!options.level.empty()) {
    out << "<p>Rules checked: WCAG level " << HtmlEscape(options.level)
        << " and below (EN 301 549 requires level AA).</p>\n";
  }
  out << "<h2>Pages</h2>\n<table>\n<caption>Rules failed and passed on each page</caption>\n"
         "<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Rules failed</th>"
         "<th scope=\"col\">To review</th><th scope=\"col\">Rules "
         "passed</th></tr></thead>\n<tbody>\n";
}

void WriteAuditHtmlRow(size_t index, const AuditedInput& input, std::ostream& out) {
  int failed = 0;
  int review = 0;
  int passed = 0;
  for (const auto& r : input.audit.results) {
    if (r.rule != nullptr && engine::IsAdvice(*r.rule)) {
      continue;  // plain-language advice is not part of the accessibility audit
    }
    failed += r.outcome == engine::Outcome::kFailed;
    review += r.outcome == engine::Outcome::kCantTell;
    passed += r.outcome == engine::Outcome::kPassed;
  }
  out << R"(<tr><th scope="row"><a href="#page-)" << index << "\">" << HtmlEscape(input.source)
      << "</a></th>";
  if (!input.error.empty()) {
    out << "<td colspan=\"3\">Could not be checked: " << HtmlEscape(input.error) << "</td></tr>\n";
    return;
  }
  out << "<td>" << failed << "</td><td>" << review << "</td><td>" << passed << "</td></tr>\n";
}

void WriteAuditHtmlTableEnd(std::ostream& out) {
  out << "</tbody>\n</table>\n";
}

namespace {

// The page's plain-language analysis (issue 16): the summary line, which measures its language
// gets, and the notes with the words they are about (marked with the text's language).
void WritePlainLanguage(const AuditedInput& input, std::ostream& out) {
  if (!input.extra.is_object() || !input.extra.contains("text")) {
    return;
  }
  const nlohmann::json& text = input.extra["text"];
  const std::string summary = PlainLanguageSummary(text);
  if (summary.empty()) {
    return;
  }
  const std::string lang = text.value("lang", "");
  out << "<h3>Plain language</h3>\n<p>" << HtmlEscape(summary) << ".</p>\n";
  const nlohmann::json& m = text["metrics"];
  if (m.contains("measures_note")) {
    out << "<p>" << HtmlEscape(m["measures_note"].get<std::string>()) << "</p>\n";
  }
  if (!text.contains("findings") || text["findings"].empty()) {
    return;
  }
  constexpr size_t kShown = 20;
  out << "<ul class=\"notes\">\n";
  size_t shown = 0;
  for (const nlohmann::json& f : text["findings"]) {
    if (shown++ == kShown) {
      break;
    }
    out << "<li>" << HtmlEscape(f.value("message", "")) << ": <q lang=\"" << HtmlEscape(lang)
        << "\">" << HtmlEscape(f.value("text", "")) << "</q>";
    const std::string suggestion = f.value("suggestion", "");
    if (!suggestion.empty()) {
      out << ". " << HtmlEscape(suggestion);
    }
    out << "</li>\n";
  }
  out << "</ul>\n";
  if (text["findings"].size() > kShown) {
    out << "<p>" << text["findings"].size() - kShown
        << " more: <code>plainsight text</code> on the page lists them all.</p>\n";
  }
}

}  // namespace

void WriteAuditHtmlSection(size_t index, const AuditedInput& input, std::ostream& out) {
  out << "<section aria-labelledby=\"page-" << index << "\">\n<h2 id=\"page-" << index << "\">"
      << HtmlEscape(input.audit.title.empty() ? input.source : input.audit.title) << "</h2>\n"
      << "<p><code>" << HtmlEscape(input.source) << "</code></p>\n";
  if (!input.error.empty()) {
    out << "<p>Could not be checked: " << HtmlEscape(input.error) << "</p>\n</section>\n";
    return;
  }
  bool any = false;
  for (const auto& r : input.audit.results) {
    if (r.rule != nullptr && engine::IsAdvice(*r.rule)) {
      continue;
    }
    for (const auto& f : r.findings) {
      if (f.outcome != engine::Outcome::kFailed && f.outcome != engine::Outcome::kCantTell) {
        continue;
      }
      any = true;
      bool fail = f.outcome == engine::Outcome::kFailed;
      out << "<div class=\"finding\">\n<h3><span class=\"" << (fail ? "failed" : "review") << "\">"
          << (fail ? "Fails" : "Review") << ":</span> " << HtmlEscape(r.rule->summary) << "</h3>\n"
          << "<p>" << HtmlEscape(f.message) << "</p>\n";
      if (f.position.line) {
        out << "<p>Line " << f.position.line << ", column " << f.position.column << ": <code>"
            << HtmlEscape(f.snippet) << "</code></p>\n";
      }
      out << "<p><strong>Why it matters:</strong> " << HtmlEscape(r.rule->why) << "</p>\n"
          << "<p><strong>How to fix:</strong> " << HtmlEscape(r.rule->help) << "</p>\n"
          << "<p>Rule <code>" << HtmlEscape(r.rule->id) << "</code>";
      if (!r.rule->wcag.empty()) {
        out << "; WCAG";
        for (auto sc : r.rule->wcag) {
          out << " " << HtmlEscape(sc);
        }
      }
      if (!r.rule->en301549.empty()) {
        out << "; EN 301 549";
        for (auto c : r.rule->en301549) {
          out << " " << HtmlEscape(c);
        }
      }
      out << "</p>\n</div>\n";
    }
  }
  if (!any) {
    out << "<p class=\"passed\">No failures found by the automated rules.</p>\n";
  }
  WritePlainLanguage(input, out);
  out << "</section>\n";
}

void WriteAuditHtmlEnd(std::ostream& out) {
  out << "</main>\n<footer>\n<p>Automated checks find only part of the barriers people meet; "
         "items marked Review need a person to decide.</p>\n</footer>\n</body>\n</html>\n";
}

void WriteAuditHtml(std::span<const AuditedInput> inputs, std::ostream& out) {
  AuditTotals totals;
  for (const auto& input : inputs) {
    CountAuditTotals(input, totals);
  }
  WriteAuditHtmlStart(totals, out);
  for (size_t i = 0; i < inputs.size(); ++i) {
    WriteAuditHtmlRow(i, inputs[i], out);
  }
  WriteAuditHtmlTableEnd(out);
  for (size_t i = 0; i < inputs.size(); ++i) {
    WriteAuditHtmlSection(i, inputs[i], out);
  }
  WriteAuditHtmlEnd(out);
}

}  // namespace plainsight::reports
