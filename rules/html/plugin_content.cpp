// html.plugin-content: no content that needs a browser plug-in (Flash, Java applets,
// Silverlight, ActiveX, RealPlayer...) without an equivalent in the page. WCAG 2.2 SC 1.1.1
// Non-text Content (A) and SC 4.1.2 Name, Role, Value (A); EN 301 549 9.1.1.1, 9.4.1.2.
// Interpretation: browsers have dropped plug-ins, so what such an <object>, <embed> or <applet>
// shows reaches nobody, and its fallback content is all people get. Targets are rendered
// applet elements, and object and embed elements that name a plug-in: by type (MIME types of
// Flash, Java, Silverlight, Director, RealMedia, Windows Media, QuickTime, Unity, ActiveX), by
// the extension of their data or src (.swf, .class, .jar, .xap, .dcr, .rm...), or by an ActiveX
// classid. An embed, or an object or applet with no fallback content, fails (an error); an
// object or applet with fallback content needs a person to check that the fallback gives the
// same information and functions (cantTell). Objects showing images, PDFs, HTML, audio or video
// that browsers play natively are not targets (html.object-name covers their names).
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kPluginTypes[] = {"application/x-shockwave-flash",
                                             "application/futuresplash",
                                             "application/x-java",
                                             "application/java",
                                             "application/x-silverlight",
                                             "application/x-director",
                                             "application/vnd.rn-realmedia",
                                             "audio/x-pn-realaudio",
                                             "application/x-mplayer2",
                                             "video/x-ms-",
                                             "audio/x-ms-",
                                             "application/x-ms-wmp",
                                             "video/quicktime",
                                             "application/x-quicktime",
                                             "application/x-oleobject",
                                             "application/x-unity",
                                             "application/x-vlc-plugin",
                                             "application/x-authorware",
                                             "application/x-toolbook"};

constexpr std::string_view kPluginExtensions[] = {".swf", ".spl", ".class", ".jar", ".xap",
                                                  ".dcr", ".dir", ".rm",    ".ram", ".rpm",
                                                  ".wmv", ".wma", ".asf",   ".mov", ".unity3d"};

// What names the plug-in, for the message; "" when the element needs none.
std::string PluginOf(const engine::Node& e) {
  if (e.IsHtml("applet")) {
    return "a Java applet";
  }
  if (e.HasAttribute("classid") &&
      engine::AsciiLower(e.AttrOr("classid")).rfind("clsid:", 0) == 0) {
    return "an ActiveX control";
  }
  const std::string type = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type")));
  for (std::string_view t : kPluginTypes) {
    if (!type.empty() && type.rfind(t, 0) == 0) {
      return "a plug-in (" + type + ")";
    }
  }
  const std::string file =
      engine::AsciiLower(UrlFileName(e.IsHtml("embed") ? e.AttrOr("src") : e.AttrOr("data")));
  for (std::string_view ext : kPluginExtensions) {
    if (file.size() > ext.size() && file.compare(file.size() - ext.size(), ext.size(), ext) == 0) {
      return "a plug-in (" + std::string(ext.substr(1)) + " file)";
    }
  }
  return "";
}

// Fallback content: text, or elements other than param and embed (which only feed the
// plug-in), inside the object or applet.
bool HasFallback(const engine::Node& e) {
  for (const engine::Node* c : e.children()) {
    if (c->IsText() && !engine::TrimWhitespace(c->text()).empty()) {
      return true;
    }
    if (c->IsElement() && !c->IsHtml("param") && !c->IsHtml("embed")) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!(e.IsHtml("object") || e.IsHtml("embed") || e.IsHtml("applet")) ||
        p.styles().IsDisplayNone(e)) {
      return;
    }
    // An embed inside an object is the object's own fallback for old browsers: judged with it.
    if (e.IsHtml("embed") && e.ClosestHtmlAncestor("object") != nullptr) {
      return;
    }
    const std::string plugin = PluginOf(e);
    if (plugin.empty()) {
      return;
    }
    if (!e.IsHtml("embed") && HasFallback(e)) {
      out.CantTell(&e, "This <" + e.tag() + "> needs " + plugin +
                           ", which browsers no longer run, so people get its fallback "
                           "content: check that it gives the same information and functions.");
    } else {
      out.Fail(&e, "This <" + e.tag() + "> needs " + plugin +
                       ", which browsers no longer run, and there is nothing else in its place: "
                       "its content reaches nobody.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.1.1", "4.1.2"};
constexpr std::string_view kEn[] = {"9.1.1.1", "9.4.1.2"};
constexpr std::string_view kFails[] = {
    R"(<object type="application/x-shockwave-flash" data="tour.swf"></object>)",
    R"(<embed src="intro.swf" width="400" height="300">)",
    R"(<object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000"><param name="movie" value="a.swf"></object>)",
    R"(<applet code="Map.class" width="300" height="200"></applet>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<object data="tour.swf" type="application/x-shockwave-flash"><p>A <a href="tour.html">text tour of the town</a>.</p></object>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<object data="plan.pdf" type="application/pdf"><a href="plan.pdf">Plan (PDF)</a></object>)",
    R"(<object data="logo.svg" type="image/svg+xml" aria-label="Logo"></object>)",
    R"(<video src="talk.mp4" controls></video>)",
};

constexpr std::string_view kTargetTags[] = {"object", "embed", "applet"};

}  // namespace

extern const engine::Rule kHtmlPluginContent{
    .id = "html.plugin-content",
    .summary = "No content that needs a browser plug-in (Flash, Java, Silverlight)",
    .why =
        "Browsers no longer run Flash, Java applets, Silverlight or ActiveX, so what these "
        "show reaches nobody. When they did run, they were rarely usable with a keyboard or a "
        "screen reader.",
    .help =
        "Replace the plug-in content with HTML, native <video> or <audio>, or an image with a "
        "text alternative. Until then, put the same information inside the <object> as "
        "fallback content.",
    .limits =
        "Plug-ins are recognised by type, file extension or ActiveX classid; an <object> with "
        "neither is not judged. Whether fallback content is a full equivalent is for a person "
        "to check.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = kTargetTags};

}  // namespace plainsight::rules
