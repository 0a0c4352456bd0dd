// html.image-name-descriptive: an image's accessible name describes it. WCAG 2.2 SC 1.1.1
// Non-text Content; EN 301 549 9.1.1.1; ACT qt1vmo (Image accessible name is descriptive).
// Interpretation: targets are rendered images in the accessibility tree with a non-empty name
// that is announced (role img, from <img>, <svg role=img>, or a named <canvas>; not when an
// ancestor named by the author replaces it). Whether the name describes the image is a
// judgement (cantTell), except names that cannot describe any image: placeholders and file
// names ("image", "photo", "spacer", "IMG_0042.JPG", or the image's own file name without its
// extension when it reads like one: "bins-header_2" for bins-header_2.jpg; WCAG failure F30),
// which fail.
#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.1.1"};
constexpr std::string_view kEn[] = {"9.1.1.1"};
constexpr std::string_view kAct[] = {"qt1vmo"};
constexpr std::string_view kFails[] = {
    R"(<img src="/img/bins.jpg" alt="IMG_0042.JPG">)",
    R"(<img src="/img/bins.jpg" alt="photo">)",
    R"(<img src="/img/bins-header_2.jpg?v=3" alt="bins-header_2">)",
    R"(<img src="https://cdn.example.ie/DSC0042.JPG" alt="dsc0042">)",
};
constexpr std::string_view kCantTell[] = {
    R"(<img src="/img/bins.jpg" alt="Green, brown and black wheelie bins">)",
    R"(<img src="/img/dublin.jpg" alt="Dublin">)",
    R"(<img src="/img/route-42.png" alt="Bus route 42">)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<img src="/img/line.png" alt="">)",
    R"(<img src="/img/bins.jpg" alt="Wheelie bins" style="display: none">)",
};

bool IsImage(const engine::Page& p, const engine::Node& e) {
  return p.a11y().Role(e) == "img" || e.IsHtml("canvas");
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!IsImage(p, e) || !IsExposed(p, e) || !IsVisible(p, e) || HasAncestorNamedByAuthor(p, e)) {
      return;
    }
    std::string name = NameOf(p, e);
    if (name.empty()) {
      return;  // html.image-name reports images without a name
    }
    JudgeDescriptive(out, &e,
                     IsPlaceholderImageName(name) || IsSourceFileStem(name, e.AttrOr("src")),
                     "The image's text alternative \"" + name +
                         "\" is a placeholder or file name: describe what the image shows or does.",
                     "Check that \"" + name + "\" describes what this image shows or does.");
  });
}

}  // namespace

extern const engine::Rule kHtmlImageNameDescriptive{
    .id = "html.image-name-descriptive",
    .summary = "Images' text alternatives describe them",
    .why =
        "People who cannot see an image hear its text alternative instead. \"photo\" or a "
        "file name gives them nothing of what the image shows.",
    .help =
        "Write alt text that gives what the image tells a sighted reader (\"Green, brown and "
        "black wheelie bins\"); use alt=\"\" if the image is only decoration.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = {},
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules
