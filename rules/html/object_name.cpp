// html.object-name: <object> elements that show an image, audio or video have an accessible
// name. WCAG 2.2 SC 1.1.1 Non-text Content; EN 301 549 9.1.1.1; ACT 8fc3b6 (Object element
// rendering non-text content has non-empty accessible name).
// Interpretation: the kind of content comes from the type attribute (a MIME type), else from the
// extension of the data URL. image/*, audio/* and video/* (or .png, .mp3, .mp4...) are non-text
// content and the rule applies; HTML, text and PDF documents are not (ACT: inapplicable). When
// neither tells, an unnamed object is cantTell: a person must look at what it shows. Objects with
// an explicit role are left to the rules for that role. Fallback content inside the <object> is
// not its name.
#include <array>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kAct[] = {"8fc3b6"};
constexpr std::string_view kPasses[] = {
    R"(<object title="Mayor's new year message" data="message.mp4"></object>)",
    R"(<span id="l">Council logo</span><object aria-labelledby="l" data="logo.png"></object>)",
};
constexpr std::string_view kFails[] = {
    R"(<object data="message.mp3"></object>)",
    R"(<object type="image/png" data="logo"><img src="logo.png" alt="Council logo"></object>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<object title="Annual report" data="report.html"></object>)",
    R"(<object role="img" title="Logo" data="logo.png"></object>)",
    R"(<object data="message.mp3" style="display: none"></object>)",
};

enum class ContentKind { kNonText, kText, kUnknown };

ContentKind KindFromMime(std::string_view mime) {
  std::string m = engine::AsciiLower(engine::TrimWhitespace(mime.substr(0, mime.find(';'))));
  if (m.rfind("image/", 0) == 0 || m.rfind("audio/", 0) == 0 || m.rfind("video/", 0) == 0) {
    return ContentKind::kNonText;
  }
  if (m.rfind("text/", 0) == 0 || m == "application/xhtml+xml" || m == "application/pdf" ||
      m == "application/xml") {
    return ContentKind::kText;
  }
  return ContentKind::kUnknown;
}

ContentKind KindFromUrl(std::string_view url) {
  std::string file = engine::AsciiLower(UrlFileName(url));
  size_t dot = file.rfind('.');
  if (dot == std::string::npos) {
    return ContentKind::kUnknown;
  }
  std::string_view ext = std::string_view(file).substr(dot + 1);
  static constexpr std::array<std::string_view, 27> kMedia = {
      "png",  "jpg",  "jpeg", "gif", "svg",  "webp", "bmp", "avif", "ico",
      "tif",  "tiff", "apng", "mp3", "wav",  "ogg",  "oga", "m4a",  "aac",
      "flac", "opus", "weba", "mp4", "webm", "ogv",  "mov", "m4v",  "mkv"};
  static constexpr std::array<std::string_view, 11> kDocuments = {
      "html", "htm", "xhtml", "php", "asp", "aspx", "jsp", "txt", "pdf", "xml", "shtml"};
  for (std::string_view m : kMedia) {
    if (ext == m) {
      return ContentKind::kNonText;
    }
  }
  for (std::string_view d : kDocuments) {
    if (ext == d) {
      return ContentKind::kText;
    }
  }
  return ContentKind::kUnknown;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("object") || !p.a11y().ExplicitRole(e).empty() || p.a11y().IsHidden(e)) {
      return;
    }
    ContentKind kind = ContentKind::kUnknown;
    if (const std::string* type = e.Attr("type"); type != nullptr && !type->empty()) {
      kind = KindFromMime(*type);
    }
    if (kind == ContentKind::kUnknown) {
      kind = KindFromUrl(e.AttrOr("data"));
    }
    if (kind == ContentKind::kText) {
      return;
    }
    bool named = !NameOf(p, e).empty();
    if (named) {
      out.Pass(&e);
    } else if (kind == ContentKind::kNonText) {
      out.Fail(&e,
               "This <object> shows an image, audio or video but has no accessible name: add a "
               "title or aria-label that says what it is.");
    } else {
      out.CantTell(&e,
                   "This <object> has no accessible name, and its content type is not known from "
                   "the markup: if it shows an image, audio or video, it needs a title or "
                   "aria-label.");
    }
  });
}

constexpr std::string_view kTargetTags[] = {"object"};

}  // namespace

extern const engine::Rule kHtmlObjectName{
    .id = "html.object-name",
    .summary = "Embedded images, audio and video in <object> have a name",
    .why =
        "Screen readers announce an <object> by its name. Without one, people know only that "
        "something is embedded, not whether it is a logo, a speech or a video.",
    .help =
        "Add a title or aria-label to the <object> that says what it is (\"Mayor's new year "
        "message, video\"). Better still, use <img>, <audio> or <video> for such content.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
