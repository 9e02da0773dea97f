/// <reference types="node" />
// vitest globalSetup, in Node: the OpenAPI document as the code under test generates it, made afresh here (by
// scripts/openapi-document.mjs, in a process of its own) rather than read from the static files, so that a
// test can check that what the Worker serves as /openapi.json is this, and never a build older than the code.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    openApiDocument: string;
  }
}

export default function setup(project: TestProject): void {
  const document = execFileSync(process.execPath, ['scripts/openapi-document.mjs'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  project.provide('openApiDocument', document);
}
