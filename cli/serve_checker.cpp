// The draft checker of `plainsight serve` (issue 14 item 2) and POST /api/text (item 4): a
// pasted text or an uploaded .docx/.odt/.txt/.md/.html file goes through the same bounded
// extractors and the same analyser as `plainsight text`, and comes back as a page with the
// scores in plain words and each finding marked in the text, or as the JSON of
// `plainsight text --format json`.
#include <algorithm>
#include <thread>

#include "cli/block_text_html.h"
#include "cli/serve_internal.h"
#include "engine/text/analysis_json.h"
#include "engine/text/readability.h"
#include "rules/catalog.h"

namespace plainsight::cli::serve {

namespace text = engine::text;

namespace {

// A language tag as BCP 47 spells it, loosely: letters, digits and hyphens, at most 35.
bool PlausibleLangTag(std::string_view tag) {
  if (tag.size() > 35) {
    return false;
  }
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string KindLabel(std::string_view kind) {
  static const std::map<std::string_view, std::string_view> kLabels = {
      {"long-sentence", "Long sentence"},
      {"passive-voice", "Passive voice"},
      {"nominalisation", "Noun instead of a verb"},
      {"wordy-phrase", "Wordy phrase"},
      {"jargon", "Jargon"},
      {"acronym-undefined", "Acronym not explained"},
      {"acronym-before-definition", "Acronym used before it is explained"},
      {"misspelling", "Possible misspelling"},
      {"unknown-word", "Unknown word"},
      {"long-paragraph", "Long paragraph"},
      {"all-caps", "Words in capitals"},
      {"double-negative", "Double negative"},
      {"language-mismatch", "Different language"},
      {"non-word", "Not a word"}};
  auto it = kLabels.find(kind);
  return std::string(it == kLabels.end() ? kind : it->second);
}

std::string GradeInWords(double grade) {
  if (grade <= 6) {
    return "most 11 to 12 year olds can read it";
  }
  if (grade <= 9) {
    return "most 14 to 15 year olds can read it";
  }
  if (grade <= 12) {
    return "it needs a school-leaver's reading level";
  }
  return "it needs a university reading level";
}

// The scores, each with what it means and what to aim for.
std::string RenderScores(const text::TextAnalysis& a) {
  const text::Metrics& m = a.metrics;
  std::string out = "<h3>Scores</h3>\n<ul class=\"scores\">\n";
  out += "<li>" + std::to_string(m.counts.words) +
         (m.counts.words == 1 ? " word in " : " words in ") + std::to_string(m.counts.sentences) +
         (m.counts.sentences == 1 ? " sentence" : " sentences");
  if (m.average_sentence_length) {
    out += ", " + Number(m.average_sentence_length) + " words per sentence on average" +
           (*m.average_sentence_length > 20 ? " (aim for 15 to 20)" : " (good: 20 or fewer)");
  }
  out += ".</li>\n";
  for (const std::string& note : text::SummaryNotes(m)) {
    out += "<li>" + Escape(note) + "</li>\n";
  }
  if (m.flesch_reading_ease && a.lang == "en") {
    out += "<li>Reading ease " + Number(m.flesch_reading_ease) +
           " out of 100: " + Escape(text::DescribeFlesch(*m.flesch_reading_ease)) +
           ". Higher is easier; aim for 60 or more.</li>\n";
  }
  if (m.flesch_kincaid_grade && a.lang == "en") {
    out += "<li>School grade " + Number(m.flesch_kincaid_grade) + ": " +
           GradeInWords(*m.flesch_kincaid_grade) + ".</li>\n";
  }
  if (m.lix) {
    out += "<li>LIX " + Number(m.lix) + ": " + Escape(text::DescribeLix(*m.lix)) +
           ". Lower is easier; under 40 suits most readers.</li>\n";
  }
  auto own = [&](const char* label, const std::optional<double>& v, const char* reading) {
    if (v) {
      out += std::string("<li>") + label + " " + Number(v) + " (" + reading + ").</li>\n";
    }
  };
  own("Amstad (German reading ease)", m.amstad, "0 to 100, higher is easier");
  own("Wiener Sachtextformel", m.wiener_sachtextformel, "school grade 4 to 15, lower is easier");
  own("Fernández-Huerta", m.fernandez_huerta, "0 to 100, higher is easier");
  own("Kandel-Moles", m.kandel_moles, "0 to 100, higher is easier");
  own("Gulpease", m.gulpease, "0 to 100, higher is easier; under 60 is hard for most readers");
  own("Douma", m.douma, "0 to 100, higher is easier");
  size_t errors = 0;
  for (const text::TextFinding& f : a.findings) {
    errors += f.severity == text::Severity::kError ? 1 : 0;
  }
  out += "<li>" + std::to_string(a.findings.size()) +
         (a.findings.size() == 1 ? " finding" : " findings") + ", " + std::to_string(errors) +
         " of them serious" + ".</li>\n";
  for (const std::string& note : a.notes) {
    out += "<li>Note: " + Escape(note) + ".</li>\n";
  }
  return out + "</ul>\n";
}

// The extracted text with findings marked: each marked span is a <mark> (or, for a whole long
// sentence, a <span>) with an id the findings list links to, and a numbered link back to the
// list, so that keyboard and screen-reader users can move between the two without a script.
std::string RenderMarkedText(const text::ExtractedText& input, const text::TextAnalysis& a,
                             std::vector<bool>& marked) {
  marked.assign(a.findings.size(), false);
  // The text's own language, so that a screen reader reads an Irish draft with an Irish voice
  // (WCAG 3.1.2); blocks in another language say theirs below.
  std::string out = R"(<div class="marked-text" id="marked-text")";
  if (PlausibleLangTag(a.lang) && !a.lang.empty()) {
    out += " lang=\"" + Escape(a.lang) + "\"";
  }
  out += ">\n";
  std::vector<std::vector<size_t>> by_block(input.blocks.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const text::TextFinding& f = a.findings[i];
    if (f.block < by_block.size() && f.kind != "long-paragraph" && f.kind != "language-mismatch" &&
        f.block_end > f.block_start) {
      by_block[f.block].push_back(i);
    }
  }
  for (size_t b = 0; b < input.blocks.size(); ++b) {
    const text::TextBlock& block = input.blocks[b];
    const std::string_view body = block.text;
    // Consecutive list items form one list.
    const bool item = block.kind == text::BlockKind::kListItem;
    const bool previous_item = b > 0 && input.blocks[b - 1].kind == text::BlockKind::kListItem;
    const bool next_item =
        b + 1 < input.blocks.size() && input.blocks[b + 1].kind == text::BlockKind::kListItem;
    if (item && !previous_item) {
      out += "<ul>\n";
    }
    const char* tag = block.kind == text::BlockKind::kHeading ? "h4" : item ? "li" : "p";
    out += std::string("<") + tag;
    if (!block.lang.empty() && block.lang != a.lang && PlausibleLangTag(block.lang)) {
      out += " lang=\"" + Escape(block.lang) + "\"";
    }
    out += ">";
    std::vector<size_t>& list = by_block[b];
    std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
      const auto& fx = a.findings[x];
      const auto& fy = a.findings[y];
      return fx.block_start != fy.block_start ? fx.block_start < fy.block_start
                                              : fx.block_end > fy.block_end;
    });
    // Properly nested spans only; a finding that partly overlaps another is listed below but
    // not marked in the text.
    std::vector<size_t> open;
    size_t pos = 0;
    auto emit_to = [&](size_t end) {
      end = std::min(end, body.size());
      if (end > pos) {
        out += BlockTextHtml(input, block, pos, end);
        pos = end;
      }
    };
    auto close_until = [&](size_t limit) {
      while (!open.empty() && a.findings[open.back()].block_end <= limit) {
        size_t idx = open.back();
        const auto& f = a.findings[idx];
        emit_to(f.block_end);
        out += f.kind == "long-sentence" ? "</span>" : "</mark>";
        std::string n = std::to_string(idx + 1);
        out += R"(<a class="ref" href="#f)" + n + "\" aria-label=\"Finding " + n + ": " +
               Escape(KindLabel(f.kind)) + "\">" + n + "</a>";
        open.pop_back();
      }
    };
    for (size_t idx : list) {
      const auto& f = a.findings[idx];
      if (f.block_end > body.size()) {
        continue;
      }
      close_until(f.block_start);
      if (!open.empty() && f.block_end > a.findings[open.back()].block_end) {
        continue;  // partial overlap
      }
      if (f.block_start < pos) {
        continue;
      }
      emit_to(f.block_start);
      std::string n = std::to_string(idx + 1);
      const char* severity = f.severity == text::Severity::kError     ? "error"
                             : f.severity == text::Severity::kWarning ? "warning"
                                                                      : "info";
      if (f.kind == "long-sentence") {
        out += "<span class=\"finding sentence " + std::string(severity) + "\" id=\"m" + n +
               "\" data-finding=\"" + n + R"(" tabindex="-1">)";
      } else {
        out += "<mark class=\"finding " + std::string(severity) + "\" id=\"m" + n +
               "\" data-finding=\"" + n + R"(" tabindex="-1">)";
      }
      open.push_back(idx);
      marked[idx] = true;
    }
    close_until(body.size());
    emit_to(body.size());
    out += std::string("</") + tag + ">\n";
    if (item && !next_item) {
      out += "</ul>\n";
    }
  }
  return out + "</div>\n";
}

