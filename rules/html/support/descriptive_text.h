// The few general signals that a name or title says nothing (WCAG 2.2 failure techniques F30
// and F84, and the examples of G91): generic link text, placeholder image names, file names.
// English only; other languages are left to human review. Pure functions; no I/O.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::rules {

// Lowercases ASCII letters and drops surrounding punctuation and whitespace, for comparing a
// name with the short lists below ("Read more..." -> "read more").
std::string NormalizeForComparison(std::string_view text);

// Link text that says nothing about where the link goes on its own (WCAG F84 and G91): "click
// here", "more", "read more", "here", "link"... English only.
bool IsGenericLinkText(std::string_view name);

// A text alternative that is a placeholder or a file name rather than a description (WCAG F30):
// "image", "photo", "spacer", "logo.png", "IMG_0042.JPG". English only.
bool IsPlaceholderImageName(std::string_view name);

// The last path segment of a URL without query or fragment ("a/b/logo.png?x=1" -> "logo.png").
std::string UrlFileName(std::string_view url);

// Does the text look like a file name: one word ending in a known document or image extension?
bool LooksLikeFileName(std::string_view text);

}  // namespace plainsight::rules
