// The target sets the HTML rules declare (engine::Rule::target_tags, target_attributes): the
// tags or attributes without which a rule can find nothing, so that the runner leaves it out of
// pages that have none (engine::MayApply). One named set for each set several rules declare;
// a set only one rule needs stays in that rule's file. tests/rule_targets_test.cpp holds every
// rule to its set.
#pragma once

#include <string_view>

namespace plainsight::rules::targets {

// Elements that can be links: <a> and an image map's <area> (HTML 4.5.1, 4.8.13).
inline constexpr std::string_view kLinks[] = {"a", "area"};
// Only <a>: the rules that judge links in running text, where an <area> cannot stand.
inline constexpr std::string_view kAnchors[] = {"a"};
// Images (HTML 4.8.3).
inline constexpr std::string_view kImages[] = {"img"};
// Images and image inputs (<input type="image">, HTML 4.10.5.1.20).
inline constexpr std::string_view kImagesAndInputs[] = {"img", "input"};
// Form inputs of any type (HTML 4.10.5).
inline constexpr std::string_view kInputs[] = {"input"};
// Inline frames (HTML 4.8.5).
inline constexpr std::string_view kIframes[] = {"iframe"};
// <meta> elements (HTML 4.2.5): refresh, viewport.
inline constexpr std::string_view kMeta[] = {"meta"};
// Tables (HTML 4.9.1).
inline constexpr std::string_view kTables[] = {"table"};

// Headings (HTML 4.3.6), the elements with the implicit role heading (HTML-AAM); with
// kRoleAttribute for role="heading".
inline constexpr std::string_view kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
// The page's <title> (HTML 4.2.2).
inline constexpr std::string_view kTitles[] = {"title"};
// Paragraphs (HTML 4.4.1).
inline constexpr std::string_view kParagraphs[] = {"p"};
// Sectioning content that should carry a heading: <section> and <article> (HTML 4.3.2-4.3.3).
inline constexpr std::string_view kSectioning[] = {"section", "article"};
// <label> elements (HTML 4.10.4): without one, no field has a label element.
inline constexpr std::string_view kLabels[] = {"label"};
// Controls whose change can run a script: lists and radio buttons or checkboxes (HTML 4.10.7,
// 4.10.5).
inline constexpr std::string_view kChoiceControls[] = {"select", "input"};

// Script elements (HTML 4.12.1).
inline constexpr std::string_view kScripts[] = {"script"};

// The role attribute: rules whose targets may be any element given a role (WAI-ARIA 1.2 5.1).
inline constexpr std::string_view kRoleAttribute[] = {"role"};
// Any WAI-ARIA attribute (engine::NamesPresent::kAnyAriaAttribute).
inline constexpr std::string_view kAriaAttributes[] = {"aria-*"};
// aria-hidden (WAI-ARIA 1.2 6.7).
inline constexpr std::string_view kAriaHiddenAttribute[] = {"aria-hidden"};
// A role, or a declarative shadow root; with kScripts, for the rules that ask about trees a
// script may build (scripts.h BuildsShadowTrees).
inline constexpr std::string_view kRoleOrShadowRoot[] = {"role", "shadowrootmode"};
// The id attribute (HTML 3.2.6).
inline constexpr std::string_view kIdAttribute[] = {"id"};
// The lang attribute (HTML 3.2.6.2).
inline constexpr std::string_view kLangAttribute[] = {"lang"};
// The style attribute (HTML 3.2.6): rules about declarations set inline with !important.
inline constexpr std::string_view kStyleAttribute[] = {"style"};
// The tabindex attribute (HTML 6.6.3).
inline constexpr std::string_view kTabindexAttribute[] = {"tabindex"};
// Mouse click handlers in markup (keyboard_support.h HasClickHandler).
inline constexpr std::string_view kClickHandlers[] = {"onclick", "onmousedown", "onmouseup",
                                                      "ondblclick"};

}  // namespace plainsight::rules::targets
