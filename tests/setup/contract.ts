import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { isPagePath } from '../../src/http/error-pages';

/**
 * The contract a response must keep: the operation of `/openapi.json` its method and path name, a status
 * that operation documents, a media type documented for that status, and a body valid against its schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 has it). A path the document does not describe is a 404 problem (a 404
 * page where people read pages);
 * a method a described path does not support, a 405 problem whose Allow header names the methods it does.
 */

interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean }>;
  $ref?: string;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, MediaType> } } }>;
  components?: { responses?: Record<string, ResponseObject>; schemas?: Record<string, Schema> };
}

/** One request and what the Worker answered, as a client received it. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

// The document's own routes: the document describes every route but these.
const SELF_DESCRIBED = new Set(['GET /openapi.json', 'GET /docs']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const PROBLEM = 'application/problem+json';

/** The values a path parameter of a template may take, when the document lists them (an enum: `{lang}`). */
function enumOf(doc: OpenApiDocument, template: string, name: string): string[] | null {
  for (const operation of Object.values(doc.paths[template] as Record<string, any>)) {
    const parameter = operation?.parameters?.find((p: any) => p.in === 'path' && p.name === name);
    if (parameter?.schema?.enum) return parameter.schema.enum;
  }
  return null;
}

/**
 * The path template of the document that `pathname` is an instance of: literal segments (and a parameter of a
 * few values, as one of them) win over parameters.
 */