// Findings that are marked in the text link to their mark; the others (a whole paragraph, the
// language of the text, a span that overlaps another) are listed only.
std::string RenderFindingList(const text::TextAnalysis& a, const std::vector<bool>& marked) {
  if (a.findings.empty()) {
    return "<p>No findings: nothing in this text needs changing by these checks.</p>\n";
  }
  std::string out = "<ol class=\"findings\" id=\"finding-list\">\n";
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const text::TextFinding& f = a.findings[i];
    std::string n = std::to_string(i + 1);
    const char* severity = f.severity == text::Severity::kError     ? "serious"
                           : f.severity == text::Severity::kWarning ? "warning"
                                                                    : "note";
    std::string where = "Line " + std::to_string(f.line) + ", column " + std::to_string(f.column);
    out += "<li id=\"f" + n + "\" data-kind=\"" + Escape(f.kind) + "\">" +
           (marked[i] ? "<a href=\"#m" + n + "\">" + where + "</a>" : where) + ": <strong>" +
           Escape(KindLabel(f.kind)) + "</strong> (" + severity + "). " + Escape(f.message);
    if (!f.suggestion.empty()) {
      out += " <span class=\"suggestion\">" + Escape(f.suggestion) + "</span>";
    }
    out += "</li>\n";
  }
  out += "</ol>\n";
  if (a.findings_dropped > 0) {
    out += "<p>" + std::to_string(a.findings_dropped) + " more findings are not shown.</p>\n";
  }
  return out;
}

