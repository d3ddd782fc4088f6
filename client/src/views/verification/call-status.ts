import type { CallProgress } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import type { VerificationState } from './verification-state.js';

type Tone = 'progress' | 'active' | 'success' | 'danger' | 'neutral';

const PROGRESS: Record<CallProgress, { text: string; tone: Tone }> = {
  queued: { text: 'Placing the call…', tone: 'progress' },
  ringing: { text: 'Your phone is ringing', tone: 'progress' },
  answered: { text: 'Call answered: type the code on the keypad', tone: 'active' },
  busy: { text: 'The line was busy or the call was declined', tone: 'danger' },
  'no-answer': { text: 'Nobody answered', tone: 'danger' },
  failed: { text: 'The call could not be placed', tone: 'danger' },
  canceled: { text: 'The call was canceled', tone: 'danger' },
  completed: { text: 'The call has ended', tone: 'neutral' },
};

/** What to announce when the call moves on; silent for steps a listener needs no news of. */
export const CALL_ANNOUNCEMENTS: Partial<Record<CallProgress, string>> = {
  ringing: 'Your phone is ringing.',
  answered: 'Call answered. Type the code on the phone keypad.',
};

/** One line saying how the call is going. */
export function callStatus() {
  const text = h('span', { class: 'call-status__text' });
  const element = h('p', { class: 'call-status' }, icon('phone', 'call-status__icon'), text);
  return {
    element,
    update(state: VerificationState) {
      const { text: words, tone } =
        state.status === 'verified'
          ? { text: 'Code accepted', tone: 'success' as const }
          : state.call
            ? PROGRESS[state.call]
            : PROGRESS.queued;
      text.textContent = words;
      element.dataset.tone = tone;
    },
  };
}
