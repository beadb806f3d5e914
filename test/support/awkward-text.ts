/**
 * Text that JSON must escape (quotes, backslashes, control characters, DEL, U+2028/9) beside text
 * it must keep as it is (a slash, non-ASCII, an emoji, `</script>`): for the tests of answers
 * PostgreSQL or the API writes as JSON text instead of through JSON.stringify.
 */
export const awkward = (label: string) =>
  `${label} "quoted" back\\slash /slash\nline\ttab \r\b\f \u0001\u001f\u007f é 中文 😀 </script> \u2028\u2029`;
