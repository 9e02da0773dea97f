/**
 * The D1 binding as a request uses it: one D1 session (the Sessions API, so reads can be served by
 * a nearby replica), with every call counted and timed, and the rows it read and wrote, so that a
 * response can say what it cost (`Server-Timing: d1;desc="1 call";dur=2.1`).
 */

/** Where a session starts: the nearest replica, the primary, or a bookmark a client brought back. */
export type SessionStart = 'first-unconstrained' | 'first-primary' | { bookmark: string };

/**
 * D1's limits on one statement (developers.cloudflare.com/d1/platform/limits). Local D1 is plain SQLite,
 * which allows far more: checked here, so that a statement D1 would refuse fails in the tests too.
 */
const MAX_BOUND_PARAMETERS = 100;
const MAX_STATEMENT_BYTES = 100_000;

export class Db {
  calls = 0;
  milliseconds = 0;
  rowsRead = 0;
  rowsWritten = 0;
  /** Set by a read that found a view built by another projector version than this code's. */
  staleViews = false;
  private readonly session: D1DatabaseSession;

  constructor(d1: D1Database, readonly start: SessionStart = 'first-primary') {
    this.session = d1.withSession(typeof start === 'string' ? start : start.bookmark);
  }

  prepare(sql: string, ...params: unknown[]): D1PreparedStatement {
    // The text of a statement is this code's own (values are bound), ASCII: its length is its size.
    if (params.length > MAX_BOUND_PARAMETERS || sql.length > MAX_STATEMENT_BYTES) {
      throw new Error(`a statement past D1's limits (${params.length} bound parameters, ${sql.length} characters): ${sql.slice(0, 80)}`);
    }
    const statement = this.session.prepare(sql);
    return params.length ? statement.bind(...params) : statement;
  }

  all<T>(statement: D1PreparedStatement): Promise<T[]> {
    return this.metered(async () => this.counted(await statement.all<T>()).results);
  }

  async first<T>(statement: D1PreparedStatement): Promise<T | null> {
    return (await this.all<T>(statement))[0] ?? null;
  }

  /** One round trip, one transaction: all statements apply or none do. */
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    return this.metered(async () => (await this.session.batch<T>(statements)).map((result) => this.counted(result)));
  }

  /** The session's bookmark: a later session that starts from it sees at least what this one saw. */
  bookmark(): string | null {
    return this.session.getBookmark();
  }

  serverTiming(): string {
    const calls = `${this.calls} call${this.calls === 1 ? '' : 's'}`;
    const start = typeof this.start === 'string' ? this.start : 'bookmark';
    return [
      `d1;desc="${calls}";dur=${this.milliseconds.toFixed(1)}`,
      `d1-rows;desc="${this.rowsRead} read, ${this.rowsWritten} written"`,
      `d1-session;desc="${start}"`,
    ].join(', ');
  }

  private counted<R extends D1Result<unknown>>(result: R): R {
    this.rowsRead += result.meta.rows_read ?? 0;
    this.rowsWritten += result.meta.rows_written ?? 0;
    return result;
  }

  private async metered<R>(call: () => Promise<R>): Promise<R> {
    const start = performance.now();
    this.calls += 1;
    try {
      return await call();
    } finally {
      this.milliseconds += performance.now() - start;
    }
  }
}
