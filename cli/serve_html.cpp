// What every page of `plainsight serve` shares: escaping, the page frame (skip link, landmarks,
// navigation with aria-current), the error page and the language menu. WCAG 2.2: 2.4.1 (skip
// link), 1.3.1 (landmarks, headings), 3.1.1 (page language), 2.4.2 (titles). The stylesheet and
// script are the embedded web/ assets, linked, never inline (the Content-Security-Policy allows
// neither inline script nor inline style).
#include <cstdio>

#include "cli/serve_internal.h"

namespace plainsight::cli::serve {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
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
        out.push_back(c);
    }
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string Number(std::optional<double> value, int decimals) {
  if (!value) {
    return "–";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
  return buffer;
}

std::string RenderPage(std::string_view title, Section section, std::string_view main_html) {
  auto nav_item = [&](const char* href, const char* label, Section which) {
    std::string item = "<li><a href=\"";
    item += href;
    item += "\"";
    if (section == which) {
      item += " aria-current=\"page\"";
    }
    item += ">";
    item += label;
    item += "</a></li>";
    return item;
  };
  std::string page;
  page.reserve(main_html.size() + 2048);
  page +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  page += Escape(title);
  page +=
      " – plainsight</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
      "<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n"
      "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
      "<header class=\"site-header\">\n<p class=\"brand\"><a href=\"/\">plainsight</a></p>\n"
      "<nav aria-label=\"Main\">\n<ul>";
  page += nav_item("/", "Draft checker", Section::kChecker);
  page += nav_item("/dashboard", "Dashboard", Section::kDashboard);
  page += nav_item("/api", "API", Section::kApi);
  page += "</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n";
  page += main_html;
  page += "</main>\n<footer class=\"site-footer\">\n<p>plainsight " PLAINSIGHT_VERSION
          ": accessibility and plain-language audits. Runs on this computer; nothing you check "
          "is stored or sent anywhere.</p>\n</footer>\n</body>\n</html>\n";
  return page;
}

namespace {

const char* StatusText(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 413:
      return "Too large";
    case 415:
      return "Unsupported file type";
    case 421:
      return "Misdirected request";
    case 503:
      return "Busy";
    default:
      return status >= 500 ? "Server error" : "Error";
  }
}

}  // namespace

std::string RenderErrorPage(int status, std::string_view message) {
  std::string title = std::to_string(status) + " " + StatusText(status);
  std::string main = "<h1>" + Escape(title) + "</h1>\n<p>" + Escape(message) +
                     "</p>\n<p><a href=\"/\">Go to the draft checker</a></p>\n";
  return RenderPage(title, Section::kNone, main);
}

std::span<const Language> Languages() {
  // Those with a Hunspell dictionary mapping and readability formulas in engine/text.
  static constexpr Language kLanguages[] = {{"en", "English"},
                                            {"ga", "Irish (Gaeilge)"},
                                            {"de", "German (Deutsch)"},
                                            {"fr", "French (français)"},
                                            {"es", "Spanish (español)"},
                                            {"it", "Italian (italiano)"},
                                            {"nl", "Dutch (Nederlands)"},
                                            {"pt", "Portuguese (português)"}};
  return kLanguages;
}

void JsonError(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  nlohmann::json j = {{"error", {{"status", status}, {"message", std::string(message)}}}};
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

}  // namespace plainsight::cli::serve
