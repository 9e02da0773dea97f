/**
 * A D1 binding that counts its calls (a statement's run/all/first/raw, a batch, an exec: one round
 * trip each), for handlers that have no response to carry a Server-Timing header: the cron and the
 * queue consumer. Statements pass through to the real binding untouched.
 */
const REAL = Symbol('real statement');

type Count = () => void;

function countingStatement(statement: D1PreparedStatement, count: Count): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, property) {
      if (property === REAL) return target;
      if (property === 'bind') return (...values: unknown[]) => countingStatement(target.bind(...values), count);
      if (property === 'first' || property === 'run' || property === 'all' || property === 'raw') {
        return (...args: unknown[]) => {
          count();
          return (target[property] as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const real = (statement: D1PreparedStatement) =>
  ((statement as unknown as Record<symbol, D1PreparedStatement>)[REAL] ?? statement);

export function countingD1(db: D1Database, count: Count): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => countingStatement(target.prepare(sql), count);
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          count();
          return target.batch(statements.map(real));
        };
      }
      if (property === 'exec') {
        return (sql: string) => {
          count();
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
