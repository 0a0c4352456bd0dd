// Contact details written in page text (contacts.h).
#include "engine/site/contacts.h"

#include <algorithm>

#include "engine/dom.h"
#include "engine/site/text_match.h"

namespace plainsight::engine::site {
namespace {

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty() || list.size() >= kMaxContactsPerKind) {
    return;
  }
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

size_t CountDigits(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= '0' && c <= '9') || c == '+') {
      out += c;
    }
  }
  return out;
}

// Is a number in a form only a telephone number takes (no label needed)?
bool LooksLikePhone(std::string_view number) {
  std::string d = DigitsOnly(number);
  size_t digits = CountDigits(d);
  if (d.rfind('+', 0) == 0 || d.rfind("00", 0) == 0) {
    return digits >= 10 && digits <= 15;  // international
  }
  // Irish non-geographic numbers: 1800, 1850, 1890 (10 digits), 0818 (10 digits).
  if ((d.rfind("1800", 0) == 0 || d.rfind("1850", 0) == 0 || d.rfind("1890", 0) == 0 ||
       d.rfind("0818", 0) == 0) &&
      digits == 10) {
    return true;
  }
  // Irish national numbers: a trunk 0, then 8 or 9 digits, written in groups.
  bool grouped = number.find_first_of(" -().") != std::string_view::npos;
  return d.rfind('0', 0) == 0 && d.rfind("00", 0) != 0 && (digits == 9 || digits == 10) && grouped;
}

}  // namespace

void AddPhone(std::string_view phone, ContactDetails& out) {
  AddUnique(out.phones, NormaliseText(phone));
}

void AddEmail(std::string_view email, ContactDetails& out) {
  std::string e(TrimWhitespace(email));
  auto q = e.find('?');
  if (q != std::string::npos) {
    e.resize(q);
  }
  // E-mail addresses are ASCII here (the patterns accept ASCII only), so ASCII lowering is
  // exact; internationalised addresses are kept as written.
  AddUnique(out.emails, AsciiLower(e));
}

void MergeContacts(const ContactDetails& from, ContactDetails& into) {
  for (const std::string& p : from.phones) {
    AddUnique(into.phones, p);
  }
  for (const std::string& e : from.emails) {
    AddUnique(into.emails, e);
  }
  for (const std::string& a : from.addresses) {
    AddUnique(into.addresses, a);
  }
}

