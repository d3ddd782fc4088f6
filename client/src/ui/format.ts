/** `m:ss` for a number of seconds (never negative). */
export function minutesAndSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "1 second", "12 seconds". */
export function seconds(count: number): string {
  return count === 1 ? '1 second' : `${count} seconds`;
}

/** A North American E.164 number spaced for reading (+1 202 555 0147); others as they are. */
export function spacedNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `+1 ${match[1]} ${match[2]} ${match[3]}` : e164;
}
