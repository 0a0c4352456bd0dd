// Contact details in page text (contacts.h): Irish and international telephone numbers, e-mail
// addresses, Eircodes and county lines; and numbers that are not telephones.
#include "engine/site/contacts.h"

#include <catch2/catch.hpp>

#include "engine/site/text_match.h"

namespace ps = plainsight::engine::site;

namespace {

ps::ContactDetails Find(std::string_view text) {
  ps::ContactDetails c;
  ps::FindContacts(ps::NormaliseText(text), c);
  return c;
}

}  // namespace

TEST_CASE("site contacts: telephone numbers in Irish and international forms", "[site][contacts]") {
  struct Row {
    std::string_view text;
    std::vector<std::string> phones;
  };

  const Row rows[] = {
      {"Phone: (01) 222 2222", {"(01) 222 2222"}},
      {"Call us on 021 496 6222 today", {"021 496 6222"}},
      {"Mobile 087-123-4567", {"087-123-4567"}},
      {"Freephone 1800 123 456", {"1800 123 456"}},
      {"Lo-call 0818 123 456", {"0818 123 456"}},
      {"International: +353 1 222 2222", {"+353 1 222 2222"}},
      {"+353 (0)66 718 3500", {"+353 (0)66 718 3500"}},
      {"Fón: 091 509 000", {"091 509 000"}},
      {"Guthán 0818 300 009", {"0818 300 009"}},
      {"Tel. 4523400", {"4523400"}},  // a short local number after a label
      // Not telephones: years, dates, reference numbers, a fax.
      {"From 2019 to 2024 the council built 1,200 homes", {}},
      {"S.I. No. 358/2020 came into force on 23.09.2020", {}},
      {"Fax: 01 222 2223", {}},
      {"Planning ref 2345678", {}},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(Find(r.text).phones == r.phones);
  }
}

TEST_CASE("site contacts: e-mail addresses, plain and spelt out", "[site][contacts]") {
  CHECK(Find("Email accessibility@kerrycoco.ie for help").emails ==
        std::vector<std::string>{"accessibility@kerrycoco.ie"});
  CHECK(Find("write to Web.Team [at] example [dot] ie").emails ==
        std::vector<std::string>{"web.team@example.ie"});
  CHECK(Find("logo@2x.png and icon@3x.svg").emails.empty());
}

TEST_CASE("site contacts: postal addresses by Eircode, county and district", "[site][contacts]") {
  CHECK(Find("Áras an Chontae, Rathass, Tralee, V92 H7VT").addresses.size() == 1);
  CHECK(Find("County Buildings, Ennis, Co. Clare").addresses.size() == 1);
  CHECK(Find("Civic Offices, Wood Quay, Dublin 8").addresses.size() == 1);
  CHECK(Find("Áras an Chontae, Trá Lí, Contae Chiarraí").addresses.size() == 1);
  CHECK(Find("Oifigí an Chontae, Co. na Gaillimhe").addresses.size() == 1);
  CHECK(Find("PO Box 123, Cork").addresses.size() == 1);
  // Lower-case or non-Eircode letters are not Eircodes; "Co." before a word that is no county
  // is a company.
  CHECK(Find("see section b12 abcd and Smith & Co. Solicitors").addresses.empty());
}
