import type { CallAction, SimulatedCall, SimulatedCallOutcome } from '../../api/simulator.js';
import { h, replaceChildren } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import { minutesAndSeconds, spacedNumber } from '../../ui/format.js';
import { keypad } from './keypad.js';

const OUTCOMES: Record<SimulatedCallOutcome, string> = {
  completed: 'The call has ended.',
  busy: 'You declined the call.',
  'no-answer': 'Missed call: it rang out.',
  canceled: 'The caller hung up before you answered.',
  failed: 'The call failed.',
};

interface Handlers {
  act: (action: CallAction) => void;
  press: (key: string) => void;
}

type Phase = 'idle' | 'ringing' | 'in-progress' | 'ended';

/**
 * The phone's screen: waiting, ringing (Answer / Decline), on a call (what it says, the
 * keypad, Hang up), or ended. Focus follows the main control when the phase changes.
 */
export function callScreen(handlers: Handlers) {
  const element = h('div', { class: 'screen', 'data-phase': 'idle' });
  const pad = keypad(handlers.press);
  const transcript = h('ol', {
    class: 'transcript',
    role: 'log',
    'aria-label': 'What the call says',
  });
  const typed = h('output', { class: 'typed', 'aria-label': 'Keys you pressed' });
  const clock = h('span', { class: 'screen__clock' });
  let phase: Phase | null = null;
  let shownSid: string | null = null;
  let lines = 0;
  let answeredAt = 0;
  let clockTimer: number | undefined;

  const button = (label: string, kind: string, action: CallAction, iconName: 'phone' | 'x') =>
    h(
      'button',
      {
        type: 'button',
        class: `call-button call-button--${kind}`,
        onClick: () => handlers.act(action),
      },
      icon(iconName),
      h('span', {}, label),
    );

  function build(next: Phase, call: SimulatedCall | null, number: string | null): void {
    stopClock();
    element.dataset.phase = next;
    if (next === 'idle') {
      replaceChildren(
        element,
        h(
          'div',
          { class: 'screen__idle' },
          h('span', { class: 'screen__badge' }, icon('phone')),
          h('h3', { class: 'screen__title', tabindex: -1 }, 'No calls right now'),
          h(
            'p',
            { class: 'muted' },
            number
              ? `When Callgate calls ${spacedNumber(number)}, it rings here.`
              : 'Choose this phone’s number to receive calls.',
          ),
        ),
      );
      return;
    }
    const caller = h(
      'p',
      { class: 'screen__caller' },
      'Callgate',
      h('span', { class: 'muted small' }, call ? spacedNumber(call.from) : ''),
    );
    if (next === 'ringing') {
      replaceChildren(
        element,
        h(
          'div',
          { class: 'screen__ringing' },
          h('span', { class: 'ring', 'aria-hidden': 'true' }, icon('phone')),
          h('h3', { class: 'screen__title', tabindex: -1 }, 'Incoming call'),
          caller,
        ),
        h(
          'div',
          { class: 'call-buttons' },
          button('Decline', 'decline', 'decline', 'x'),
          button('Answer', 'answer', 'answer', 'phone'),
        ),
      );
      return;
    }
    if (next === 'in-progress') {
      answeredAt = Date.now();
      clockTimer = window.setInterval(tickClock, 1000);
      tickClock();
      replaceChildren(
        element,
        h(
          'div',
          { class: 'screen__header' },
          h('h3', { class: 'screen__title', tabindex: -1 }, 'On a call with Callgate'),
          clock,
        ),
        transcript,
        typed,
        pad.element,
        h(
          'div',
          { class: 'call-buttons call-buttons--single' },
          button('Hang up', 'decline', 'hangup', 'x'),
        ),
      );
      return;
    }
    replaceChildren(
      element,
      h(
        'div',
        { class: 'screen__header' },
        h('h3', { class: 'screen__title', tabindex: -1 }, 'Call ended'),
        h('p', { class: 'muted' }, call?.outcome ? OUTCOMES[call.outcome] : OUTCOMES.completed),
      ),
      transcript,
      typed,
    );
  }

  function tickClock(): void {
    clock.textContent = minutesAndSeconds((Date.now() - answeredAt) / 1000);
  }

  function stopClock(): void {
    if (clockTimer !== undefined) window.clearInterval(clockTimer);
    clockTimer = undefined;
  }

  function phaseOf(call: SimulatedCall | null): Phase {
    return call ? call.state : 'idle';
  }

  return {
    element,
    keypad: pad,
    /**
     * Shows `call` (or none). Returns the transcript lines not shown before, for the voice.
     */
    show(call: SimulatedCall | null, number: string | null): string[] {
      const next = phaseOf(call);
      const sid = call?.sid ?? null;
      if (sid !== shownSid) {
        transcript.replaceChildren();
        typed.textContent = '';
        lines = 0;
      }
      const focusWasHere =
        element.contains(document.activeElement) || document.activeElement === document.body;
      if (next !== phase || sid !== shownSid) {
        build(next, call, number);
        if (focusWasHere && phase !== null) focusMain(next);
      }
      phase = next;
      shownSid = sid;
      const fresh = call ? call.transcript.slice(lines) : [];
      for (const line of fresh) transcript.append(h('li', { class: 'transcript__line' }, line));
      lines += fresh.length;
      element.dataset.awaitingKey = String(Boolean(call?.awaitingKey));
      if (sid) element.dataset.sid = sid;
      else delete element.dataset.sid;
      return fresh;
    },
    /** Keys pressed on this call, as the phone's display shows them. */
    typed(key: string) {
      typed.textContent = `${typed.textContent ?? ''}${key}`;
    },
    dispose: stopClock,
  };

  function focusMain(next: Phase): void {
    if (next === 'ringing') element.querySelector<HTMLElement>('.call-button--answer')?.focus();
    else if (next === 'in-progress') pad.first().focus();
    else element.querySelector<HTMLElement>('.screen__title')?.focus();
  }
}
