/**
 * Which URLs a webhook may be sent to (a guard against server-side request forgery): https only,
 * no credentials, no IP literal in a private, loopback, link-local, CGNAT, multicast or reserved
 * range. With `allowHttpLocal`, http://localhost and http://127.0.0.1 are allowed for development.
 * Returns why a URL is refused, or null when it is fine.
 */
export function webhookUrlProblem(raw: string, allowHttpLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'a webhook URL may not carry credentials';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const local = host === 'localhost' || host === '127.0.0.1';
  if (allowHttpLocal && local && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'a webhook URL must use https';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost is not reachable from the service';
  const range = host.startsWith('[') ? ipv6Range(host.slice(1, -1)) : ipv4Range(host);
  return range ? `${host} is in a ${range} address range` : null;
}

const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, '"this network"'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'CGNAT (shared)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** The range an IPv4 literal falls in, or null (also null when `host` is not an IPv4 literal). */
function ipv4Range(host: string): string | null {
  const value = ipv4Value(host);
  if (value === null) return null;
  for (const [base, bits, name] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if (((value & mask) >>> 0) === ((ipv4Value(base)! & mask) >>> 0)) return name;
  }
  return null;
}

// The URL parser has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
function ipv4Value(host: string): number | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

function ipv6Range(literal: string): string | null {
  const words = ipv6Words(literal);
  if (!words) return 'malformed IPv6';
  const [first] = words;
  const embeddedV4 = (high: number, low: number) =>
    `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  if (words.every((word) => word === 0)) return 'unspecified';
  if (words.slice(0, 7).every((word) => word === 0) && words[7] === 1) return 'loopback';
  // An IPv4 address inside an IPv6 one is judged as that IPv4 address.
  const embedded = (kind: string, high: number, low: number) => {
    const range = ipv4Range(embeddedV4(high, low));
    return range && `${kind} ${range}`;
  };
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff) return embedded('IPv4-mapped', words[6], words[7]);
  if (words.slice(0, 6).every((word) => word === 0)) return 'IPv4-compatible';
  if (first === 0x64 && words[1] === 0xff9b) return embedded('NAT64', words[6], words[7]);
  if (first === 0x2002) return embedded('6to4', words[1], words[2]);
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xffc0) === 0xfec0) return 'site-local';
  if ((first & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if ((first & 0xe000) !== 0x2000) return 'reserved';
  return null;
}

/** Eight 16-bit words, or null. The URL parser has already normalised the literal. */
function ipv6Words(literal: string): number[] | null {
  let text = literal;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Value(dotted[1]);
    if (value === null) return null;
    text = text.slice(0, -dotted[1].length) + `${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((word) => parseInt(word, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const missing = 8 - left.length - right.length;
  const words = tail === undefined ? left : [...left, ...Array(Math.max(missing, 0)).fill(0), ...right];
  return words.length === 8 && words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffff) ? words : null;
}
