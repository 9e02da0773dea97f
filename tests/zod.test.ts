import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NewEvent } from '../src/domain/catalog';

describe("the Worker's zod (src/zod)", () => {
  it('holds only the names of zod the service uses, as in the bundle', () => {
    const names = z as unknown as Record<string, unknown>;
    for (const name of ['locales', 'core', 'toJSONSchema', 'fromJSONSchema', 'email', 'map', 'promise']) expect(names[name], name).toBeUndefined();
    expect(typeof z.string).toBe('function');
  });

  it('still says what is wrong in English, and still parses and describes schemas', () => {
    const result = NewEvent.safeParse({ type: 'EventNoted', occurred: 1976, headline: 'x', source: {}, data: {} });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path.join('/') === 'occurred')?.message).toBe('Invalid input: expected string, received number');
    expect(z.object({ a: z.string().max(3) }).parse({ a: 'abc' })).toEqual({ a: 'abc' });
    expect(z.string().describe('a word').description).toBe('a word');
  });
});
