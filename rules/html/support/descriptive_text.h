// The few general signals that a name or title says nothing (WCAG 2.2 failure techniques F30
// and F84, and the examples of G91): generic link text, placeholder image names, file names.
// English only; other languages are left to human review. Pure functions; no I/O.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/rule.h"

namespace plainsight::rules {

// Lowercases ASCII letters and drops surrounding punctuation and whitespace, for comparing a
// name with the short lists below ("Read more..." -> "read more").
std::string NormalizeForComparison(std::string_view text);

// Is the text, normalised as above, one of `phrases` (lowercase, without surrounding marks)?
bool MatchesPhrase(std::string_view text, std::span<const std::string_view> phrases);

// Template text: one of `placeholders` (as MatchesPhrase) or dummy text that starts "Lorem
// ipsum" (WCAG 2.4.6: a heading or label left as the template wrote it describes nothing).
bool IsTemplateText(std::string_view text, std::span<const std::string_view> placeholders);

// The verdict of the "is descriptive" rules (WCAG 2.4.2, 2.4.6, 1.1.1 with F30): text known to
// be a placeholder fails with `fail_message`; any other text needs a person, who is asked
// `question` (cantTell). Whether text describes its subject is a matter of meaning.
void JudgeDescriptive(engine::Findings& out, const engine::Node* target, bool placeholder,
                      std::string fail_message, std::string question);

// Link text that says nothing about where the link goes on its own (WCAG F84 and G91): "click
// here", "more", "read more", "here", "link"... English and Irish ("cliceáil anseo",
// "tuilleadh", "léigh tuilleadh").
bool IsGenericLinkText(std::string_view name);

// A text alternative that is a placeholder or a file name rather than a description (WCAG F30):
// "image", "photo", "spacer", "logo.png", "IMG_0042.JPG". English only.
bool IsPlaceholderImageName(std::string_view name);

// The last path segment of a URL without query or fragment ("a/b/logo.png?x=1" -> "logo.png").
std::string UrlFileName(std::string_view url);

// Does the text look like a file name: one word ending in a known document or image extension?
bool LooksLikeFileName(std::string_view text);

// Whether `name` is the file name of `src` without its extension, and looks like one rather
// than like words: no space, and an underscore, hyphen, dot or digit in it ("IMG_0042" or
// "bins-header-2" for ".../bins-header-2.jpg"; not "Dublin" for "dublin.jpg").
bool IsSourceFileStem(std::string_view name, std::string_view src);

}  // namespace plainsight::rules
