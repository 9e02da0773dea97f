// The bindings the tests see: the Worker's own (worker-configuration.d.ts), plus the migrations read by vitest.config.mts and an
// empty database to apply them to one at a time.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    MIGRATIONS_DB: D1Database;
  }
}
