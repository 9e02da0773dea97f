import type { MiddlewareHandler } from 'hono';

/**
 * For a route whose JSON body is optional: no body at all reads as `{}`, even when the request declares
 * JSON (`curl -X POST -H 'content-type: application/json' …` with nothing to say), as it did before the
 * route took a body. Nothing is read: a request with a body is validated as any other, and one without a
 * content type is the validator's own `{}`.
 */
export const noBodyIsEmptyObject: MiddlewareHandler = async (c, next) => {
  const declared = /^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '');
  if (declared && (c.req.raw.body === null || c.req.header('content-length') === '0')) {
    c.req.raw = new Request(c.req.raw, { body: '{}' });
  }
  await next();
};