std::string RenderForm(const CheckInput& input) {
  std::string out =
      "<form class=\"checker\" id=\"checker-form\" method=\"post\" action=\"/check\" "
      "enctype=\"multipart/form-data\">\n"
      "<div class=\"field\">\n<label for=\"text\">Your text</label>\n"
      "<p class=\"hint\" id=\"text-hint\">Paste or type it here.</p>\n"
      "<textarea id=\"text\" name=\"text\" rows=\"12\" aria-describedby=\"text-hint\">";
  if (input.file_name.empty()) {
    out += Escape(input.bytes);
  }
  out +=
      "</textarea>\n</div>\n<div class=\"field\">\n<label for=\"file\">Or upload a file</label>\n"
      "<p class=\"hint\" id=\"file-hint\">Word (.docx), OpenDocument (.odt), text (.txt), "
      "Markdown (.md) or web page (.html). A file is checked instead of the text above.</p>\n"
      "<input type=\"file\" id=\"file\" name=\"file\" aria-describedby=\"file-hint\" "
      "accept=\".docx,.odt,.txt,.md,.markdown,.html,.htm\">\n</div>\n"
      "<div class=\"field\">\n<label for=\"lang\">Language of the text</label>\n"
      "<select id=\"lang\" name=\"lang\">\n";
  std::string chosen = input.lang.empty() ? "en" : input.lang;
  for (const Language& language : Languages()) {
    out += "<option value=\"" + std::string(language.tag) + "\"";
    if (language.tag == chosen) {
      out += " selected";
    }
    out += ">" + Escape(language.name) + "</option>\n";
  }
  out +=
      "</select>\n</div>\n<button type=\"submit\" class=\"primary\">Check the text</button>\n"
      "</form>\n";
  return out;
}

bool IsMultipart(const httplib::Request& req) {
  return req.get_header_value("Content-Type").rfind("multipart/form-data", 0) == 0;
}

// The form's fields: an uploaded file wins over the text box when it has content.
CheckInput InputFromForm(const httplib::Request& req) {
  CheckInput input;
  if (IsMultipart(req)) {
    if (req.has_file("text")) {
      input.bytes = req.get_file_value("text").content;
    }
    if (req.has_file("lang")) {
      input.lang = req.get_file_value("lang").content;
    }
    if (req.has_file("file")) {
      const httplib::MultipartFormData& file = req.get_file_value("file");
      if (!file.content.empty()) {
        input.bytes = file.content;
        input.file_name = file.filename.empty() ? "upload" : file.filename;
      }
    }
  } else {
    input.bytes = req.get_param_value("text");
    input.lang = req.get_param_value("lang");
  }
  return input;
}

