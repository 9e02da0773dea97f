/**
 * The D1 binding, metered: every call is counted and timed so that a response can say
 * what it cost (`Server-Timing: d1;desc="1 call";dur=2.1`).
 */
export class Db {
  calls = 0;
  milliseconds = 0;

  constructor(readonly d1: D1Database) {}

  prepare(sql: string, ...params: unknown[]): D1PreparedStatement {
    return params.length ? this.d1.prepare(sql).bind(...params) : this.d1.prepare(sql);
  }

  all<T>(statement: D1PreparedStatement): Promise<T[]> {
    return this.metered(async () => (await statement.all<T>()).results);
  }

  first<T>(statement: D1PreparedStatement): Promise<T | null> {
    return this.metered(() => statement.first<T>());
  }

  /** One round trip, one transaction: all statements apply or none do. */
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    return this.metered(() => this.d1.batch<T>(statements));
  }

  serverTiming(): string {
    const calls = `${this.calls} call${this.calls === 1 ? '' : 's'}`;
    return `d1;desc="${calls}";dur=${this.milliseconds.toFixed(1)}`;
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
