import type { OpenAPIRegistry as Registry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';

/**
 * `@asteasolutions/zod-to-openapi` as the Worker imports it: wrangler.toml (and vitest.config.mts) alias the
 * package to this module. The Worker serves `/openapi.json` as the build generated it (src/openapi/document.ts,
 * run in Node with the real package by scripts/openapi-document.mjs), so it needs of the package only what
 * @hono/zod-openapi calls while the routes are defined: a registry that collects their definitions, and
 * `extendZodWithOpenApi`. Its generators (most of its 29 KB) are left out of the Worker.
 */

type OpenAPIDefinitions = Registry['definitions'][number];
type ComponentType = Extract<OpenAPIDefinitions, { type: 'component' }>['componentType'];

/** What the routes register (paths, webhooks, components, schemas), kept in order, as the real registry keeps them. */
export class OpenAPIRegistry {
  private readonly own: OpenAPIDefinitions[] = [];

  constructor(private readonly parents?: OpenAPIRegistry[]) {}

  get definitions(): OpenAPIDefinitions[] {
    return [...(this.parents ?? []).flatMap((parent) => parent.own), ...this.own];
  }

  register<T extends ZodType>(_refId: string, schema: T): T {
    this.own.push({ type: 'schema', schema });
    return schema;
  }

  registerParameter<T extends ZodType>(_refId: string, schema: T): T {
    this.own.push({ type: 'parameter', schema });
    return schema;
  }

  registerPath(route: RouteConfig): void {
    this.own.push({ type: 'route', route });
  }

  registerWebhook(webhook: RouteConfig): void {
    this.own.push({ type: 'webhook', webhook });
  }

  registerComponent(componentType: ComponentType, name: string, component: unknown): { name: string; ref: { $ref: string } } {
    this.own.push({ type: 'component', componentType, name, component } as OpenAPIDefinitions);
    return { name, ref: { $ref: `#/components/${componentType}/${name}` } };
  }
}

/**
 * `schema.openapi(…)`, for a schema that says its documentation that way: its metadata is the document's, which
 * the build made, so here it answers the schema itself, which validates the same. (The schemas of this service
 * say theirs with zod's own `.describe()` and `.meta()`.)
 */
export function extendZodWithOpenApi(zod: { ZodType: { prototype: object } }): void {
  (zod.ZodType.prototype as { openapi?: unknown }).openapi ??= function openapi(this: unknown) {
    return this;
  };
}

/** The metadata `.openapi()` would have given a schema: none here (see `extendZodWithOpenApi`). */
export function getOpenApiMetadata(): Record<string, never> {
  return {};
}

/** The generators are the build's (src/openapi/document.ts): a Worker that asks for one has been built wrongly. */
class GeneratedAtBuildTime {
  constructor() {
    throw new Error('the OpenAPI document is generated at build time (scripts/build-assets.mjs), not in the Worker');
  }
}
export { GeneratedAtBuildTime as OpenApiGeneratorV3, GeneratedAtBuildTime as OpenApiGeneratorV31 };
