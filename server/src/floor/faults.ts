import type { Db } from '../store/open';

/**
 * Fault points for tests: they prove that a command is all or nothing and that a retry after a crash gets the first
 * reply. Production passes none (an unset `QMS_FAULT`).
 */
export interface FloorFaults {
  /** Called right after the first write of a command, inside its transaction; a throw there must leave no trace. */
  afterFirstWrite?: (sql: string) => void;
  /** Called right after a command committed, before its events go out and before the HTTP reply. */
  afterCommit?: (label: string) => void;
}

/** `QMS_FAULT=after-commit:<label>` (e.g. `after-commit:issue`): the process kills itself right after that command commits. */
export function faultsFromEnv(value: string | undefined): FloorFaults | undefined {
  const m = /^after-commit:(.+)$/.exec(value ?? '');
  if (!m) return undefined;
  const label = m[1];
  return {
    afterCommit: (l) => {
      if (l === label) process.kill(process.pid, 'SIGKILL');
    },
  };
}

/** The same database, with `onWrite` called after every statement that writes (statements prepared through it). */
export function watchWrites(db: Db, onWrite: (sql: string) => void): Db {
  const bind = (target: object, prop: string | symbol) => {
    const v: unknown = Reflect.get(target, prop, target);
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return bind(target, prop);
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (statement.reader) return statement;
        return new Proxy(statement, {
          get(st, p) {
            if (p !== 'run') return bind(st, p);
            return (...args: unknown[]) => {
              const result = (st.run as (...a: unknown[]) => unknown)(...args);
              onWrite(sql);
              return result;
            };
          },
        });
      };
    },
  });
}
