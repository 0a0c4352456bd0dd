// `plainsight text`: reads a file (or stdin), extracts its text, runs the plain-language
// analyser and prints findings like a linter, as JSON or as an accessible HTML page.
// Exit status: 0 thresholds met, 1 a threshold missed, 2 bad input or usage (issue 3 item 6).
#include "cli/text_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/block_text_html.h"
#include "engine/terminal_text.h"
#include "engine/text/analyser.h"
#include "engine/text/analysis_json.h"
#include "engine/text/extract.h"
#include "rules/catalog.h"

namespace plainsight::cli {

namespace {

namespace text = plainsight::engine::text;

constexpr const char* kUsage =
    "usage: plainsight text FILE|- [options]\n"
    "  --lang L                   language of the text (BCP 47), overriding the declared one\n"
    "  --format text|json|html    output format (default text)\n"
    "  --detail                   JSON: add every sentence with its words and syllables\n"
    "  --max-sentence-words N     warn about sentences over N words (default 25)\n"
    "  --error-sentence-words N   error for sentences over N words (default 35)\n"
    "  --max-paragraph-words N    warn about paragraphs over N words (default 150)\n"
    "  --wordlist FILE            add a phrase list (phrase<TAB>plainer phrase); repeatable\n"
    "  --words FILE               words the spelling check accepts (names, local terms), one\n"
    "                             per line; repeatable\n"
    "  --no-spelling              skip the Hunspell spelling check\n"
    "  --data-dir DIR             word lists and syllable table (default: corpora/text)\n"
    "  --fail-on error|warning|never  exit 1 when a finding this severe is found (default error)\n"
    "  --min-reading-ease X       exit 1 when Flesch reading ease is below X\n"
    "  --max-grade X              exit 1 when the Flesch-Kincaid grade is above X\n"
    "  --max-lix X                exit 1 when LIX is above X\n"
    "  --max-bytes N              refuse larger input (default 256 MiB)\n";

struct Options {
  std::string file;
  std::string format = "text";
  bool detail = false;
  std::string fail_on = "error";
  std::optional<double> min_reading_ease;
  std::optional<double> max_grade;
  std::optional<double> max_lix;
  text::AnalysisOptions analysis;
  text::AnalyserConfig config;
  text::ExtractLimits limits;
};

bool ParseUnsigned(const std::string& s, uint64_t& out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) {
    return false;
  }
  out = std::stoull(s);
  return true;
}

bool ParseNumber(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size() && std::isfinite(out);
}

// Returns an error message, or "" when the arguments are good.
std::string ParseArgs(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= argc) {
        return false;
      }
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--detail") {
      o.detail = true;
      o.analysis.detail = true;
    } else if (a == "--no-spelling") {
      o.analysis.spelling = false;
    } else if (a == "--help" || a == "-h") {
      return "help";
    } else if (a == "--lang" || a == "--format" || a == "--wordlist" || a == "--words" ||
               a == "--data-dir" || a == "--fail-on" || a == "--max-sentence-words" ||
               a == "--error-sentence-words" || a == "--max-paragraph-words" ||
               a == "--min-reading-ease" || a == "--max-grade" || a == "--max-lix" ||
               a == "--max-bytes") {
      if (!value(v)) {
        return a + " needs a value";
      }
      uint64_t n = 0;
      double x = 0;
      if (a == "--lang") {
        if (!text::IsKnownLanguage(v)) {
          return "unknown language '" + engine::TerminalSafe(v) +
                 "' for --lang: give a language code (ISO 639, BCP 47) such as en, ga, de, es, "
                 "fr, it, nl, pl or zh. Readability formulas: en, de, es, fr, it, nl; LIX and "
                 "sentence and word length: the other alphabetic languages; characters per "
                 "sentence: zh, ja, ko, th, lo, km, my";
        }
        o.analysis.lang = v;
      } else if (a == "--format") {
        if (v != "text" && v != "json" && v != "html") {
          return "--format must be text, json or html";
        }
        o.format = v;
      } else if (a == "--wordlist") {
        o.config.extra_wordlists.push_back(v);
      } else if (a == "--words") {
        o.config.accepted_words.push_back(v);
      } else if (a == "--data-dir") {
        o.config.data_dir = v;
      } else if (a == "--fail-on") {
        if (v != "error" && v != "warning" && v != "never") {
          return "--fail-on must be error, warning or never";
        }
        o.fail_on = v;
      } else if (a == "--max-bytes") {
        if (!ParseUnsigned(v, n) || n == 0) {
          return a + " needs a positive whole number";
        }
        o.limits.max_input_bytes = n;
      } else if (a == "--min-reading-ease" || a == "--max-grade" || a == "--max-lix") {
        if (!ParseNumber(v, x)) {
          return a + " needs a number";
        }
        (a == "--min-reading-ease" ? o.min_reading_ease
         : a == "--max-grade"      ? o.max_grade
                                   : o.max_lix) = x;
      } else {
        if (!ParseUnsigned(v, n) || n == 0 || n > 100000) {
          return a + " needs a whole number from 1 to 100000";
        }
        // The text rules' options (docs/rules.md).
        const char* option = a == "--max-sentence-words"     ? "text.sentence-length.max_words"
                             : a == "--error-sentence-words" ? "text.sentence-length.error_words"
                                                             : "text.paragraph-length.max_words";
        o.analysis.rule_options[option] = static_cast<double>(n);
      }
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return "unknown option " + a;
    } else if (o.file.empty()) {
      o.file = a;
    } else {
      return "only one FILE may be given";
    }
  }
  if (o.file.empty()) {
    return "missing FILE (use - for standard input)";
  }
  return "";
}

