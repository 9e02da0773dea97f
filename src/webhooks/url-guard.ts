/**
 * Which URLs a webhook may be sent to (a guard against server-side request forgery): https only, no
 * credentials, no port 0, no name that only resolves inside a private network (`localhost`, `*.local`,
 * `*.internal`, `metadata`, any name of one label …), and no IP literal outside ordinary global unicast:
 * every range of the IANA IPv4 and IPv6 special-purpose registries (private, loopback, link-local, CGNAT,
 * documentation, benchmarking, Teredo, 6to4 relays …, below), multicast and reserved space.
 * An IPv4 address written inside an IPv6 one (IPv4-mapped, NAT64, 6to4) is judged as that IPv4 address.
 * With `allowHttpLocal`, http://localhost and http://127.0.0.1 are allowed for development.
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
  if (url.port === '0') return 'port 0 is not a port a webhook can be sent to';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const local = host === 'localhost' || host === '127.0.0.1';
  if (allowHttpLocal && local && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'a webhook URL must use https';
  if (host.startsWith('[')) return inRange(host, ipv6Range(host.slice(1, -1)));
  // The URL parser has already turned 0x7f.1, 2130706433 and friends into dotted decimal.
  const octets = ipv4Parts(host);
  if (octets) return inRange(host, ipv4Range(octets));
  return internalNameProblem(host);
}

const inRange = (host: string, range: string | null) => range && `${host} is in a ${range} address range`;

// Names that never lead to the public internet: special-use domains (RFC 6761, 6762, 7686, 8375) and the
// suffixes private networks and cloud providers use for their own hosts.
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa', 'invalid', 'test', 'onion'];

function internalNameProblem(host: string): string | null {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost is not reachable from the service';
  // `metadata`, `instance-data`, `ip6-localhost`, `intranet`: a name of one label is only ever resolved
  // by a private resolver (no top-level domain answers as a host).
  if (!host.includes('.')) return `${host} is a name of the local network, not of the internet`;
  const suffix = INTERNAL_SUFFIXES.find((name) => host === name || host.endsWith(`.${name}`));
  return suffix ? `${host} is under .${suffix}, a domain of private networks, not of the internet` : null;
}

/** What an address range is, as the refusal says it. */
const RESERVED = 'reserved (documentation, benchmarking, relay or protocol)';
const AS112 = 'AS112 (DNS sink)';

/**
 * The IPv4 special-purpose ranges (IANA's registry, RFC 5735, 5737, 2544, 6598, 7534, 7535, 7450 and the RFC 1918
 * private ranges), as `words cidr`; the first that holds an address is its range. Anything else is ordinary unicast.
 */
const IPV4_RANGES = [
  ['"this network"', '0.0.0.0/8'], ['limited broadcast', '255.255.255.255/32'], ['multicast', '224.0.0.0/4'],
  ['link-local', '169.254.0.0/16'], ['loopback', '127.0.0.0/8'], ['CGNAT (shared)', '100.64.0.0/10'],
  ['private', '10.0.0.0/8'], ['private', '172.16.0.0/12'], ['private', '192.168.0.0/16'],
  [RESERVED, '192.0.0.0/24'], [RESERVED, '192.0.2.0/24'], [RESERVED, '192.88.99.0/24'], [RESERVED, '198.18.0.0/15'],
  [RESERVED, '198.51.100.0/24'], [RESERVED, '203.0.113.0/24'], [RESERVED, '240.0.0.0/4'],
  [AS112, '192.175.48.0/24'], [AS112, '192.31.196.0/24'], ['AMT relay', '192.52.193.0/24'],
];

/**
 * The IPv6 ones likewise (RFC 4291, 3879, 6666, 6145, 6052, 8215, 3056, 5180, 7450, 7534, 7535, 4843, 7343, 9374,
 * 9602, 3849, 2928, 9637), in the order that makes the narrower ranges of 2001::/23 win; the ranges that carry an
 * IPv4 address (IPv4-mapped, NAT64, 6to4) are named by a word of their own, which `ipv6Range` reads.
 */
