// html.link-document-format: links to documents and media files say the format and size. WCAG
// 2.2 SC 2.4.4 Link Purpose (In Context) (A); EN 301 549 9.2.4.4; technique G197 and the UK
// and Irish government guidance on linking to files: people need to know a link opens a PDF or
// a spreadsheet, in which program, and how big it is, before they follow it.
// Interpretation: targets are HTML a and area elements with an href, rendered, in the
// accessibility tree and exposed as links, whose URL path ends in a document, archive, audio
// or video extension (pdf, doc, docx, odt, rtf, xls, xlsx, ods, csv, ppt, pptx, odp, zip, mp3,
// wav, ogg, m4a, mp4, mov, avi, webm, wmv). The link's name, description, title and the block it
// stands in (links::TextWithContext) are read:
//  - no word naming the format (the extension, or PDF, Word, Excel, PowerPoint, OpenDocument,
//    spreadsheet, audio, video...): failed as a warning;
//  - a format but no size (a number with KB, MB, GB or bytes): a person decides (cantTell);
//  - an audio or video file, with format and size, but no mention of a transcript: cantTell
//    (WCAG 1.2.1 asks for a transcript of prerecorded audio and video-only media);
//  - otherwise passed.
#include <string>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

struct FileKind {
  std::string_view extension;
  std::string_view words[4];  // other words that name the format
  bool media;
};

constexpr FileKind kKinds[] = {
    {"pdf", {"pdf", "acrobat"}, false},
    {"doc", {"word", "document"}, false},
    {"docx", {"word", "document"}, false},
    {"odt", {"opendocument", "odf", "document"}, false},
    {"rtf", {"rich text", "document"}, false},
    {"xls", {"excel", "spreadsheet"}, false},
    {"xlsx", {"excel", "spreadsheet"}, false},
    {"ods", {"opendocument", "odf", "spreadsheet"}, false},
    {"csv", {"spreadsheet", "comma"}, false},
    {"ppt", {"powerpoint", "presentation", "slides"}, false},
    {"pptx", {"powerpoint", "presentation", "slides"}, false},
    {"odp", {"opendocument", "odf", "presentation"}, false},
    {"zip", {"archive", "compressed"}, false},
    {"mp3", {"audio", "podcast", "sound"}, true},
    {"wav", {"audio", "sound"}, true},
    {"ogg", {"audio", "sound"}, true},
    {"m4a", {"audio", "podcast"}, true},
    {"mp4", {"video", "film"}, true},
    {"mov", {"video", "quicktime"}, true},
    {"avi", {"video"}, true},
    {"webm", {"video"}, true},
    {"wmv", {"video", "windows media"}, true},
};

const FileKind* KindOfUrl(std::string_view href) {
  const std::string file = engine::AsciiLower(UrlFileName(href));
  const size_t dot = file.rfind('.');
  if (dot == std::string::npos) {
    return nullptr;
  }
  const std::string_view ext = std::string_view(file).substr(dot + 1);
  for (const FileKind& k : kKinds) {
    if (k.extension == ext) {
      return &k;
    }
  }
  return nullptr;
}

bool NamesFormat(const std::string& text, const FileKind& kind) {
  if (links::HasWord(text, kind.extension)) {
    return true;
  }
  for (std::string_view w : kind.words) {
    if (!w.empty() && links::HasWord(text, w)) {
      return true;
    }
  }
  return false;
}

// A number followed by a size unit: "2 MB", "350KB", "1,2 Mo" is not recognised (French units).
bool GivesSize(const std::string& text) {
  const std::string lower = engine::AsciiLower(text);
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower[i] < '0' || lower[i] > '9') {
      continue;
    }
    size_t k = i;
    while (k < lower.size() &&
           ((lower[k] >= '0' && lower[k] <= '9') || lower[k] == '.' || lower[k] == ',')) {
      ++k;
    }
    while (k < lower.size() && lower[k] == ' ') {
      ++k;
    }
    for (std::string_view unit : {"kb", "mb", "gb", "bytes", "kib", "mib", "k)", "m)"}) {
      if (lower.compare(k, unit.size(), unit) == 0 &&
          (k + unit.size() >= lower.size() ||
           !(lower[k + unit.size()] >= 'a' && lower[k + unit.size()] <= 'z'))) {
        return true;
      }
    }
    i = k;
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!links::IsExposedLink(p, e)) {
      return;
    }
    const FileKind* kind = KindOfUrl(e.AttrOr("href"));
    if (kind == nullptr) {
      return;
    }
    const std::string text = links::TextWithContext(p, e);
    const std::string ext = engine::AsciiLower(std::string(kind->extension));
    if (!NamesFormat(text, *kind)) {
      out.Warn(&e, "This link opens a " + ext +
                       " file but does not say so: people do not know it leaves the page for "
                       "another program.");
    } else if (!GivesSize(text)) {
      out.CantTell(&e, "This link opens a " + ext +
                           " file and says so, but not how big it is: check whether the size "
                           "matters to people on slow or paid connections.");
    } else if (kind->media && !links::HasWord(text, "transcript") &&
               !links::HasWord(text, "tras-scríbhinn")) {
      out.CantTell(&e, "This link opens a " + ext +
                           " file: check that a transcript (or captions) is offered with it.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"2.4.4"};
constexpr std::string_view kEn[] = {"9.2.4.4"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/docs/plan.pdf">County Development Plan (PDF, 2.4 MB)</a>)",
    R"(<li><a href="/fees.xlsx">Fees 2024</a> (Excel spreadsheet, 80KB)</li>)",
};
constexpr std::string_view kFails[] = {
    R"(<a href="/docs/plan.pdf">County Development Plan</a>)",
    R"(<a href="/minutes/March.DOCX?v=2">March minutes</a>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<a href="/docs/plan.pdf">County Development Plan (PDF)</a>)",
    R"(<a href="/talk.mp3">Council meeting, audio (MP3, 40 MB)</a>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/plan.html">County Development Plan</a>)",
    R"(<a href="/plan.pdf" style="display:none">Plan</a>)",
};

}  // namespace

extern const engine::Rule kHtmlLinkDocumentFormat{
    .id = "html.link-document-format",
    .summary = "Links to documents and media files give the format and size",
    .why =
        "A link that opens a PDF, a spreadsheet or a video surprises people: it may start a "
        "download, open another program that is hard to use with a screen reader, or cost a "
        "lot on a slow or paid connection.",
    .help =
        "Say the format and size in the link text or just after it: \"Annual report (PDF, "
        "2 MB)\". Offer an HTML version where you can, and a transcript for audio and video.",
    .limits =
        "The file is not fetched, so its real format and size are not checked; only the URL's "
        "extension is read (a download page without one is not seen). Whether a transcript "
        "exists elsewhere on the page is for a person.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kLinks};

}  // namespace plainsight::rules
