// Contact details written in page text: telephone numbers, e-mail addresses and postal
// addresses, in the forms Irish public bodies publish them.
//
// Telephone: Irish national numbers ("(01) 222 2222", "021 496 6222", "087 123 4567"),
// non-geographic ones ("1800 123 456", "0818 123 456", "1890 ..."), international ones
// ("+353 1 222 2222", "00353 ...", "+44 28 9012 3456"), and any 7 to 15 digit number right after
// a telephone label ("Tel:", "Phone", "Call", "Fón", "Guthán", "T:"). A fax number (after "Fax")
// is not counted as a telephone.
// E-mail: name@domain.tld, and the "name [at] domain [dot] ie" spellings used against spam.
// Postal address: an Eircode ("A65 F4E2", "D02 X285", "D6W ..."), a county line in English or
// Irish ("Co. Kerry", "County Clare", "Contae an Chláir", "Co. na Gaillimhe"), a Dublin postal
// district ("Dublin 2", "Baile Átha Cliath 8") or a post office box.
// Interpretation: a county line or Eircode is taken as a postal address; a street alone is not
// (it cannot be told from other text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight::engine::site {

struct ContactDetails {
  std::vector<std::string> phones;     // as written, spaces normalised
  std::vector<std::string> emails;     // lower-cased ASCII, de-obfuscated
  std::vector<std::string> addresses;  // the line with the Eircode or county, shortened

  bool empty() const { return phones.empty() && emails.empty() && addresses.empty(); }
};

// At most this many of each kind are kept per page (enough for evidence).
inline constexpr size_t kMaxContactsPerKind = 5;

// Adds the contact details found in `text` (NormaliseText output) to `out`, without duplicates.
void FindContacts(std::string_view text, ContactDetails& out);

// Adds a telephone number or e-mail address taken from a tel: or mailto: link.
void AddPhone(std::string_view phone, ContactDetails& out);
void AddEmail(std::string_view email, ContactDetails& out);

// Merges `from` into `into`, without duplicates and within the per-kind limit.
void MergeContacts(const ContactDetails& from, ContactDetails& into);

}  // namespace plainsight::engine::site
