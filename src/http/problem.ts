import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** One field that is wrong: a JSON pointer into the body, or the name of a query or path parameter. */
export type InvalidField = { pointer: string; detail: string } | { parameter: string; detail: string };

interface ProblemFields {
  type?: string;
  title: string;
  detail?: string;
  [extension: string]: unknown;
}

export interface Problem extends ProblemFields {
  status: ContentfulStatusCode;
}

/** An RFC 9457 problem details response. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', ...problem }), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

/** The same, typed for a route handler whose responses declare `application/problem+json`. */
export function problem<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  fields: ProblemFields,
): Response & TypedResponse<ProblemBody, S, 'json'> {
  const body: ProblemBody = { type: 'about:blank', ...fields, status };
  return c.json(body, status, { 'content-type': 'application/problem+json' });
}

export function invalidBody(errors: InvalidField[]): Response {
  return problemResponse({
    type: '/problems/invalid-body',
    title: 'The request body is not valid',
    status: 422,
    detail: errors.length === 1 ? errors[0].detail : `${errors.length} fields are not valid`,
    errors,
  });
}

export function invalidParameters(errors: InvalidField[]): Response {
  return problemResponse({
    type: '/problems/invalid-parameter',
    title: 'A parameter is not valid',
    status: 400,
    detail: errors.map((error) => `${'parameter' in error ? error.parameter : error.pointer}: ${error.detail}`).join('; '),
    errors,
  });
}

export function notFound(c: Context, detail: string) {
  return problem(c, 404, { title: 'Not Found', detail });
}

export function pointerOf(path: PropertyKey[]): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/**
 * The validation hook of every route: a body that fails its schema is 422 with a JSON pointer
 * per field; a bad query or path parameter is 400 naming the parameter.
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  _c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const { error, target } = result;
  if (target === 'json') return invalidBody(error.issues.flatMap(fieldsOf));
  return invalidParameters(
    error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? target), detail: issue.message })),
  );
}

/** One invalid field per issue; an object with unknown keys names each key, so the pointer leads to it. */
function fieldsOf(issue: ZodError['issues'][number]): InvalidField[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ pointer: pointerOf([...issue.path, key]), detail: 'unknown field' }));
  }
  return [{ pointer: pointerOf(issue.path), detail: issue.message }];
}
