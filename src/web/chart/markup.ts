import { escapeXml } from '../../feeds/xml';

/** Building SVG elements as text: attributes escaped, fractions of the width written as percentages. */

export type Attribute = string | number | null | undefined;

/** A fraction of the chart's width as an SVG length. */
export const pct = (fraction: number) => `${(Math.max(0, fraction) * 100).toFixed(3)}%`;

/** `<name …>children</name>`, or `<name …/>` without children; null and undefined attributes are left out. */
export function tag(name: string, attributes: Record<string, Attribute>, children = ''): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return children ? `<${name}${written}>${children}</${name}>` : `<${name}${written}/>`;
}

/** Text content, escaped. */
export const text = (attributes: Record<string, Attribute>, content: string) => tag('text', attributes, escapeXml(content));

/** The hover text of a mark. */
export const title = (content: string) => `<title>${escapeXml(content)}</title>`;
