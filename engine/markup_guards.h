// Scans of markup made before it reaches a parser, to keep hostile input from making the parse
// superlinear. Internal to engine/dom_parse.cpp (and its tests): nothing above the engine calls
// these.
//
// Both parsers the engine uses do work proportional to the square of something a page controls:
// Gumbo walks the stack of open elements for every start tag (nesting depth squared) and checks
// each attribute against the tag's earlier ones, and merges the attributes of repeated <html>
// and <body> tags the same way (attributes squared); libxml2 appends each attribute to the end
// of a linked list (attributes squared). One element with 50,000 attributes took 8 s in Gumbo
// and 22 s in libxml2, 1,000,000 would take hours. The scans below find where a page passes a
// limit, in one pass over the markup, so that the caller can cut or blank it first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight::engine::markup {

// Where input nesting of elements whose end tag is required first passes `limit`: the byte
// offset to cut the input at, or npos when it never does.
size_t DeepNestingCutoff(std::string_view s, int limit);

// A stretch of a tag whose attributes are past the limit: [begin, end) in bytes, and the line
// (1-based) the tag starts on.
struct ExcessAttributes {
  size_t begin = 0;
  size_t end = 0;
  size_t line = 0;
  size_t attributes = 0;  // how many the tag has in all
  // For <html> and <body> start tags: how many all of them up to this one have together, the
  // count the limit applies to. 0 for other tags.
  size_t merged_attributes = 0;
};

// The tags of `s` that have more than `max_attributes` attributes, in order, as the HTML
// tokenizer (HTML 13.2.5.32-13.2.5.42) splits a tag into attributes: whitespace, "/" and the end
// of a quoted value separate them, and only a ">" outside quotes ends the tag. Each range starts
// at the first attribute past the limit and ends after the tag's last one. The attributes of
// every <html> and of every <body> start tag count together, as the parser merges them onto one
// element. The contents of script, style, title and the other raw-text elements hold no tags
// when the tree builder switches the tokenizer for them, which the scan follows as far as it
// matters (not in foreign content, nor for most in a <select> or <frameset>; see TreeContext in
// the .cpp, whose approximations are noted there). `html` false: XML, where comments, CDATA and
// processing instructions end as XML says and there is no raw text.
std::vector<ExcessAttributes> FindExcessAttributes(std::string_view s, size_t max_attributes,
                                                   bool html);

// Replaces each range's bytes with spaces, keeping line breaks so that every position after it
// (line, column, byte offset) stays where it was.
void BlankRanges(std::string& s, const std::vector<ExcessAttributes>& ranges);

}  // namespace plainsight::engine::markup
