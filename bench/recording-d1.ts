/**
 * A D1 binding that notes the SQL and the bound values of every batch (or single statement) it runs, for
 * the floors: the bench replays the very same statements through the bare binding. Statements pass
 * through to the real binding untouched.
 */
export interface NotedStatement {
  sql: string;
  params: unknown[];
}

const REAL = Symbol('real statement');
type Noted = D1PreparedStatement & { [REAL]: D1PreparedStatement; noted: NotedStatement };

function noting(statement: D1PreparedStatement, noted: NotedStatement): Noted {
  return new Proxy(statement, {
    get(target, property) {
      if (property === REAL) return target;
      if (property === 'noted') return noted;
      if (property === 'bind') return (...params: unknown[]) => noting(target.bind(...params), { sql: noted.sql, params });
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Noted;
}

function notingSession(session: D1DatabaseSession, note: (batch: NotedStatement[]) => void): D1DatabaseSession {
  return new Proxy(session, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => noting(target.prepare(sql), { sql, params: [] });
      if (property === 'batch') {
        return (statements: Noted[]) => {
          note(statements.map((statement) => statement.noted));
          return target.batch(statements.map((statement) => statement[REAL]));
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The binding, noting each batch its sessions run (a statement run alone is noted when it is prepared and bound). */
export function recordingD1(db: D1Database, note: (batch: NotedStatement[]) => void): D1Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'withSession') return (start?: string) => notingSession(target.withSession(start), note);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
