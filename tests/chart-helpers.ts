import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { SOURCE } from './setup/client';

/** Reading the chart as a reader's software does: it must be XML; its marks are elements with data attributes and a <title>. */

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  /** Its own text, and that of its <title> if it has one. */
  text: string;
  title: string | null;
  children: SvgElement[];
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementOf(node: Node): SvgElement | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name === '?xml') return null;
  const content = node[name] as Node[];
  const children = content.map(elementOf).filter((child): child is SvgElement => child !== null);
  const text = content.map((child) => child['#text'] ?? '').join('');
  const title = children.find((child) => child.name === 'title')?.text ?? null;
  return { name, attributes: node[':@'] ?? {}, text: String(text), title, children };
}

/** The root <svg> of a chart, after checking that the text is well-formed XML. */
export function parseSvg(svg: string): SvgElement {
  expect(XMLValidator.validate(svg)).toBe(true);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false });
  const roots = (parser.parse(svg) as Node[]).map(elementOf).filter((root): root is SvgElement => root !== null);
  expect(roots.map((root) => root.name)).toEqual(['svg']);
  return roots[0];
}

/** Every element below `root` (itself included) that satisfies `test`, in document order. */
export function findAll(root: SvgElement, test: (element: SvgElement) => boolean): SvgElement[] {
  return [...(test(root) ? [root] : []), ...root.children.flatMap((child) => findAll(child, test))];
}

export const withAttribute = (root: SvgElement, name: string) => findAll(root, (element) => name in element.attributes);

export const event = (type: string, occurred: string, headline: string, data: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) =>
  ({ type, occurred, headline, source: SOURCE, data, ...fields });

export const signed = (agreementId: string, occurred: string, validUntil: string | null, level = 'federal') =>
  event('AgreementSigned', occurred, `Agreement ${agreementId} signed`, {
    agreementId, title: `Agreement ${agreementId}`, kind: 'agreement', parties: ['A', 'B'], validUntil,
  }, { level });
