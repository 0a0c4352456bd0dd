// html.no-autoplay-audio and html.no-autoplay-audio-control: sound that starts by itself can be
// stopped, or stops within 3 seconds. WCAG 2.2 SC 1.4.2 Audio
// Control (A); EN 301 549 9.1.4.2; ACT 80f0bf (Audio or video element avoids automatically playing
// audio) and 4c31df (... has a control mechanism to stop it). ACT aaa1bf (... plays for 3 seconds
// or less) is left out: without playing the media it could only ever say cantTell.
// Targets: <audio> and <video> elements with autoplay, without muted, with a source.
// Interpretation: the media itself cannot be played here, so a target is decided only from the
// markup. The playing time is known only from a media fragment ("#t=8,10" plays 2 seconds). A
// control mechanism is the controls attribute; any other button, link or script on the page
// might be one, so then the outcome is cantTell. A <video> may have no sound track at all, so
// a video without controls is cantTell; an <audio> element has sound by definition. So only an
// autoplaying <audio> with no controls, no short fragment and nothing on the page that could stop
// it fails.
#include <cstdlib>
#include <optional>
#include <string>

#include "rules/catalog.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"max_seconds", 3, "sound shorter than this needs no control (WCAG 1.4.2)"}};

// The media resource URL: src, else the first <source src>.
std::string MediaSource(const engine::Node& media) {
  if (const std::string* src = media.Attr("src")) {
    return *src;
  }
  for (const engine::Node* c : media.children()) {
    if (c->IsHtml("source") && c->HasAttribute("src")) {
      return *c->Attr("src");
    }
  }
  return {};
}

// Seconds of a Media Fragments 1.0 npt time ("10", "10.5", "npt:10", "0:01:10", "1:10").
std::optional<double> NptSeconds(std::string_view s) {
  if (s.rfind("npt:", 0) == 0) {
    s.remove_prefix(4);
  }
  double total = 0;
  size_t start = 0;
  int parts = 0;
  while (true) {
    size_t colon = s.find(':', start);
    std::string part(
        s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    char* end = nullptr;
    double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0') {
      return std::nullopt;
    }
    total = total * 60 + v;
    ++parts;
    if (colon == std::string_view::npos || parts > 3) {
      break;
    }
    start = colon + 1;
  }
  return total;
}

