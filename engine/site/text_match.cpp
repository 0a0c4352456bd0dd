// Text matching for the site-level checks (text_match.h).
#include "engine/site/text_match.h"

#include <algorithm>
#include <cassert>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "engine/utf8.h"

namespace plainsight::engine::site {

std::string NormaliseText(std::string_view utf8) {
  // NFC only when needed: most page text is already composed, and the quick check is cheap.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  std::string_view text = utf8;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status) && nfc != nullptr) {
    UErrorCode check = U_ZERO_ERROR;
    if (nfc->quickCheck(u, check) != UNORM_YES || U_FAILURE(check)) {
      UErrorCode norm = U_ZERO_ERROR;
      icu::UnicodeString n = nfc->normalize(u, norm);
      if (U_SUCCESS(norm)) {
        n.toUTF8String(composed);
        text = composed;
      }
    }
  }
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) {
      pending_space = false;
      out += "\xEF\xBF\xBD";  // U+FFFD for a malformed sequence
      continue;
    }
    if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(text.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

Pattern::Pattern(std::string_view pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  re_ = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  // A pattern of this module that does not compile is a bug in the module, not input.
  assert(re_->ok());
}

Pattern::~Pattern() = default;

bool Pattern::Search(std::string_view text) const {
  return re_->ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<Match> Pattern::Find(std::string_view text, size_t from) const {
  if (!re_->ok() || from > text.size()) {
    return std::nullopt;
  }
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece found;
  if (!re_->Match(input, from, text.size(), RE2::UNANCHORED, &found, 1)) {
    return std::nullopt;
  }
  auto start = static_cast<size_t>(found.data() - text.data());
  return Match{start, start + found.size()};
}

std::vector<Match> Pattern::FindAll(std::string_view text) const {
  std::vector<Match> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    auto m = Find(text, pos);
    if (!m) {
      break;
    }
    out.push_back(*m);
    pos = m->end > m->start ? m->end : m->end + 1;
  }
  return out;
}

bool Pattern::FindGroups(std::string_view text, size_t from,
                         std::vector<std::string_view>& groups) const {
  if (!re_->ok() || from > text.size()) {
    return false;
  }
  int n = re_->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(n));
  re2::StringPiece input(text.data(), text.size());
  if (!re_->Match(input, from, text.size(), RE2::UNANCHORED, pieces.data(), n)) {
    return false;
  }
  groups.clear();
  for (const re2::StringPiece& p : pieces) {
    groups.emplace_back(p.data() == nullptr ? std::string_view()
                                            : std::string_view(p.data(), p.size()));
  }
  return true;
}

std::string Truncate(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  size_t cut = Utf8CutPoint(text, max_bytes > 3 ? max_bytes - 3 : max_bytes);
  return std::string(text.substr(0, cut)) + "...";
}

std::string Snippet(std::string_view text, size_t start, size_t end, size_t max_bytes) {
  start = std::min(start, text.size());
  end = std::min(std::max(end, start), text.size());
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  size_t match = end - start;
  if (match >= max_bytes) {
    return Truncate(text.substr(start), max_bytes);
  }
  size_t room = max_bytes - match;
  size_t from = start > room / 2 ? start - room / 2 : 0;
  size_t to = std::min(text.size(), from + max_bytes);
  if (to == text.size() && to - from < max_bytes) {
    from = to > max_bytes ? to - max_bytes : 0;
  }
  from = Utf8CutPoint(text, from);
  to = Utf8CutPoint(text, to);
  std::string out;
  if (from > 0) {
    out += "...";
  }
  out.append(text.substr(from, to - from));
  if (to < text.size()) {
    out += "...";
  }
  return out;
}

}  // namespace plainsight::engine::site
