import sqlite3 from 'sqlite3';

/**
 * The sqlite3 module with `verbose()` turned into a no-op. TypeORM calls `verbose()` on the
 * driver it loads (or is given), and verbose mode wraps every statement to capture a stack
 * trace and `util.inspect` its arguments, for nicer error stacks: a CPU profile of the
 * bench showed that at about 9 % of the server's time per webhook. Errors still carry
 * SQLite's own message; only the longer stack is lost.
 */
export const quietSqlite3: typeof sqlite3 = Object.assign(
  Object.create(sqlite3) as typeof sqlite3,
  {
    verbose: () => quietSqlite3,
  },
);
