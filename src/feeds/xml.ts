// Characters XML 1.0 forbids even when escaped (C0 controls but tab and newlines, lone surrogates, U+FFFE/F).
// Event text is validated for length, not for these, so they are dropped rather than breaking a feed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe for XML and HTML, in element content and in double-quoted attributes alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (char) => ENTITIES[char]);
}

/** `<name a="…">text</name>`, escaped; an absent value leaves the element out. */
export function element(name: string, text: string | null | undefined, attributes: Record<string, string> = {}): string {
  if (text === null || text === undefined) return '';
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

/** `<name a="…"/>`. */
export function emptyElement(name: string, attributes: Record<string, string>): string {
  return `<${name}${attributesOf(attributes)}/>`;
}

function attributesOf(attributes: Record<string, string>): string {
  return Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
