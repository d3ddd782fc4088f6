import sqlite3 from 'sqlite3';

/**
 * The sqlite3 module with `verbose()` turned into a no-op. TypeORM calls `verbose()` on the
 * driver it loads (or is given), and verbose mode wraps every statement to capture a stack
 * trace and `util.inspect` its arguments, for nicer error stacks: in a CPU profile of the
 * bench the wrapper alone was 3.2 % of the server's samples, plus its `inspect` calls
 * (docs/BENCHMARKS.md). Errors still carry
 * SQLite's own message; only the longer stack is lost.
 */
export const quietSqlite3: typeof sqlite3 = Object.assign(
  Object.create(sqlite3) as typeof sqlite3,
  {
    verbose: () => quietSqlite3,
  },
);
