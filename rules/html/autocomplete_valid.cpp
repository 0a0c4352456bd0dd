// html.autocomplete-valid: autocomplete attributes use the HTML Standard's autofill tokens, so
// browsers can fill in and assistive tools can recognise personal data fields. WCAG 2.2 SC 1.3.5
// Identify Input Purpose (AA); EN 301 549 9.1.3.5; ACT 73f2c2 (Autocomplete attribute has valid
// value).
// The grammar is HTML 4.10.18.7.1 "Autofill detail tokens": optional section-*, optional
// shipping/billing, then either a field name, or an optional home/work/mobile/fax/pager followed by
// a contact field name, then optional webauthn; tokens are ASCII case-insensitive; "on" and
// "off" stand alone.
// Interpretation (ACT 73f2c2 applicability): input (not hidden, button, submit, reset, image),
// select and textarea with a non-blank autocomplete other than on/off; not disabled or
// aria-disabled="true"; not both invisible and excluded from the accessibility tree; not out of
// the tab order with a non-widget role. Whether a valid token suits the control's type (ACT's
// second expectation) is left alone: the HTML table of control groups is advisory and browsers
// fill such fields anyway.
#include <string>

#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kFieldNames[] = {"name",
                                            "honorific-prefix",
                                            "given-name",
                                            "additional-name",
                                            "family-name",
                                            "honorific-suffix",
                                            "nickname",
                                            "username",
                                            "new-password",
                                            "current-password",
                                            "one-time-code",
                                            "organization-title",
                                            "organization",
                                            "street-address",
                                            "address-line1",
                                            "address-line2",
                                            "address-line3",
                                            "address-level4",
                                            "address-level3",
                                            "address-level2",
                                            "address-level1",
                                            "country",
                                            "country-name",
                                            "postal-code",
                                            "cc-name",
                                            "cc-given-name",
                                            "cc-additional-name",
                                            "cc-family-name",
                                            "cc-number",
                                            "cc-exp",
                                            "cc-exp-month",
                                            "cc-exp-year",
                                            "cc-csc",
                                            "cc-type",
                                            "transaction-currency",
                                            "transaction-amount",
                                            "language",
                                            "bday",
                                            "bday-day",
                                            "bday-month",
                                            "bday-year",
                                            "sex",
                                            "url",
                                            "photo"};
constexpr std::string_view kContactFieldNames[] = {"tel",
                                                   "tel-country-code",
                                                   "tel-national",
                                                   "tel-area-code",
                                                   "tel-local",
                                                   "tel-local-prefix",
                                                   "tel-local-suffix",
                                                   "tel-extension",
                                                   "email",
                                                   "impp"};
constexpr std::string_view kContactKinds[] = {"home", "work", "mobile", "fax", "pager"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view token) {
  for (std::string_view s : list) {
    if (s == token) {
      return true;
    }
  }
  return false;
}

// Does the lower-cased token list follow the autofill detail grammar?
bool IsValidAutofill(const std::vector<std::string>& tokens) {
  size_t i = 0;
  size_t n = tokens.size();
  if (n > 0 && tokens[n - 1] == "webauthn") {
    --n;
  }
  if (i < n && tokens[i].rfind("section-", 0) == 0) {
    ++i;
  }
  if (i < n && (tokens[i] == "shipping" || tokens[i] == "billing")) {
    ++i;
  }
  if (i < n && In(kContactKinds, tokens[i])) {
    ++i;
    return i + 1 == n && In(kContactFieldNames, tokens[i]);
  }
  return i + 1 == n && (In(kFieldNames, tokens[i]) || In(kContactFieldNames, tokens[i]));
}

bool IsWidgetRole(std::string_view role) {
  return !role.empty() && role != "none" && engine::RoleInheritsFrom(role, "widget");
}

bool Applicable(const engine::Page& page, const engine::Node& e) {
  if (e.IsHtml("input")) {
    std::string type = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("type")));
    if (type == "hidden" || type == "button" || type == "submit" || type == "reset" ||
        type == "image") {
      return false;
    }
  } else if (!e.IsHtml("select") && !e.IsHtml("textarea")) {
    return false;
  }
  if (e.HasAttribute("disabled") ||
      EqualsIgnoreCase(engine::TrimWhitespace(e.AttrOr("aria-disabled")), "true")) {
    return false;
  }
  if (!IsVisible(page, e) && !IsExposed(page, e)) {
    return false;
  }
  const engine::Accessibility& a11y = page.a11y();
  if (!a11y.IsInSequentialFocusOrder(e) && !IsWidgetRole(a11y.Role(e))) {
    return false;
  }
  return true;
}

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : page.document().elements()) {
    const std::string* value = e->Attr("autocomplete");
    if (value == nullptr || engine::TrimWhitespace(*value).empty()) {
      continue;
    }
    std::vector<std::string> tokens;
    for (std::string_view t : engine::SplitWhitespace(*value)) {
      tokens.push_back(engine::AsciiLower(t));
    }
    if (tokens.size() == 1 && (tokens[0] == "on" || tokens[0] == "off")) {
      continue;
    }
    if (!Applicable(page, *e)) {
      continue;
    }
    if (IsValidAutofill(tokens)) {
      out.Pass(e);
    } else {
      out.Fail(e, "autocomplete=\"" + *value +
                      "\" is not a valid autofill value, so browsers "
                      "and assistive tools cannot tell what the field asks for.");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.3.5"};
constexpr std::string_view kEn[] = {"9.1.3.5"};
constexpr std::string_view kAct[] = {"73f2c2"};
constexpr std::string_view kPasses[] = {
    R"(<label>Email <input autocomplete="work email"></label>)",
    R"(<label>Street <textarea autocomplete="section-home shipping street-address"></textarea></label>)",
    R"(<label>Password <input type="password" autocomplete="current-password webauthn"></label>)"};
constexpr std::string_view kFails[] = {R"(<label>Name <input autocomplete="fullname"></label>)",
                                       R"(<label>Photo <input autocomplete="work photo"></label>)",
                                       R"(<label>Email <input autocomplete="work,email"></label>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<label>Name <input autocomplete="off"></label>)",
    R"(<label>Name <input autocomplete="fullname" disabled></label>)",
    R"(<input type="hidden" autocomplete="transaction-amount" value="100">)"};

constexpr std::string_view kTargetAttributes[] = {"autocomplete"};

}  // namespace

extern const engine::Rule kHtmlAutocompleteValid{
    .id = "html.autocomplete-valid",
    .summary = "autocomplete attributes use valid autofill values",
    .why =
        "Valid autocomplete values let browsers fill in people's details and let assistive "
        "tools show familiar icons, which helps people with memory, motor or cognitive "
        "impairments; a misspelt value does nothing.",
    .help =
        "Use a value from the HTML autofill list (name, email, tel, street-address, "
        "postal-code, bday...), optionally preceded by section-*, shipping or billing, and "
        "home/work/mobile for phone and email.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "AA",
    .target_attributes = kTargetAttributes};

}  // namespace plainsight::rules
