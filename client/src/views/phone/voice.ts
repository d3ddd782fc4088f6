const MUTED_KEY = 'callgate.phone.muted';

/**
 * Speaks what the call says with the browser's speech synthesis, where there is one. The
 * mute choice is remembered. Without speech synthesis the transcript is all there is.
 */
export class Voice {
  private mutedNow: boolean;
  readonly available = typeof window.speechSynthesis !== 'undefined';

  constructor() {
    this.mutedNow = readMuted();
  }

  get muted(): boolean {
    return this.mutedNow;
  }

  setMuted(muted: boolean): void {
    this.mutedNow = muted;
    try {
      localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    if (muted) this.stop();
  }

  say(text: string): void {
    if (this.mutedNow || !this.available) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'en-US';
    utterance.rate = 1;
    window.speechSynthesis.speak(utterance);
  }

  stop(): void {
    if (this.available) window.speechSynthesis.cancel();
  }
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}
