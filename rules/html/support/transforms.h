// Rotation applied by CSS transforms (CSS Transforms 1 section 12 and CSS Transforms 2 section
// 13: rotate(), rotateZ(), rotate3d(), matrix(), matrix3d(); the rotate property), for the
// orientation rule (WCAG 2.2 SC 1.3.4). Hand-written: the cascade keeps transforms as written
// and does not interpret them, and this is all the rule needs. Pure functions; no I/O.
#pragma once

#include <optional>
#include <string_view>

namespace plainsight::rules {

// The rotation about the z axis, in degrees in [0, 360), that a computed `transform` value
// applies: the sum of rotate()/rotateZ()/rotate3d(0,0,z,a) angles and the angle of
// matrix()/matrix3d() (atan2(b, a)). translate/scale/perspective are ignored. 0 for "none" or
// "". std::nullopt when a function cannot be read (skew, var(), bad syntax), or for a rotate3d()
// about another axis.
std::optional<double> RotationDegrees(std::string_view transform);
// Does the value contain a rotating function (rotate*, matrix*)?
bool HasRotation(std::string_view transform);

}  // namespace plainsight::rules