void FindContacts(std::string_view text, ContactDetails& out) {
  // A run of digits with the separators telephone numbers are written with.
  static const Pattern kNumber(R"((?:\+|\b00)?\(?\+?\d[\d \-.()]{5,20}\d)");
  static const Pattern kPhoneLabel(
      R"((?:\b(?:tel|telephone|phone|ph|call|call us|freephone|lo-?call|mobile|mob|helpline|t)\b|f[oó]n|guth[aá]n|uimhir theileaf[oó]in)\.?\s*(?:no\.?|number)?\s*[:.]?\s*(?:\(\s*\w+\s*\))?\s*$)");
  static const Pattern kFaxLabel(R"(\b(?:fax|facs|f)\b\.?\s*(?:no\.?|number)?\s*[:.]?\s*$)");
  static const Pattern kEmail(
      R"((?-i)[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24})");
  static const Pattern kObfuscatedEmail(
      R"(([A-Za-z0-9._%+\-]+)\s*[\[(]\s*at\s*[\])]\s*([A-Za-z0-9\-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[A-Za-z0-9\-]+)+))");
  static const Pattern kDot(R"(\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*)");
  static const Pattern kImageSuffix(R"(\.(?:png|jpe?g|gif|svg|webp)$)");
  // Eircode: a routing key (letter and two digits, or D6W) and a four-character identifier from
  // the Eircode alphabet (no B, G, I, J, L, M, O, Q, S, U, Z).
  static const Pattern kEircode(
      R"((?-i)(?:^|[^A-Za-z0-9])((?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4})(?:[^A-Za-z0-9]|$))");
  static const Pattern kCounty(
      R"(\b(?:co\.?|county)\s+(?:carlow|cavan|clare|cork|donegal|dublin|galway|kerry|kildare|kilkenny|laois|leitrim|limerick|longford|louth|mayo|meath|monaghan|offaly|roscommon|sligo|tipperary|waterford|westmeath|wexford|wicklow|antrim|armagh|down|fermanagh|derry|londonderry|tyrone)\b)");
  static const Pattern kIrishCounty(
      R"(\b(?:co\.|contae)\s+(?:(?:an|na)\s+)?(?:ch?eatharlach|ch?abh[aá]in|ch?l[aá]ir|ch?orca[ií]|dh?[uú]n na ngall|bh?aile [aá]tha cliath|gh?aillimhe|gaillimh|ch?iarra[ií]|ch?ill dara|ch?ill ch?ainnigh|laoise|liatroma|luimnigh|luimneach|longfoirt|lh?[uú]|mh?aigh eo|m[ií]|mh?uinech[aá]in|mh?uineach[aá]in|[uú][ií]bh fh?ail[ií]|ros com[aá]in|sh?ligigh|th?iobraid [aá]rann|ph?ort l[aá]irge|hiarmh[ií]|iarmh[ií]|loch gh?arman|ch?ill mh?ant[aá]in|aontroma|ard mhacha|an d[uú]in|fhear manach|dhoire|th?ir eoghain)(?:[^\pL]|$))");
  static const Pattern kDublinDistrict(
      R"(\b(?:dublin|baile [aá]tha cliath)\s+(?:[1-9]|1[0-8]|2[0-4]|6w)(?:[^\pN]|$))");
  static const Pattern kPoBox(R"(\bp\.?\s?o\.?\s+box\s+\d+)");

  // Telephone numbers.
  for (const Match& m : kNumber.FindAll(text)) {
    std::string_view number = text.substr(m.start, m.end - m.start);
    // A bracket the match opened but did not close belongs to the surrounding text.
    while (!number.empty() && (number.back() == '(' || number.back() == '-' ||
                               number.back() == '.' || number.back() == ' ')) {
      number.remove_suffix(1);
    }
    size_t digits = CountDigits(number);
    if (digits < 7 || digits > 15) {
      continue;
    }
    size_t before = m.start > 40 ? m.start - 40 : 0;
    std::string_view context = text.substr(before, m.start - before);
    if (kFaxLabel.Search(context)) {
      continue;
    }
    if (kPhoneLabel.Search(context) || LooksLikePhone(number)) {
      AddPhone(number, out);
    }
  }

  // E-mail addresses.
  for (const Match& m : kEmail.FindAll(text)) {
    std::string_view email = text.substr(m.start, m.end - m.start);
    if (kImageSuffix.Search(email)) {
      continue;  // "logo@2x.png"
    }
    AddEmail(email, out);
  }
  std::vector<std::string_view> g;
  size_t pos = 0;
  while (pos < text.size() && kObfuscatedEmail.FindGroups(text, pos, g)) {
    std::string domain;
    std::string_view rest = g[2];
    size_t at = 0;
    while (at <= rest.size()) {
      auto dot = kDot.Find(rest, at);
      if (!dot) {
        domain.append(rest.substr(at));
        break;
      }
      domain.append(rest.substr(at, dot->start - at));
      domain += '.';
      at = dot->end;
    }
    if (domain.find('.') != std::string::npos) {
      AddEmail(std::string(g[1]) + "@" + domain, out);
    }
    pos = static_cast<size_t>(g[0].data() + g[0].size() - text.data());
  }

  // Postal addresses: the stretch of text around the Eircode or county line.
  auto add_address = [&](const Match& m) {
    AddUnique(out.addresses, Snippet(text, m.start, m.end, 100));
  };
  pos = 0;
  while (pos < text.size() && kEircode.FindGroups(text, pos, g)) {
    auto start = static_cast<size_t>(g[1].data() - text.data());
    add_address(Match{start, start + g[1].size()});
    pos = start + g[1].size();
  }
  for (const Pattern* p : {&kCounty, &kIrishCounty, &kDublinDistrict, &kPoBox}) {
    for (const Match& m : p->FindAll(text)) {
      add_address(m);
    }
  }
}

}  // namespace plainsight::engine::site