// Reads at most limit + 1 bytes so that a huge file or endless stdin is refused, not slurped.
engine::Result<std::string> ReadInput(const std::string& file, size_t limit) {
  std::string data;
  std::FILE* f = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
  if (f == nullptr) {
    return engine::Fail(engine::ErrorCode::kNotFound, "cannot open " + file);
  }
  char buffer[1 << 16];
  while (true) {
    size_t n = std::fread(buffer, 1, sizeof buffer, f);
    if (n == 0) {
      break;
    }
    if (data.size() + n > limit) {
      if (f != stdin) {
        std::fclose(f);
      }
      return engine::Fail(
          engine::ErrorCode::kTooLarge,
          "input is over the limit of " + std::to_string(limit) + " bytes (see --max-bytes)");
    }
    data.append(buffer, n);
  }
  bool failed = std::ferror(f) != 0;
  if (f != stdin) {
    std::fclose(f);
  }
  if (failed) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot read " + file + " (is it a directory?)");
  }
  return data;
}

std::string Fixed(double v, int digits = 1) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string GradeInWords(double grade) {
  if (grade <= 6) {
    return "readable by most 11-12 year olds";
  }
  if (grade <= 9) {
    return "readable by most 14-15 year olds";
  }
  if (grade <= 12) {
    return "needs a school-leaver's reading level";
  }
  return "needs a university reading level";
}

