import { env } from 'cloudflare:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../src/webhooks/url-guard';
import { api, subscribe, webhookRelation } from './webhooks-helpers';

/** Which URLs a webhook may be sent to: the guard itself, the API's 422 naming /url, and the check before each send. */

const valid = () => ({ url: 'https://hooks.example.org/relations', events: ['event.recorded'], relations: [webhookRelation()] });

describe('the URL guard', () => {
  const refused = [
    ['http://hooks.example.org/x', /https/],
    ['https://user:secret@hooks.example.org/x', /credentials/],
    ['https://10.1.2.3/x', /private/],
    ['https://172.20.0.1/x', /private/],
    ['https://192.168.1.1/x', /private/],
    ['https://127.0.0.2/x', /loopback/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://100.64.0.1/x', /CGNAT/],
    ['https://224.0.0.1/x', /multicast/],
    ['https://0.0.0.0/x', /this network/],
    ['https://[::1]/x', /loopback/],
    ['https://[::]/x', /unspecified/],
    ['https://[::ffff:127.0.0.1]/x', /IPv4-mapped loopback/],
    ['https://[::ffff:a00:1]/x', /IPv4-mapped private/],
    ['https://[fe80::1]/x', /link-local/],
    ['https://[fd12:3456::1]/x', /unique local/],
    ['https://[ff02::1]/x', /multicast/],
    ['https://[64:ff9b::a9fe:a9fe]/x', /NAT64 link-local/],
    // The rest of the IANA special-purpose registries: documentation, relays, benchmarking, translation.
    ['https://192.0.2.1/x', /reserved/],
    ['https://198.51.100.7/x', /reserved/],
    ['https://203.0.113.9/x', /reserved/],
    ['https://192.88.99.1/x', /reserved/],
    ['https://192.0.0.170/x', /reserved/],
    ['https://198.19.0.1/x', /benchmarking|reserved/],
    ['https://255.255.255.255/x', /broadcast/],
    ['https://240.0.0.1/x', /reserved/],
    ['https://[2001:db8::1]/x', /reserved/],
    ['https://[2001:db8:ffff::1]/x', /reserved/],
    ['https://[2001::1]/x', /Teredo/],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x', /Teredo/],
    ['https://[2001:2::1]/x', /benchmarking/],
    ['https://[2001:10::1]/x', /ORCHID/],
    ['https://[2001:1ff::1]/x', /reserved/],
    ['https://[3fff::1]/x', /reserved/],
    ['https://[5f00::1]/x', /SRv6/],
    ['https://[100::1]/x', /discard/],
    ['https://[100:0:0:1::1]/x', /reserved/],
    ['https://[64:ff9b:1::a]/x', /local-use NAT64/],
    ['https://[2002:c000:201::1]/x', /6to4 reserved/],
    ['https://[2002:a00:1::1]/x', /6to4 private/],
    ['https://[::ffff:c633:6407]/x', /IPv4-mapped reserved/],
    ['https://[fec0::1]/x', /site-local/],
    ['https://[4000::1]/x', /reserved/],
    // Port 0, and names that only a private network resolves.
    ['https://hooks.example.org:0/x', /port 0/],
    ['https://8.8.8.8:00/x', /port 0/],
    ['https://metadata/computeMetadata/v1/', /local network/],
    ['https://metadata./x', /local network/],
    ['https://instance-data/latest/', /local network/],
    ['https://ip6-localhost/x', /local network/],
    ['https://ip6-loopback/x', /local network/],
    ['https://localhost.localdomain/x', /\.localdomain/],
    ['https://metadata.google.internal/x', /\.internal/],
    ['https://INSTANCE-DATA.EC2.INTERNAL/x', /\.internal/],
    ['https://printer.local/x', /\.local\b/],
    ['https://router.home.arpa/x', /\.home\.arpa/],
    ['https://hooks.test/x', /\.test/],
    ['https://api.localhost/x', /localhost/],
  ] as const;

  it.each(refused)('refuses %s', async (url, reason) => {
    expect(webhookUrlProblem(url, false)).toMatch(reason);
    const response = await api('POST', '/v1/webhooks', { ...valid(), url });
    expect(response.status).toBe(422);
    const problem = await response.json<any>();
    expect(problem.errors).toEqual([{ pointer: '/url', detail: expect.stringMatching(reason) }]);
  });

  it('refuses the local machine however it is written, unless ALLOW_HTTP_WEBHOOKS is set (as in these tests)', () => {
    for (const [url, reason] of [['https://localhost/x', /localhost/], ['https://0x7f.1/x', /loopback/], ['https://2130706433/x', /loopback/]] as const) {
      expect(webhookUrlProblem(url, false)).toMatch(reason);
      expect(webhookUrlProblem(url, true)).toBeNull();
    }
  });

  it('judges an IPv4 address the same however it is written: dotted, one number, or IPv4-mapped IPv6', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => {
      const [a, b, c, d] = ip.split('.').map(Number);
      const verdict = webhookUrlProblem(`https://${ip}/x`, false) === null;
      expect(webhookUrlProblem(`https://${((a * 256 + b) * 256 + c) * 256 + d}/x`, false) === null).toBe(verdict);
      const mapped = `[::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}]`;
      expect(webhookUrlProblem(`https://${mapped}/x`, false) === null).toBe(verdict);
    }), { numRuns: 500 });
  });

  it('judges every address as the ranges of ipaddr.js do (the registries the guard keeps)', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => {
      expect(webhookUrlProblem(`https://${ip}/x`, false) === null, ip).toBe(ipaddr.IPv4.parse(ip).range() === 'unicast');
    }), { numRuns: 2000 });
    const carriesIPv4 = ['ipv4Mapped', 'rfc6052', '6to4'];
    fc.assert(fc.property(fc.ipV6(), (ip) => {
      const address = ipaddr.IPv6.parse(ip);
      const range = address.range() as string;
      fc.pre(!carriesIPv4.includes(range) && !address.parts.slice(0, 6).every((part) => part === 0));
      const global = range === 'unicast' && (address.parts[0] & 0xe000) === 0x2000;
      expect(webhookUrlProblem(`https://[${ip}]/x`, false) === null, ip).toBe(global);
    }), { numRuns: 2000 });
  });

  it('accepts public https URLs and, only when allowed, http on the local machine', () => {
    for (const url of [
      'https://hooks.example.org/x', 'https://8.8.8.8/x', 'https://[2606:4700::1111]/x', 'https://hooks.example.org:8443/x',
      'https://[2001:4860:4860::8888]/x', 'https://[2001:200::1]/x', 'https://[64:ff9b::808:808]/x', 'https://[2002:808:808::1]/x',
      'https://[::ffff:808:808]/x', 'https://1.1.1.1/x', 'https://192.0.3.1/x', 'https://hooks.internal-news.example.org/x',
      'https://local.example.org/x', 'https://newsroom.co.uk/x',
    ]) {
      expect(webhookUrlProblem(url, false)).toBeNull();
    }
    expect(webhookUrlProblem('http://localhost:9999/x', true)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9999/x', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:9999/x', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:9999/x', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://10.0.0.1/x', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://localhost:0/x', true)).toMatch(/port 0/);
    expect(webhookUrlProblem('http://metadata/x', true)).toMatch(/https/);
  });

  it('checks a URL again before every send: a subscription whose URL the rules now refuse is not sent to', async () => {
    const subscription = await subscribe({ url: 'https://hooks.example.org/later-refused', events: ['anniversary.today'], relations: [webhookRelation()] });
    await env.DB.prepare('UPDATE webhook_subscriptions SET url = ?2 WHERE id = ?1').bind(subscription.id, 'https://[2001:db8::7]/x').run();
    const test = await (await api('POST', `/v1/webhooks/${subscription.id}/test`)).json<any>();
    expect(test.attempts).toEqual([expect.objectContaining({ statusCode: null, succeeded: false, error: expect.stringMatching(/^not sent: .*reserved/) })]);
  });
});
