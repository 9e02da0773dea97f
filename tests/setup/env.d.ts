// The bindings the tests see: the Worker's own (worker-configuration.d.ts), plus the migrations read by vitest.config.mts, an
// empty database to apply them to one at a time, and one for the log a backup is made of.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    MIGRATIONS_DB: D1Database;
    BACKUP_SOURCE_DB: D1Database;
  }
}
