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

// The role attribute: rules whose targets may be any element given a role (WAI-ARIA 1.2 5.1).
inline constexpr std::string_view kRoleAttribute[] = {"role"};

}  // namespace plainsight::rules::targets
