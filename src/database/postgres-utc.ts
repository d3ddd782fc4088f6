import pg from 'pg';

/**
 * The entities' `Date` columns are `timestamp without time zone` on PostgreSQL (the same
 * entities serve SQLite, which has no zoned type). By default the pg driver writes a Date
 * as the process's local wall time and reads one back as local time, so two instances in
 * different time zones (or one across a DST change) would disagree about every expiry.
 * Here every timestamp is written and read as UTC, whatever TZ the process runs in, the
 * convention SQLite's driver already follows. The settings are pg's own process-wide ones.
 */
export function keepTimestampsInUtc(): void {
  pg.defaults.parseInputDatesAsUTC = true;
  const parseZoned = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (
    text: string,
  ) => Date;
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (text) => parseZoned(`${text}+00`));
}