void PrintText(const std::string& file_name, const text::TextAnalysis& a, std::ostream& out) {
  // Messages quote the text, which may hold terminal control sequences: escaped, as are the file
  // name and the language (see engine/terminal_text.h).
  using engine::TerminalSafe;
  const std::string name = TerminalSafe(file_name);
  for (const text::TextFinding& f : a.findings) {
    // The issue's format, file:line:col kind: message -> suggestion, then the severity.
    out << name << ":" << f.line << ":" << f.column << " " << f.kind << ": "
        << TerminalSafe(f.message);
    if (!f.suggestion.empty()) {
      out << " -> " << TerminalSafe(f.suggestion);
    }
    out << " [" << text::SeverityName(f.severity) << "]\n";
  }
  if (a.findings_dropped > 0) {
    out << name << ": " << a.findings_dropped << " more findings not shown\n";
  }
  const text::Metrics& m = a.metrics;
  out << "\nSummary (" << TerminalSafe(a.lang) << "): " << m.counts.words
      << (m.counts.words == 1 ? " word in " : " words in ") << m.counts.sentences
      << (m.counts.sentences == 1 ? " sentence" : " sentences");
  if (m.average_sentence_length) {
    out << ", " << Fixed(*m.average_sentence_length) << " words per sentence on average"
        << (*m.average_sentence_length > 20 ? " (aim for 15 to 20)" : " (good: under 20)");
  }
  out << ".\n";
  for (const std::string& note : text::SummaryNotes(m)) {
    out << "  " << note << "\n";
  }
  if (m.flesch_reading_ease && a.lang == "en") {
    out << "  Flesch reading ease " << Fixed(*m.flesch_reading_ease)
        << " of 100: " << text::DescribeFlesch(*m.flesch_reading_ease)
        << ". Higher is easier; aim for 60+.\n";
  }
  if (m.flesch_kincaid_grade && a.lang == "en") {
    out << "  Flesch-Kincaid grade " << Fixed(*m.flesch_kincaid_grade) << ": "
        << GradeInWords(*m.flesch_kincaid_grade) << ".\n";
  }
  if (m.lix) {
    out << "  LIX " << Fixed(*m.lix) << ": " << text::DescribeLix(*m.lix) << ".\n";
  }
  if (m.average_word_length) {
    out << "  Words average " << Fixed(*m.average_word_length) << " letters.\n";
  }
  auto own = [&](const char* label, const std::optional<double>& v, const char* reading) {
    if (v) {
      out << "  " << label << " " << Fixed(*v) << " (" << reading << ").\n";
    }
  };
  own("Amstad (German Flesch)", m.amstad, "0-100, higher is easier");
  own("Wiener Sachtextformel", m.wiener_sachtextformel, "school grade 4-15, lower is easier");
  own("Fernandez-Huerta", m.fernandez_huerta, "0-100, higher is easier");
  own("Kandel-Moles", m.kandel_moles, "0-100, higher is easier");
  own("Gulpease", m.gulpease, "0-100, higher is easier; under 60 is hard for most readers");
  own("Douma", m.douma, "0-100, higher is easier");
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  for (const text::TextFinding& f : a.findings) {
    (f.severity == text::Severity::kError     ? errors
     : f.severity == text::Severity::kWarning ? warnings
                                              : infos)++;
  }
  auto count = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  out << "  " << count(errors, "error", "errors") << ", " << count(warnings, "warning", "warnings")
      << ", " << count(infos, "note", "notes") << ".\n";
  for (const std::string& note : a.notes) {
    out << "  Note: " << TerminalSafe(note) << ".\n";
  }
}

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
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
      default:
        out.push_back(c);
    }
  }
  return out;
}

