// Reads how an image file animates: frame count, loop count and total play time of GIF
// (GIF89a), animated PNG (APNG) and animated WebP files, from their bytes alone. Used by
// html.img-animated (WCAG 2.2.2 Pause, Stop, Hide). Hand-written: the three formats only need
// their block structure walked (no pixel decoding), and no Debian library reads animation
// timing without decoding every frame.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plainsight::rules::animation {

struct Animation {
  int frames = 0;               // frames in the file (1 for a still image)
  bool loops_forever = false;   // a loop count of 0 (GIF NETSCAPE2.0, APNG num_plays, WebP ANIM)
  int plays = 1;                // times the frames are played when not forever
  double seconds_per_play = 0;  // sum of the frame delays, as browsers apply them

  bool animated() const { return frames > 1; }

  // How long the motion lasts before it stops by itself; infinity when it loops forever.
  double total_seconds() const;
};

// The animation of an image file's bytes, or nullopt when they are not a GIF, PNG or WebP
// file that could be read to its end (truncated files read up to the cut).
std::optional<Animation> ReadAnimation(std::string_view bytes);

// The bytes of a data: URL (base64 or percent-encoded), or nullopt when `url` is not a
// well-formed data: URL.
std::optional<std::string> DecodeDataUrl(std::string_view url);

}  // namespace plainsight::rules::animation