// The playing time a "#t=start,end" fragment sets, when it has an end.
std::optional<double> FragmentDuration(std::string_view url) {
  size_t hash = url.find('#');
  if (hash == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view fragment = url.substr(hash + 1);
  for (size_t pos = 0; pos <= fragment.size();) {
    size_t amp = fragment.find('&', pos);
    std::string_view item =
        fragment.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    if (item.rfind("t=", 0) == 0) {
      item.remove_prefix(2);
      size_t comma = item.find(',');
      if (comma == std::string_view::npos) {
        return std::nullopt;
      }
      std::optional<double> begin =
          comma == 0 ? std::optional<double>(0.0) : NptSeconds(item.substr(0, comma));
      std::optional<double> end = NptSeconds(item.substr(comma + 1));
      if (!begin || !end || *end < *begin) {
        return std::nullopt;
      }
      return *end - *begin;
    }
    if (amp == std::string_view::npos) {
      break;
    }
    pos = amp + 1;
  }
  return std::nullopt;
}

// Anything on the page that might be a way to stop the sound: scripts, buttons, other controls.
bool PageMayHaveMechanism(const engine::Page& page, const engine::Node& media) {
  for (const engine::Node* e : page.document().elements()) {
    if (e == &media) {
      continue;
    }
    if (e->IsHtml("script") || e->IsHtml("button") || e->IsHtml("input") || e->IsHtml("select") ||
        e->IsHtml("iframe") || (e->IsHtml("a") && e->HasAttribute("href")) ||
        e->HasAttribute("onclick") || e->HasAttribute("role") ||
        ((e->IsHtml("audio") || e->IsHtml("video")) && e->HasAttribute("controls"))) {
      return true;
    }
  }
  return false;
}

struct Target {
  const engine::Node* media;
  std::optional<double> duration_s;
};

std::vector<Target> Targets(const engine::Page& page) {
  std::vector<Target> out;
  if (page.document().is_xml()) {
    return out;
  }
  for (const engine::Node* e : page.document().elements()) {
    if ((!e->IsHtml("audio") && !e->IsHtml("video")) || !e->HasAttribute("autoplay") ||
        e->HasAttribute("muted")) {
      continue;
    }
    std::string src = MediaSource(*e);
    if (src.empty()) {
      continue;
    }
    out.push_back({e, FragmentDuration(src)});
  }
  return out;
}

bool IsShort(const Target& t) {
  return t.duration_s && *t.duration_s <= kOptions[0].default_value;
}

enum class Control { kYes, kNo, kMaybe };

Control HasControl(const engine::Page& page, const engine::Node& media) {
  if (media.HasAttribute("controls")) {
    return Control::kYes;
  }
  if (PageMayHaveMechanism(page, media)) {
    return Control::kMaybe;
  }
  return media.IsHtml("audio") ? Control::kNo : Control::kMaybe;
}

constexpr char kNoControl[] =
    "This audio plays by itself and nothing on the page can pause it or turn it down. If it "
    "lasts more than 3 seconds, people using screen readers cannot hear their reader over it.";

void CheckAutoplay(const engine::Page& page, engine::Findings& out) {
  for (const Target& t : Targets(page)) {
    if (IsShort(t)) {
      out.Pass(t.media);
      continue;
    }
    switch (HasControl(page, *t.media)) {
      case Control::kYes:
        out.Pass(t.media);
        break;
      case Control::kNo:
        out.Fail(t.media, kNoControl);
        break;
      case Control::kMaybe:
        out.CantTell(t.media,
                     "This media plays by itself. Check whether it has sound lasting more "
                     "than 3 seconds and, if so, that the page offers a way to pause or "
                     "mute it.");
        break;
    }
  }
}

void CheckControl(const engine::Page& page, engine::Findings& out) {
  for (const Target& t : Targets(page)) {
    switch (HasControl(page, *t.media)) {
      case Control::kYes:
        out.Pass(t.media);
        break;
      case Control::kNo:
        if (IsShort(t)) {
          out.CantTell(t.media,
                       "This media plays by itself for under 3 seconds with no control; "
                       "check whether it has sound.");
        } else {
          out.Fail(t.media, kNoControl);
        }
        break;
      case Control::kMaybe:
        out.CantTell(t.media,
                     "This media plays by itself. Check that a visible control on the "
                     "page pauses or mutes its sound.");
        break;
    }
  }
}

constexpr std::string_view kWcag[] = {"1.4.2"};
constexpr std::string_view kEn[] = {"9.1.4.2"};
constexpr std::string_view kActAll[] = {"80f0bf"};
constexpr std::string_view kActControl[] = {"4c31df"};
constexpr std::string_view kPasses[] = {
    R"(<audio src="welcome.mp3" autoplay controls></audio>)",
    R"(<audio src="chime.mp3#t=0,2" autoplay controls></audio>)",
};
constexpr std::string_view kFails[] = {
    R"(<audio src="welcome.mp3" autoplay></audio>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<audio src="welcome.mp3" controls></audio>)",
    R"(<video src="intro.mp4" autoplay muted></video>)",
};

constexpr std::string_view kTargetTags[] = {"audio", "video"};

}  // namespace

extern const engine::Rule kHtmlNoAutoplayAudio{
    .id = "html.no-autoplay-audio",
    .summary = "Sound that plays by itself stops within 3 seconds or can be stopped",
    .why =
        "Sound that starts on its own drowns out the screen reader that blind people use to "
        "hear the page, and it can startle or distract anyone.",
    .help =
        "Do not autoplay sound. If you must, give the player controls (the controls "
        "attribute) or a clear pause or mute button near the top of the page.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kActAll,
    .impact = engine::Impact::kCritical,
    .check = &CheckAutoplay,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .target_tags = kTargetTags};

extern const engine::Rule kHtmlNoAutoplayAudioControl{
    .id = "html.no-autoplay-audio-control",
    .summary = "Sound that plays by itself has a control to stop it",
    .why = "Sound that starts on its own drowns out screen readers; people need a way to stop it.",
    .help =
        "Add the controls attribute to the audio or video element, or a visible pause or "
        "mute button.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kActControl,
    .impact = engine::Impact::kCritical,
    .check = &CheckControl,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