export function pathTemplateOf(doc: OpenApiDocument, pathname: string): string | null {
  const segments = pathname.split('/');
  let best: { template: string; literals: number } | null = null;
  for (const template of Object.keys(doc.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const matches = parts.every((part, i) => {
      const parameter = /^\{(\w+)\}$/.exec(part);
      if (parameter) {
        const values = enumOf(doc, template, parameter[1]);
        if (!values) return segments[i] !== '';
        literals += 1;
        return values.includes(segments[i]);
      }
      literals += 1;
      return part === segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template ?? null;
}

/** What is wrong with an exchange against the document: nothing when it keeps the contract. */
export function contractViolations(doc: OpenApiDocument, exchange: Exchange): string[] {
  const { method, status, headers } = exchange;
  const pathname = new URL(exchange.url).pathname;
  if (SELF_DESCRIBED.has(`${method} ${pathname}`) || (method === 'HEAD' && SELF_DESCRIBED.has(`GET ${pathname}`))) return [];
  // The editor's desk is another Worker's (desk/), forwarded to whole: its pages are not this API's.
  if (pathname === '/desk' || pathname.startsWith('/desk/')) return [];
  const template = pathTemplateOf(doc, pathname);
  const where = `${method} ${pathname}`;
  // A CORS preflight (under /v1/, whatever the path) or a question about the methods of a path.
  if (method === 'OPTIONS') return status === 204 || (!template && status === 404) ? [] : [`${where} → ${status}: OPTIONS answers 204`];
  if (!template) {
    if (status !== 404) return [`${where} → ${status}: the document has no such path, so it must answer 404`];
    // Where people read pages, nothing there is a page too (src/http/error-pages.tsx).
    if (isPagePath(pathname) && method !== 'OPTIONS') {
      return /^text\/html/.test(headers.get('content-type') ?? '') ? [] : [`${where} → 404: a page path answers an HTML page`];
    }
    return bodyViolations(doc, where, exchange, problemResponse());
  }
  const operations = doc.paths[template];
  const allowed = allowedMethods(operations);
  const operation = operations[method === 'HEAD' ? 'get' : method.toLowerCase()];
  if (!operation) {
    const answered = (headers.get('allow') ?? '').split(',').map((name) => name.trim()).filter(Boolean).sort();
    const problems = status === 405 ? [] : [`${where} → ${status}: ${template} has no ${method} operation, so it must answer 405`];
    if (answered.join(', ') !== allowed.join(', ')) {
      problems.push(`${where} → ${status}: Allow is "${headers.get('allow') ?? ''}", the document has ${allowed.join(', ')}`);
    }
    return [...problems, ...bodyViolations(doc, where, exchange, problemResponse())];
  }
  const name = `${operation.operationId ?? '(no operationId)'} (${method} ${template})`;
  const documented = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses.default;
  if (!documented) {
    return [`${name} → ${status}: status not documented (documented: ${Object.keys(operation.responses).join(', ')}); body: ${exchange.body.slice(0, 300)}`];
  }
  return bodyViolations(doc, `${name} → ${status}`, exchange, resolved(doc, documented));
}

/** The methods a path answers: its operations, HEAD with GET, and OPTIONS. */
export function allowedMethods(operations: Record<string, unknown>): string[] {
  const methods = Object.keys(operations).filter((name) => METHODS.includes(name)).map((name) => name.toUpperCase());
  if (methods.includes('GET')) methods.push('HEAD');
  return [...methods, 'OPTIONS'].sort();
}

function problemResponse(): ResponseObject {
  return { content: { [PROBLEM]: { schema: { type: 'object', required: ['type', 'title', 'status'] } } } };
}

function resolved(doc: OpenApiDocument, response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = doc.components?.responses?.[name];
  if (!target) throw new Error(`${response.$ref} is not in the document`);
  return target;
}

function bodyViolations(doc: OpenApiDocument, where: string, exchange: Exchange, documented: ResponseObject): string[] {
  const problems: string[] = [];
  for (const [header, spec] of Object.entries(documented.headers ?? {})) {
    if (spec.required && !exchange.headers.has(header)) problems.push(`${where}: no ${header} header`);
  }
  const noBody = exchange.method === 'HEAD' || exchange.status === 204 || exchange.status === 304;
  if (noBody) {
    if (exchange.body !== '') problems.push(`${where}: a body where there must be none`);
    return problems;
  }
  const contentType = exchange.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  const content = documented.content ?? {};
  if (Object.keys(content).length === 0) {
    if (exchange.body !== '') problems.push(`${where}: a body (${contentType}) where the document has none`);
    return problems;
  }
  const declared = content[mediaType];
  if (!declared) {
    return [...problems, `${where}: content-type ${contentType || '(none)'}, documented: ${Object.keys(content).join(', ')}`];
  }
  if (!declared.schema) return problems;
  let value: unknown = exchange.body;
  if (/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    try {
      value = JSON.parse(exchange.body);
    } catch {
      return [...problems, `${where}: ${mediaType} that is not JSON: ${exchange.body.slice(0, 200)}`];
    }
  }
  const result = new Validator({ ...declared.schema, components: doc.components } as Schema, '2020-12', false).validate(value);
  if (!result.valid) problems.push(`${where} (${mediaType}) does not match its schema:\n${describeErrors(result.errors, value)}`);
  return problems;
}

/**
 * What is wrong with a webhook message (its JSON payload) against the document: the kind its `type` names must
 * be one of the document's `webhooks`, and the payload valid against that webhook's request body.
 */
export function messageViolations(doc: OpenApiDocument, payload: unknown): string[] {
  const type = (payload as { type?: unknown } | null)?.type;
  const schema = typeof type === 'string' ? doc.webhooks?.[type]?.post?.requestBody?.content?.['application/json']?.schema : undefined;
  if (!schema) return [`a message of type ${JSON.stringify(type)}, which the webhooks of the document do not describe`];
  const result = new Validator({ ...schema, components: doc.components } as Schema, '2020-12', false).validate(payload);
  return result.valid ? [] : [`the ${type} message does not match its schema:\n${describeErrors(result.errors, payload)}`];
}

// Keywords that only say that something inside them failed: the errors inside say what.
const COMPOUND = new Set(['properties', 'items', 'prefixItems', 'allOf', '$ref', 'propertyNames']);

/** The innermost errors, each as "pointer: what is wrong (the schema keyword)", with the value found there. */
function describeErrors(errors: OutputUnit[], value: unknown): string {
  const leaves = errors.filter((error) => !COMPOUND.has(error.keyword));
  const shown = (leaves.length ? leaves : errors)
    .sort((a, b) => b.instanceLocation.length - a.instanceLocation.length)
    .slice(0, 6);
  return shown
    .map((error) => {
      const pointer = error.instanceLocation.replace(/^#/, '') || '/';
      const found = JSON.stringify(valueAt(value, pointer))?.slice(0, 120);
      return `  ${pointer}: ${error.error} (${error.keywordLocation}); found ${found}`;
    })
    .join('\n');
}

function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '/') return value;
  return pointer
    .split('/')
    .slice(1)
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}
