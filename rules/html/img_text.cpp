// html.img-text: images of text are avoided. WCAG 2.2 SC 1.4.5 Images of Text (AA); EN 301 549
// 9.1.4.5; technique G140 and C22. Whether an image shows text, and whether that text could
// have been real text, needs a person; the rule asks only where the image says so itself.
// Interpretation: targets are rendered HTML img elements and input type=image. One whose file
// name has a word naming text ("text", "heading", "title", "banner", "button", "quote",
// "slogan") or whose alt says it is text ("image of text", "text reads", "which reads") is
// cantTell; a logo (the file name or alt says "logo": logotypes are exempt) passes. Other
// images are inapplicable.
#include <string>
#include <vector>

#include "engine/ascii.h"
#include "rules/catalog.h"
#include "rules/html/image_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

std::vector<std::string> NameWords(std::string_view file) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  };
  for (size_t i = 0; i < file.size(); ++i) {
    const char c = file[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // camelCase: a capital after a lower-case letter starts a word ("headerText.png").
    if (alpha && c >= 'A' && c <= 'Z' && i > 0 && file[i - 1] >= 'a' && file[i - 1] <= 'z') {
      flush();
    }
    if (alpha) {
      word.push_back(engine::AsciiLowerChar(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool NameSaysText(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    for (std::string_view cue :
         {"text", "txt", "heading", "headline", "title", "banner", "button", "btn", "quote",
          "slogan", "tagline", "wordart", "caption", "lettering"}) {
      if (w == cue) {
        return true;
      }
    }
  }
  return false;
}

bool AltSaysText(const std::string& alt) {
  for (std::string_view cue :
       {"image of text", "picture of text", "text image", "text reads", "which reads", "that reads",
        "text that says", "the text says", "graphic text", "text graphic"}) {
    if (alt.find(cue) != std::string::npos) {
      return true;
    }
  }
  return alt.rfind("text:", 0) == 0;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!images::IsRenderedImageOrImageInput(p, e)) {
      return;
    }
    const std::vector<std::string> words = NameWords(UrlFileName(e.AttrOr("src")));
    const std::string alt = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("alt")));
    bool logo = alt.find("logo") != std::string::npos;
    for (const std::string& w : words) {
      logo = logo || w == "logo" || w == "logotype" || w == "wordmark";
    }
    if (!NameSaysText(words) && !AltSaysText(alt)) {
      return;
    }
    if (logo) {
      out.Pass(&e, "A logo: text that is part of a logo is allowed as an image.");
      return;
    }
    out.CantTell(&e,
                 "This image may be an image of text (its name or alt says so): if it shows "
                 "words, use real text styled with CSS instead.");
  });
}

constexpr std::string_view kWcag[] = {"1.4.5"};
constexpr std::string_view kEn[] = {"9.1.4.5"};
constexpr std::string_view kTechniques[] = {"G140", "C22"};
constexpr std::string_view kPasses[] = {
    R"(<img src="/img/council-logo-text.png" alt="Wicklow County Council">)"};
constexpr std::string_view kCantTell[] = {
    R"(<img src="/img/welcome-banner.png" alt="Welcome to the county council">)",
    R"(<img src="/img/q.png" alt="Text reads: apply before 31 May">)",
    R"(<img src="/img/applyButtonText.gif" alt="Apply">)"};
constexpr std::string_view kInapplicable[] = {
    R"(<img src="/img/river.jpg" alt="The river Liffey">)", R"(<p>No images</p>)"};

}  // namespace

extern const engine::Rule kHtmlImgText{
    .id = "html.img-text",
    .summary = "Text is real text, not an image of text",
    .why =
        "Text in an image blurs when zoomed, cannot be restyled by people who need larger text "
        "or other colours, and is not found by search or translation tools.",
    .help =
        "Use real text styled with CSS. Keep images of text for logos, and give them alt text "
        "with the same words.",
    .limits =
        "The image is not looked at: only images whose file name or alt says they hold text are "
        "asked about, so most images of text are not found.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kNotice,
    .check = &Check,
    .passes = kPasses,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AA",
    .techniques = kTechniques,
    .target_tags = targets::kImagesAndInputs};

}  // namespace plainsight::rules
