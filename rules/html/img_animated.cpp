// html.img-animated: animated images stop within five seconds. WCAG 2.2 SC 2.2.2 Pause, Stop,
// Hide (A); EN 301 549 9.2.2.2; failure F16 (scrolling or moving content that cannot be
// paused) applied to animated GIF, APNG and WebP files.
// Interpretation: targets are rendered HTML img elements (and input type=image) whose image can
// be read: a data: URL, or a file the caller's loader gives (a local file beside the page, or
// one the crawler fetched within its subresource limits). The file's block structure is read
// (rules/html/support/animation.h): more than one frame, played for more than five seconds in
// all (or looping forever) fails as a warning, since a control on the page that pauses it (a
// script) is not seen; a still image or an animation that stops within five seconds passes.
// A .gif, .png, .apng or .webp file that could not be read is cantTell; other images are
// inapplicable.
#include <cmath>
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/image_support.h"
#include "rules/html/support/animation.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// WCAG 2.2.2: motion that starts automatically and lasts more than five seconds.
constexpr double kMaxSeconds = 5;

bool MayAnimate(std::string_view file) {
  for (std::string_view ext : {".gif", ".png", ".apng", ".webp"}) {
    if (file.size() > ext.size() && file.substr(file.size() - ext.size()) == ext) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> ImageBytes(const engine::Node& e, std::string_view src) {
  if (auto data = animation::DecodeDataUrl(src)) {
    return data;
  }
  const engine::ResourceLoader* loader = e.document().loader();
  if (loader == nullptr) {
    return std::nullopt;
  }
  const std::string url = e.document().ResolveUrl(src);
  if (url.empty()) {
    return std::nullopt;
  }
  auto loaded = (*loader)(url);
  if (!loaded) {
    return std::nullopt;
  }
  return std::move(*loaded);
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!images::IsRenderedImageOrImageInput(p, e)) {
      return;
    }
    const std::string_view src = engine::TrimWhitespace(e.AttrOr("src"));
    if (src.empty()) {
      return;
    }
    const bool data_url = src.size() > 5 && engine::AsciiLower(src.substr(0, 5)) == "data:";
    const std::string file = engine::AsciiLower(UrlFileName(src));
    if (!data_url && !MayAnimate(file)) {
      return;
    }
    const std::optional<std::string> bytes = ImageBytes(e, src);
    const std::optional<animation::Animation> anim =
        bytes ? animation::ReadAnimation(*bytes) : std::nullopt;
    if (!anim) {
      if (data_url) {
        return;  // a data: URL of another image type (JPEG, SVG) does not animate this way
      }
      out.CantTell(&e,
                   "This image may be animated, but the file could not be read: if it moves "
                   "for more than five seconds, people need a way to pause it.");
      return;
    }
    if (!anim->animated() || anim->total_seconds() <= kMaxSeconds) {
      out.Pass(&e);
      return;
    }
    out.Warn(&e, anim->loops_forever ? "This animated image (" + std::to_string(anim->frames) +
                                           " frames) loops forever, with no way to pause it."
                                     : "This animated image plays for " +
                                           std::to_string(std::lround(anim->total_seconds())) +
                                           " seconds, more than five, with no way to pause it.");
  });
}

constexpr std::string_view kWcag[] = {"2.2.2"};
constexpr std::string_view kEn[] = {"9.2.2.2"};
constexpr std::string_view kTechniques[] = {"F16", "G152"};
// A still GIF; two half-second frames played once.
constexpr std::string_view kPasses[] = {
    R"(<img alt="Logo" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAAKAAAALAAAAAABAAEAAAICRAEAOw==">)",
    R"(<img alt="Tick" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAAyAAAALAAAAAABAAEAAAICRAEAIfkEADIAAAAsAAAAAAEAAQAAAgJEAQA7">)"};
// Two frames looping forever; three 3-second frames played once (9 seconds).
constexpr std::string_view kFails[] = {
    R"(<img alt="News" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH/C05FVFNDQVBFMi4wAwEAAAAh+QQACgAAACwAAAAAAQABAAACAkQBACH5BAAKAAAALAAAAAABAAEAAAICRAEAOw==">)",
    R"(<img alt="Slides" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAAsAQAALAAAAAABAAEAAAICRAEAIfkEACwBAAAsAAAAAAEAAQAAAgJEAQAh+QQALAEAACwAAAAAAQABAAACAkQBADs=">)"};
constexpr std::string_view kInapplicable[] = {R"(<img src="/photos/council.jpg" alt="Council">)",
                                              R"(<p>No images</p>)"};
constexpr std::string_view kCantTell[] = {R"(<img src="/img/banner.gif" alt="Open day">)"};

}  // namespace

extern const engine::Rule kHtmlImgAnimated{
    .id = "html.img-animated",
    .summary = "Animated images stop within five seconds",
    .why =
        "Moving images that keep going draw the eye away from the text, which makes reading "
        "very hard for people with attention difficulties, and can make some people feel ill.",
    .help =
        "Make the animation stop within five seconds (set the loop count), give a pause "
        "button, or use a still image.",
    .limits =
        "Only images that can be read are checked: data: URLs, local files beside the page and "
        "files the crawler fetched. A script or control that pauses the image is not seen, so "
        "a failure is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .techniques = kTechniques,
    .target_tags = targets::kImagesAndInputs};

}  // namespace plainsight::rules