int StatusFor(const engine::Error& error) {
  switch (error.code) {
    case engine::ErrorCode::kTooLarge:
      return 413;
    case engine::ErrorCode::kParse:
    case engine::ErrorCode::kUnsupported:
      return 415;
    case engine::ErrorCode::kInvalidArgument:
      return 400;
    default:
      return 500;
  }
}

void SendHtml(httplib::Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

}  // namespace

engine::Result<std::unique_ptr<Checker>> Checker::Create(const ServeOptions& options) {
  text::AnalyserConfig config;
  config.data_dir = options.data_dir;
  auto first = text::Analyser::Create(config);
  if (!first) {
    return engine::Fail(first.error().code, first.error().message, first.error().where);
  }
  return std::unique_ptr<Checker>(new Checker(options, std::move(*first)));
}

Checker::Checker(const ServeOptions& options, std::unique_ptr<text::Analyser> first)
    : options_(options) {
  config_.data_dir = options.data_dir;
  max_ = options.analysers != 0 ? options.analysers
                                : std::max<size_t>(1, std::thread::hardware_concurrency());
  idle_.push_back(std::move(first));
  created_ = 1;
}

std::unique_ptr<text::Analyser> Checker::Acquire() {
  std::unique_lock lock(mutex_);
  while (idle_.empty() && created_ >= max_) {
    available_.wait(lock);
  }
  if (!idle_.empty()) {
    auto analyser = std::move(idle_.back());
    idle_.pop_back();
    return analyser;
  }
  ++created_;
  lock.unlock();
  // The data loaded for the first analyser, so this succeeds unless the files went away.
  auto created = text::Analyser::Create(config_);
  if (!created) {
    std::lock_guard relock(mutex_);
    --created_;
    available_.notify_one();
    return nullptr;
  }
  return std::move(*created);
}

void Checker::Release(std::unique_ptr<text::Analyser> analyser) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(analyser));
  available_.notify_one();
}

engine::Result<CheckResult> Checker::Check(const CheckInput& input) {
  if (!input.lang.empty() &&
      (!PlausibleLangTag(input.lang) || !text::IsKnownLanguage(input.lang))) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument,
                        "the language must be a known language code (ISO 639), such as en, ga, "
                        "de, fr or zh");
  }
  if (input.file_name.empty() && input.bytes.size() > options_.max_text_bytes) {
    return engine::Fail(engine::ErrorCode::kTooLarge, "the text is over the limit of " +
                                                          std::to_string(options_.max_text_bytes) +
                                                          " bytes; check it in parts");
  }
  text::ExtractLimits limits;
  limits.max_input_bytes = options_.max_request_bytes;
  limits.max_member_bytes = options_.max_member_bytes;
  // Pasted text is read as `plainsight text -` reads standard input (sniffed), a file by its
  // extension, so that the API gives what the command gives.
  auto extracted = text::Extract(input.bytes, input.file_name, limits);
  if (!extracted) {
    return engine::Fail(extracted.error().code, extracted.error().message, extracted.error().where);
  }
  if (extracted->source.size() > options_.max_text_bytes * 4) {
    return engine::Fail(engine::ErrorCode::kTooLarge,
                        "the file holds more text than the checker takes at once (" +
                            std::to_string(options_.max_text_bytes * 4) + " bytes)");
  }
  text::AnalysisOptions analysis_options;
  analysis_options.lang = input.lang;
  std::unique_ptr<text::Analyser> analyser = Acquire();
  if (analyser == nullptr) {
    return engine::Fail(engine::ErrorCode::kInternal, "the analyser's data could not be loaded");
  }
  // The text rules, as `plainsight text` runs them (rules/text/).
  auto analysis = analyser->Analyse(*extracted, rules::AllRules(), analysis_options);
  Release(std::move(analyser));
  if (!analysis) {
    return engine::Fail(analysis.error().code, analysis.error().message);
  }
  return CheckResult{std::move(*extracted), std::move(*analysis)};
}

