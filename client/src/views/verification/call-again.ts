import { ApiError } from '../../api/http.js';
import type { ChallengeWithCode } from '../../api/types.js';
import type { Politeness } from '../../ui/announcer.js';
import { h, setAttr, uniqueId } from '../../ui/dom.js';
import { seconds } from '../../ui/format.js';

interface Dependencies {
  request: () => Promise<{ challenge: ChallengeWithCode }>;
  started: (next: ChallengeWithCode) => void;
  /** Anything but the cooldown and the call limit, which this control handles itself. */
  refused: (error: unknown) => void;
  announce: (message: string, politeness?: Politeness) => void;
}

/**
 * "Call me again", respecting the server's cooldown: a 429 tells how many seconds are left,
 * shown under the button until it may be used again (or, past the call limit, that no more
 * calls can be made). The button keeps focus while it waits (aria-disabled, not disabled).
 */
export class CallAgainControl {
  readonly button: HTMLButtonElement;
  readonly hint: HTMLParagraphElement;
  private visible = false;
  private primary = false;
  private busy = false;
  private noMoreCalls = false;
  private cooldownUntil = 0;
  private ticker?: number;

  constructor(private readonly deps: Dependencies) {
    const hintId = uniqueId('call-again-hint');
    this.hint = h('p', { class: 'hint', id: hintId, hidden: true });
    this.button = h(
      'button',
      { type: 'button', class: 'button', onClick: () => void this.click() },
      'Call me again',
    );
    this.button.dataset.hint = hintId;
  }

  update({ visible, primary }: { visible: boolean; primary: boolean }): void {
    this.visible = visible;
    this.primary = primary;
    this.paint();
  }

  dispose(): void {
    if (this.ticker !== undefined) window.clearInterval(this.ticker);
  }

  private secondsLeft(): number {
    return Math.max(0, Math.ceil((this.cooldownUntil - Date.now()) / 1000));
  }

  private async click(): Promise<void> {
    if (this.busy || this.noMoreCalls || this.secondsLeft() > 0) return;
    this.busy = true;
    this.paint();
    try {
      const { challenge } = await this.deps.request();
      this.deps.started(challenge);
    } catch (error) {
      this.refusal(error);
    } finally {
      this.busy = false;
      this.paint();
    }
  }

  private refusal(error: unknown): void {
    if (!(error instanceof ApiError) || error.status !== 429) {
      this.deps.refused(error);
      return;
    }
    const retryAfter = error.retryAfter;
    if (typeof retryAfter === 'number') {
      this.cooldownUntil = Date.now() + retryAfter * 1000;
      this.deps.announce(`You can ask for another call in ${seconds(retryAfter)}.`);
      this.ticker ??= window.setInterval(() => this.tick(), 250);
    } else {
      this.noMoreCalls = true;
      this.deps.announce('No more calls can be made for this sign-in. Please sign in again.');
    }
  }

  private tick(): void {
    if (this.secondsLeft() === 0) {
      window.clearInterval(this.ticker);
      this.ticker = undefined;
      if (this.visible) this.deps.announce('You can ask for another call now.');
    }
    this.paint();
  }

  private paint(): void {
    const waiting = this.secondsLeft();
    this.button.hidden = !this.visible || this.noMoreCalls;
    this.button.className = this.primary ? 'button button--primary' : 'button';
    setAttr(this.button, 'aria-disabled', this.busy || waiting > 0 ? 'true' : null);
    setAttr(this.button, 'aria-busy', this.busy ? 'true' : null);
    let hint: string | null = null;
    if (this.noMoreCalls && this.visible) {
      hint = 'No more calls can be made for this sign-in. Please sign in again.';
    } else if (waiting > 0 && this.visible) {
      hint = `You can ask for another call in ${seconds(waiting)}.`;
    } else if (this.busy) {
      hint = 'Calling you…';
    }
    this.hint.hidden = hint === null;
    this.hint.textContent = hint ?? '';
    setAttr(this.button, 'aria-describedby', hint ? this.button.dataset.hint : null);
  }
}
