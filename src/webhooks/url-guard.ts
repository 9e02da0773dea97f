import ipaddr from 'ipaddr.js';

/**
 * Which URLs a webhook may be sent to (a guard against server-side request forgery): https only, no
 * credentials, no port 0, no name that only resolves inside a private network (`localhost`, `*.local`,
 * `*.internal`, `metadata`, any name of one label …), and no IP literal outside ordinary global unicast:
 * every range of the IANA IPv4 and IPv6 special-purpose registries (private, loopback, link-local, CGNAT,
 * documentation, benchmarking, Teredo, 6to4 relays …, as kept by ipaddr.js), multicast and reserved space.
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
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return inRange(host, ipv4Range(ipaddr.IPv4.parse(host)));
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

/** Words for ipaddr.js's range names. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: '"this network"',
  broadcast: 'limited broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'CGNAT (shared)',
  private: 'private',
  reserved: 'reserved (documentation, benchmarking, relay or protocol)',
  benchmarking: 'benchmarking',
  as112: 'AS112 (DNS sink)',
  amt: 'AMT relay',
  uniqueLocal: 'unique local (private)',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  rfc6145: 'IPv4-translated',
  teredo: 'Teredo',
  as112v6: 'AS112 (DNS sink)',
  deprecatedOrchid: 'ORCHID',
  orchid2: 'ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'drone remote ID',
  segmentRouting: 'SRv6 segment',
};

const words = (range: string) => RANGE_WORDS[range] ?? range;

/** The special range an IPv4 address falls in, or null for ordinary unicast. */
function ipv4Range(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === 'unicast' ? null : words(range);
}

/** The special range an IPv6 literal falls in, or null for ordinary global unicast. */
function ipv6Range(literal: string): string | null {
  if (!ipaddr.IPv6.isValid(literal)) return 'malformed IPv6';
  const address = ipaddr.IPv6.parse(literal);
  const range = address.range() as string;
  const parts = address.parts;
  const embedded = (kind: string, high: number, low: number) => {
    const inner = ipv4Range(new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]));
    return inner && `${kind} ${inner}`;
  };
  if (range === 'unspecified') return 'unspecified';
  if (range === 'ipv4Mapped') return embedded('IPv4-mapped', parts[6], parts[7]);
  // 64:ff9b::/96 carries a global IPv4 address; 64:ff9b:1::/48 is for translation inside a network.
  if (range === 'rfc6052') return parts.slice(2, 6).some(Boolean) ? 'local-use NAT64' : embedded('NAT64', parts[6], parts[7]);
  if (range === '6to4') return embedded('6to4', parts[1], parts[2]);
  if (range !== 'unicast') return words(range);
  if (parts.slice(0, 6).every((part) => part === 0)) return 'IPv4-compatible';
  // Global unicast is 2000::/3; the rest of the space is not allocated.
  return (parts[0] & 0xe000) === 0x2000 ? null : 'reserved';
}
