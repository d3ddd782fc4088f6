import type { DataSource } from 'typeorm';

/**
 * SQLite in WAL mode with `synchronous = NORMAL`, SQLite's own advice for WAL: a commit
 * appends to the log without waiting for the disk, which is synced at each checkpoint.
 * The database stays consistent whatever happens; a power cut (not a crash of the
 * process) may lose the last commits, that is a digit or two of a sign-in under way,
 * which the user then types again. With the default (FULL) every key press waited for an
 * fsync, one at a time on the single connection.
 */
export async function relaxSqliteSync(dataSource: DataSource): Promise<void> {
  const options = dataSource.options;
  if (options.type === 'sqlite' && options.enableWAL) {
    await dataSource.query('PRAGMA synchronous = NORMAL');
  }
}
