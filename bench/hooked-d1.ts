/**
 * A D1 binding that calls a hook before every round trip (a statement's run/all/first/raw, a batch, an exec),
 * directly or through a session: to count the calls of the cron and the queue consumer (which have no
 * response to carry a Server-Timing header), or to delay each call as if D1 were far away. Statements
 * pass through to the real binding untouched.
 */
const REAL = Symbol('real statement');

type Hook = () => void | Promise<void>;
const ROUND_TRIPS = new Set(['first', 'run', 'all', 'raw']);

function hookedStatement(statement: D1PreparedStatement, hook: Hook): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, property) {
      if (property === REAL) return target;
      if (property === 'bind') return (...values: unknown[]) => hookedStatement(target.bind(...values), hook);
      if (typeof property === 'string' && ROUND_TRIPS.has(property)) {
        return async (...args: unknown[]) => {
          await hook();
          return (target[property as 'all'] as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const real = (statement: D1PreparedStatement) =>
  ((statement as unknown as Record<symbol, D1PreparedStatement>)[REAL] ?? statement);

/** prepare and batch, hooked, on a binding or a session alike. */
function hooked<T extends D1Database | D1DatabaseSession>(target: T, hook: Hook): T {
  return new Proxy(target, {
    get(inner, property) {
      if (property === 'prepare') return (sql: string) => hookedStatement(inner.prepare(sql), hook);
      if (property === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          await hook();
          return inner.batch(statements.map(real));
        };
      }
      if (property === 'exec') {
        return async (sql: string) => {
          await hook();
          return (inner as D1Database).exec(sql);
        };
      }
      if (property === 'withSession') return (start?: string) => hooked((inner as D1Database).withSession(start), hook);
      const value = Reflect.get(inner, property, inner);
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });
}

export function hookedD1(db: D1Database, hook: Hook): D1Database {
  return hooked(db, hook);
}