// The extracted text with findings highlighted: each finding is a <mark> with a numbered link
// to its entry in the list, and the list links back, so keyboard users tab between them and
// screen readers hear the finding's kind and message.
void PrintHtml(const std::string& name, const text::ExtractedText& input,
               const text::TextAnalysis& a, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Plain-language report: "
      << Escape(name)
      << "</title>\n<style>\n"
         "body{font:1.05rem/1.6 system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem;"
         "color:#111;background:#fff}\n"
         "mark{background:#fff3b0;color:inherit;border-bottom:2px solid #b58900}\n"
         "mark.error{background:#ffd7d7;border-color:#b00020}\n"
         ".long-sentence{text-decoration:underline dotted #b00020}\n"
         "a.ref{font-size:.75em;vertical-align:super}\n"
         "a:focus{outline:3px solid #1d70b8;outline-offset:2px}\n"
         ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
         "clip:rect(0 0 0 0);white-space:nowrap}\n"
         "</style>\n</head>\n<body>\n<header><h1>Plain-language report</h1>\n<p>"
      << Escape(name) << "</p></header>\n<main>\n";
  const text::Metrics& m = a.metrics;
  out << "<h2>Summary</h2>\n<ul>\n<li>" << m.counts.words
      << (m.counts.words == 1 ? " word in " : " words in ") << m.counts.sentences
      << (m.counts.sentences == 1 ? " sentence" : " sentences");
  if (m.average_sentence_length) {
    out << ", " << Fixed(*m.average_sentence_length) << " words per sentence on average";
  }
  out << ".</li>\n";
  for (const std::string& note : text::SummaryNotes(m)) {
    out << "<li>" << Escape(note) << "</li>\n";
  }
  if (m.flesch_reading_ease) {
    out << "<li>Flesch reading ease " << Fixed(*m.flesch_reading_ease) << ": "
        << Escape(text::DescribeFlesch(*m.flesch_reading_ease)) << ".</li>\n";
  }
  if (m.lix) {
    out << "<li>LIX " << Fixed(*m.lix) << ": " << Escape(text::DescribeLix(*m.lix)) << ".</li>\n";
  }
  out << "<li>" << a.findings.size() << (a.findings.size() == 1 ? " finding" : " findings")
      << ".</li>\n</ul>\n";

  // The text's own language (the report around it is in English), so that a screen reader
  // reads an Irish text with an Irish voice (WCAG 3.1.2); blocks in another language say theirs.
  out << "<h2>Text</h2>\n<div class=\"text\" lang=\"" << Escape(a.lang) << "\">\n";
  // Group findings by block; sentence-long spans are underlined, shorter ones marked.
  std::vector<std::vector<size_t>> by_block(input.blocks.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const text::TextFinding& f = a.findings[i];
    if (f.block < by_block.size() && f.kind != "long-paragraph" && f.kind != "language-mismatch") {
      by_block[f.block].push_back(i);
    }
  }
  for (size_t b = 0; b < input.blocks.size(); ++b) {
    const text::TextBlock& block = input.blocks[b];
    const char* tag = block.kind == text::BlockKind::kHeading    ? "h3"
                      : block.kind == text::BlockKind::kListItem ? "p class=\"item\""
                                                                 : "p";
    out << "<" << tag;
    if (!block.lang.empty() && block.lang != a.lang) {
      out << " lang=\"" << Escape(block.lang) << "\"";
    }
    out << ">";
    std::vector<size_t>& list = by_block[b];
    std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
      const auto& fx = a.findings[x];
      const auto& fy = a.findings[y];
      return fx.block_start != fy.block_start ? fx.block_start < fy.block_start
                                              : fx.block_end > fy.block_end;
    });
    // Render properly nested spans only; a finding that overlaps another partially is listed
    // below but not highlighted.
    std::vector<size_t> open;
    size_t pos = 0;
    auto close_until = [&](size_t limit) {
      while (!open.empty() && a.findings[open.back()].block_end <= limit) {
        const auto& f = a.findings[open.back()];
        out << BlockTextHtml(input, block, pos, f.block_end);
        pos = f.block_end;
        out << (f.kind == "long-sentence" ? "</span>" : "</mark>");
        out << R"(<a class="ref" id="r)" << open.back() + 1 << "\" href=\"#f" << open.back() + 1
            << "\" aria-label=\"finding " << open.back() + 1 << ": " << Escape(f.kind) << "\">["
            << open.back() + 1 << "]</a>";
        open.pop_back();
      }
    };
    for (size_t idx : list) {
      const auto& f = a.findings[idx];
      close_until(f.block_start);
      if (!open.empty() && f.block_end > a.findings[open.back()].block_end) {
        continue;  // partial overlap
      }
      out << BlockTextHtml(input, block, pos, f.block_start);
      pos = f.block_start;
      if (f.kind == "long-sentence") {
        out << "<span class=\"long-sentence\">";
      } else {
        out << "<mark" << (f.severity == text::Severity::kError ? " class=\"error\"" : "")
            << "><span class=\"visually-hidden\">" << Escape(f.kind) << ": </span>";
      }
      open.push_back(idx);
    }
    close_until(block.text.size());
    out << BlockTextHtml(input, block, pos, block.text.size());
    std::string close_tag(tag);
    close_tag = close_tag.substr(0, close_tag.find(' '));
    out << "</" << close_tag << ">\n";
  }
  out << "</div>\n<h2>Findings</h2>\n<ol>\n";
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const auto& f = a.findings[i];
    out << "<li id=\"f" << i + 1 << "\"><a href=\"#r" << i + 1 << "\">line " << f.line
        << ", column " << f.column << "</a>: <strong>" << Escape(f.kind) << "</strong> ("
        << text::SeverityName(f.severity) << "): " << Escape(f.message);
    if (!f.suggestion.empty()) {
      out << " Suggestion: " << Escape(f.suggestion);
    }
    out << "</li>\n";
  }
  out << "</ol>\n</main>\n</body>\n</html>\n";
}

}  // namespace

