/**
 * The page's aria-live regions (in index.html). Each message is added as its own line, so
 * quick successive messages (one per digit) are all read, not just the last; old lines are
 * pruned. Assertive is for what interrupts: a failure.
 */

const KEEP_MESSAGES = 6;

export type Politeness = 'polite' | 'assertive';

export function announce(message: string, politeness: Politeness = 'polite'): void {
  const region = document.getElementById(`announcements-${politeness}`);
  if (!region) return;
  const line = document.createElement('p');
  line.textContent = message;
  region.appendChild(line);
  while (region.childElementCount > KEEP_MESSAGES) region.firstElementChild?.remove();
}

export function clearAnnouncements(): void {
  for (const politeness of ['polite', 'assertive']) {
    document.getElementById(`announcements-${politeness}`)?.replaceChildren();
  }
}
