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

/** Other words for some steps (another person's phone, say), keeping the tones. */
export type CallWording = Partial<Record<CallProgress | 'accepted', string>>;

/** One line saying how the call is going. */
export function callStatus(wording: CallWording = {}) {
  const text = h('span', { class: 'call-status__text' });
  const element = h('p', { class: 'call-status' }, icon('phone', 'call-status__icon'), text);
  return {
    element,
    update(state: VerificationState) {
      const step = state.call ?? 'queued';
      const { text: words, tone } =
        state.status === 'verified'
          ? { text: wording.accepted ?? 'Code accepted', tone: 'success' as const }
          : { text: wording[step] ?? PROGRESS[step].text, tone: PROGRESS[step].tone };
      text.textContent = words;
      element.dataset.tone = tone;
    },
  };
}
