/**
 * The little XML the IATI export writes, as strings: it is written activity by activity to a
 * stream, so no document tree is ever built.
 */

/** Characters XML 1.0 does not allow at all (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character NOT_XML could concern: most texts have none, and this test is much cheaper. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const clean = (value: string) => (SUSPECT.test(value) ? value.replace(NOT_XML, '') : value);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Text content: markup characters escaped, characters XML cannot carry dropped. */
export function xmlText(value: string): string {
  return clean(value).replace(/[&<>\r]/g, (char) => ESCAPES[char]);
}

/** An attribute value (double-quoted): also quotes and white space other than spaces escaped, so they survive parsing. */
export function xmlAttribute(value: string): string {
  return clean(value).replace(/[&<>"\n\r\t]/g, (char) => ESCAPES[char]);
}

export type Attributes = Record<string, string | number | null | undefined | false>;

function attributes(values: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${xmlAttribute(String(value))}"`;
  }
  return out;
}

/** `<name attributes>children</name>`, or `<name attributes/>` without children. */
export function element(name: string, attrs: Attributes = {}, ...children: string[]): string {
  const inner = children.join('');
  return inner ? `<${name}${attributes(attrs)}>${inner}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

/** An element holding text. */
export function textElement(name: string, attrs: Attributes, text: string): string {
  return `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;
}