std::string RenderResults(const CheckResult& result) {
  const text::TextAnalysis& a = result.analysis;
  std::string out =
      "<section class=\"results\" id=\"results\" aria-labelledby=\"results-heading\">\n"
      "<h2 id=\"results-heading\" tabindex=\"-1\">Results</h2>\n";
  out += RenderScores(a);
  out +=
      "<h3>Your text with the findings marked</h3>\n"
      "<div class=\"stepper\" id=\"stepper\" hidden>\n"
      "<button type=\"button\" id=\"previous-finding\">Previous finding</button>\n"
      "<button type=\"button\" id=\"next-finding\">Next finding</button>\n"
      "<p class=\"hint\">Keys: n for the next finding, p for the previous one.</p>\n"
      "<p id=\"step-status\" role=\"status\"></p>\n</div>\n";
  std::vector<bool> marked;
  out += RenderMarkedText(result.text, a, marked);
  out += "<h3>Findings</h3>\n";
  out += RenderFindingList(a, marked);
  return out + "</section>\n";
}

std::string RenderCheckerPage(const CheckInput& input, const CheckResult* result,
                              std::string_view error) {
  std::string main =
      "<h1>Check a draft for plain language</h1>\n"
      "<p>Paste your text or upload a document. You get scores explained in plain words, and "
      "your text with each finding marked, why it matters and a plainer alternative.</p>\n";
  if (!error.empty()) {
    main +=
        "<div class=\"error-summary\" role=\"alert\"><h2>The text could not be checked</h2>\n"
        "<p>" +
        Escape(error) + "</p></div>\n";
  }
  main += RenderForm(input);
  main += "<p id=\"check-status\" role=\"status\" class=\"hint\"></p>\n";
  if (result != nullptr) {
    main += RenderResults(*result);
  }
  return RenderPage(result != nullptr ? "Results of the draft check" : "Draft checker",
                    Section::kChecker, main);
}

void InstallCheckerRoutes(httplib::Server& server, Checker& checker) {
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    SendHtml(res, 200, RenderCheckerPage({}, nullptr, ""));
  });
  server.Get("/check",
             [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/", 303); });
  // The form. With partial=1 (the script's re-check) only the results section is sent back.
  server.Post("/check", [&checker](const httplib::Request& req, httplib::Response& res) {
    CheckInput input = InputFromForm(req);
    bool partial = req.has_param("partial") || (IsMultipart(req) && req.has_file("partial"));
    if (input.bytes.empty()) {
      std::string message = "There was no text to check: paste some text or choose a file.";
      SendHtml(res, 400,
               partial ? "<p role=\"alert\">" + message + "</p>"
                       : RenderCheckerPage(input, nullptr, message));
      return;
    }
    auto result = checker.Check(input);
    if (!result) {
      std::string message = result.error().message;
      SendHtml(res, StatusFor(result.error()),
               partial ? "<p role=\"alert\">" + Escape(message) + "</p>"
                       : RenderCheckerPage(input, nullptr, message));
      return;
    }
    SendHtml(res, 200, partial ? RenderResults(*result) : RenderCheckerPage(input, &*result, ""));
  });
  // The API: {"text", "lang"} as JSON, a multipart upload (file or text, and lang), or the text
  // itself as text/plain (with ?lang=).
  server.Post("/api/text", [&checker](const httplib::Request& req, httplib::Response& res) {
    std::string type = req.get_header_value("Content-Type");
    CheckInput input;
    if (type.rfind("application/json", 0) == 0) {
      nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object() || !body.contains("text") ||
          !body["text"].is_string()) {
        JsonError(res, 400, R"(expected a JSON object with a "text" string (and "lang"))");
        return;
      }
      input.bytes = body["text"].get<std::string>();
      if (body.contains("lang")) {
        if (!body["lang"].is_string()) {
          JsonError(res, 400, R"("lang" must be a string such as "en")");
          return;
        }
        input.lang = body["lang"].get<std::string>();
      }
    } else if (IsMultipart(req)) {
      input = InputFromForm(req);
    } else if (type.rfind("text/plain", 0) == 0) {
      input.bytes = req.body;
      input.lang = req.get_param_value("lang");
    } else {
      JsonError(res, 415,
                "send application/json {\"text\", \"lang\"}, multipart/form-data with a file "
                "or text/plain");
      return;
    }
    if (input.bytes.empty()) {
      JsonError(res, 400, "there is no text to check");
      return;
    }
    auto result = checker.Check(input);
    if (!result) {
      JsonError(res, StatusFor(result.error()), result.error().message);
      return;
    }
    res.set_content(text::AnalysisToJson(result->analysis, false)
                            .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                        "\n",
                    "application/json");
  });
}

}  // namespace plainsight::cli::serve
