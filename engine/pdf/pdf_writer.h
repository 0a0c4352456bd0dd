// A tiny PDF writer for examples, tests, fuzz seeds and benchmarks: it wraps PDF objects written
// by hand in a complete file (header, cross-reference table, trailer; ISO 32000-1 7.5), so that
// a rule's examples are real PDFs read by the real parser.
//
// The examples of the rules in rules/pdf/ are written in this form: a sequence of indirect
// objects in PDF syntax,
//
//   1 0 obj << /Type /Catalog /Pages 2 0 R /Lang (en-IE) >> endobj
//   2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
//   3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
//
// optionally followed by `trailer << /Info 9 0 R >>`. Object 1 is the catalog (/Root). A stream
// is written `<< ... >> stream` newline, data, newline `endstream`; its /Length is filled in when
// missing.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine::pdf {

// The complete file. Never fails: malformed input gives a malformed PDF, which is what tests of
// bad input want.
std::string WritePdf(std::string_view objects);

// The form of the rules' examples: WritePdf(objects) with a one-page document filled in for
// each of the object numbers 1 to 5 that `objects` does not define:
//   1  << /Type /Catalog /Pages 2 0 R >>
//   2  << /Type /Pages /Kids [3 0 R] /Count 1 >>
//   3  << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R
//        /Resources << /Font << /F1 5 0 R >> >> >>
//   4  a content stream showing "Bin collection days" in /F1 at 12 points, as marked content
//      /P << /MCID 0 >> (so a structure element can own it: << /S /P /Pg 3 0 R /K 0 >>)
//   5  << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>
// An example that defines only its catalog is a one-page document with text.
std::string ExamplePdf(std::string_view objects);

// Escapes text for a PDF literal string: backslash, parentheses (ISO 32000-1 7.3.4.2).
std::string PdfLiteral(std::string_view text);

}  // namespace plainsight::engine::pdf