int RunTextCommand(int argc, char** argv, bool exit_when_done) {
  Options o;
  std::string problem = ParseArgs(argc, argv, o);
  if (problem == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (!problem.empty()) {
    std::cerr << "plainsight text: " << problem << "\n" << kUsage;
    return 2;
  }
  auto bytes = ReadInput(o.file, o.limits.max_input_bytes);
  if (!bytes) {
    std::cerr << "plainsight text: " << bytes.error().ToString() << "\n";
    return 2;
  }
  std::string name = o.file == "-" ? "<stdin>" : o.file;
  auto extracted = text::Extract(*bytes, o.file == "-" ? "" : o.file, o.limits);
  if (!extracted) {
    engine::Error e = extracted.error();
    std::cerr << "plainsight text: "
              << engine::TerminalSafe(name + (e.where.empty() ? "" : ":" + e.where) + ": " +
                                      e.message)
              << "\n";
    return 2;
  }
  auto analyser = text::Analyser::Create(o.config);
  if (!analyser) {
    std::cerr << "plainsight text: " << analyser.error().ToString() << "\n";
    return 2;
  }
  auto analysis = (*analyser)->Analyse(*extracted, rules::AllRules(), o.analysis);
  if (!analysis) {
    std::cerr << "plainsight text: " << analysis.error().ToString() << "\n";
    return 2;
  }
  const text::TextAnalysis& a = *analysis;
  if (o.format == "json") {
    std::cout << text::AnalysisToJson(a, o.detail)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (o.format == "html") {
    PrintHtml(name, *extracted, a, std::cout);
  } else {
    PrintText(name, a, std::cout);
  }
  bool missed = false;
  for (const text::TextFinding& f : a.findings) {
    if ((o.fail_on == "error" && f.severity == text::Severity::kError) ||
        (o.fail_on == "warning" && f.severity != text::Severity::kInfo)) {
      missed = true;
    }
  }
  const text::Metrics& m = a.metrics;
  // A threshold on a score the text is too short for is not checked: say so, on stderr (stdout
  // may be JSON).
  auto unchecked = [&](const std::optional<double>& limit, std::string_view score,
                       std::string_view flag) {
    if (limit &&
        std::find(m.too_short_for.begin(), m.too_short_for.end(), score) != m.too_short_for.end()) {
      std::cerr << "plainsight text: " << flag << " not checked: " << m.score_notes.front() << "\n";
    }
  };
  unchecked(o.min_reading_ease, "flesch_reading_ease", "--min-reading-ease");
  unchecked(o.max_grade, "flesch_kincaid_grade", "--max-grade");
  unchecked(o.max_lix, "lix", "--max-lix");
  if (o.min_reading_ease && m.flesch_reading_ease && *m.flesch_reading_ease < *o.min_reading_ease) {
    missed = true;
  }
  if (o.max_grade && m.flesch_kincaid_grade && *m.flesch_kincaid_grade > *o.max_grade) {
    missed = true;
  }
  if (o.max_lix && m.lix && *m.lix > *o.max_lix) {
    missed = true;
  }
  const int status = missed ? 1 : 0;
  if (exit_when_done) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(std::cout.fail() ? 2 : status);
  }
  return status;
}

}  // namespace plainsight::cli