const IPV6_RANGES = [
  ['unspecified', '::/128'], ['link-local', 'fe80::/10'], ['multicast', 'ff00::/8'], ['loopback', '::1/128'],
  ['unique local (private)', 'fc00::/7'], ['mapped', '::ffff:0:0/96'], ['site-local', 'fec0::/10'], ['discard-only', '100::/64'],
  ['IPv4-translated', '::ffff:0:0:0/96'], ['nat64', '64:ff9b::/96'], ['local-use NAT64', '64:ff9b:1::/48'], ['6to4', '2002::/16'],
  ['Teredo', '2001::/32'], ['benchmarking', '2001:2::/48'], ['AMT relay', '2001:3::/32'], [AS112, '2001:4:112::/48'],
  [AS112, '2620:4f:8000::/48'], ['ORCHID', '2001:10::/28'], ['ORCHIDv2', '2001:20::/28'], ['drone remote ID', '2001:30::/28'],
  ['SRv6 segment', '5f00::/16'], [RESERVED, '2001::/23'], [RESERVED, '2001:db8::/32'], [RESERVED, '3fff::/20'],
];

/** An IPv4 address in dotted decimal as its four octets, or null when it is not one. */
function ipv4Parts(text: string): number[] | null {
  const parts = text.split('.').map(Number);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && parts.every((part) => part <= 255) ? parts : null;
}

/** An IPv6 address as its eight 16-bit parts, or null when it is not one (no dotted IPv4 tail: the URL parser writes it in hex). */
function ipv6Parts(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const [head, tail] = halves.map((half) => (half ? half.split(':') : []));
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail] : head;
  return groups.length === 8 && groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
}

/** The first range of `ranges` that holds `address` (parts of `width` bits, as `parse` reads a range's address). */
function rangeOf(address: number[], ranges: string[][], width: number, parse: (text: string) => number[] | null): string | null {
  const holds = (cidr: string) => {
    const [base, length] = cidr.split('/');
    const prefix = parse(base)!;
    return address.every((part, index) => {
      const bits = Math.min(width, Math.max(0, Number(length) - index * width));
      const mask = bits && ((2 ** bits - 1) * 2 ** (width - bits));
      return (part & mask) === (prefix[index] & mask);
    });
  };
  return ranges.find(([, cidr]) => holds(cidr))?.[0] ?? null;
}

/** The special range an IPv4 address falls in, or null for ordinary unicast. */
const ipv4Range = (octets: number[]) => rangeOf(octets, IPV4_RANGES, 8, ipv4Parts);

/** The special range an IPv6 literal falls in, or null for ordinary global unicast. */
function ipv6Range(literal: string): string | null {
  const parts = ipv6Parts(literal);
  if (!parts) return 'malformed IPv6';
  const range = rangeOf(parts, IPV6_RANGES, 16, ipv6Parts);
  const embedded = (kind: string, high: number, low: number) => {
    const inner = ipv4Range([high >> 8, high & 255, low >> 8, low & 255]);
    return inner && `${kind} ${inner}`;
  };
  if (range === 'mapped') return embedded('IPv4-mapped', parts[6], parts[7]);
  // 64:ff9b::/96 carries a global IPv4 address; 64:ff9b:1::/48 is for translation inside a network.
  if (range === 'nat64') return embedded('NAT64', parts[6], parts[7]);
  if (range === '6to4') return embedded('6to4', parts[1], parts[2]);
  if (range) return range;
  if (parts.slice(0, 6).every((part) => part === 0)) return 'IPv4-compatible';
  // Global unicast is 2000::/3; the rest of the space is not allocated.
  return (parts[0] & 0xe000) === 0x2000 ? null : 'reserved';
}
