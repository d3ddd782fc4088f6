import { ApiError } from '../../api/http.js';
import { act, pressKey, type CallAction, type SimulatedCall } from '../../api/simulator.js';
import { connectPhoneLine } from '../../live/simulator-socket.js';
import { h } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import { spacedNumber } from '../../ui/format.js';
import type { View, ViewContext } from '../view.js';
import { callScreen } from './call-screen.js';
import { numberPicker } from './number-picker.js';
import { Voice } from './voice.js';
import './phone.css';

const NUMBER_KEY = 'callgate.phone.number';

/**
 * `/phone` (simulated carrier only): a virtual phone. Calls to its number ring at once
 * (socket.io `/simulator`); answering, keys and hanging up go through the simulated
 * carrier, which turns them into the same signed webhooks a real call would send.
 */
export const phoneView: View = {
  mount(outlet, context) {
    return mountPhone(outlet, context);
  },
};

function mountPhone(outlet: HTMLElement, context: ViewContext) {
  context.setTitle('Virtual phone');
  const voice = new Voice();
  let number: string | null = null;
  let call: SimulatedCall | null = null;

  const screen = callScreen({
    act: (action) => void perform(action),
    press: (key) => void press(key),
  });
  const picker = numberPicker((picked) => void watch(picked));
  const status = h('p', { class: 'device__status', role: 'status' });
  const title = h('h2', { class: 'device__number', id: 'device-number' }, 'No number yet');
  const muteButton = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-pressed': String(voice.muted) },
    icon(voice.muted ? 'mute' : 'volume'),
    h('span', {}, 'Mute voice'),
  );
  muteButton.addEventListener('click', () => {
    voice.setMuted(!voice.muted);
    muteButton.setAttribute('aria-pressed', String(voice.muted));
    muteButton.firstElementChild?.replaceWith(icon(voice.muted ? 'mute' : 'volume'));
  });

  outlet.append(
    h(
      'div',
      { class: 'phone-page' },
      h(
        'header',
        { class: 'phone-page__intro' },
        h('h1', { class: 'page-title' }, 'Virtual phone'),
        h(
          'p',
          { class: 'lead' },
          'Calls Callgate places to this number ring here, as on a real phone. Nothing leaves this computer.',
        ),
      ),
      h(
        'section',
        { class: 'device', 'aria-labelledby': 'device-number' },
        h(
          'div',
          { class: 'device__top' },
          h(
            'div',
            { class: 'device__id' },
            h('p', { class: 'device__label' }, 'This phone'),
            title,
          ),
          muteButton,
        ),
        screen.element,
        status,
      ),
      h(
        'section',
        { class: 'card phone-page__setup', 'aria-labelledby': 'setup-title' },
        h('h2', { class: 'section-title', id: 'setup-title' }, 'Choose this phone’s number'),
        picker.element,
        howToTry(),
        voice.available
          ? null
          : h(
              'p',
              { class: 'muted small' },
              'This browser cannot speak: read what the call says on the screen.',
            ),
      ),
    ),
  );

  const line = connectPhoneLine({
    call: (update) => show(pick(call, update)),
    resync: (calls) => show(current(calls, call)),
    connection: (connected) => {
      status.textContent = connected ? '' : 'Reconnecting…';
    },
  });

  async function watch(picked: string): Promise<void> {
    number = picked;
    picker.select(picked);
    title.textContent = spacedNumber(picked);
    try {
      localStorage.setItem(NUMBER_KEY, picked);
    } catch {
      // Private mode: the number is not remembered.
    }
    try {
      const calls = await line.watch(picked);
      // A number picked since then has its own calls to show.
      if (number !== picked) return;
      show(current(calls, null), true);
      context.announce(`This phone is now ${spacedNumber(picked)}.`);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Could not use that number.';
    }
  }

  function show(next: SimulatedCall | null, quiet = false): void {
    const before = call;
    call = next;
    const changed = !before || !call || before.sid !== call.sid || before.state !== call.state;
    // A call that just ended cuts off what was still being said, then says its last words.
    if (changed && call?.state === 'ended') voice.stop();
    for (const sentence of screen.show(call, number)) voice.say(sentence);
    if (quiet || !call || !changed) return;
    if (call.state === 'ringing') context.announce('Incoming call from Callgate.');
    if (call.state === 'ended') context.announce('Call ended.');
  }

  async function perform(action: CallAction): Promise<void> {
    if (!call) return;
    try {
      show(pick(call, await act(call.sid, action)));
    } catch (error) {
      status.textContent = refusal(error);
    }
  }

  async function press(key: string): Promise<void> {
    if (call?.state !== 'in-progress') return;
    screen.keypad.flash(key);
    screen.typed(key);
    try {
      await pressKey(call.sid, key);
      status.textContent = '';
    } catch (error) {
      status.textContent = refusal(error);
    }
  }

  /** The keyboard's digits, * and # press the keypad while a call is on. */
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (call?.state !== 'in-progress' || !screen.keypad.has(event.key)) return;
    event.preventDefault();
    void press(event.key);
  };
  document.addEventListener('keydown', onKey);

  void (async () => {
    const known = await picker.refresh();
    // Someone quick may have typed a number while the list loaded: theirs wins.
    if (number !== null) return;
    const remembered = safeRead(NUMBER_KEY);
    const initial = remembered ?? known[0]?.number ?? null;
    if (initial) await watch(initial);
    else show(null, true);
  })();

  return () => {
    document.removeEventListener('keydown', onKey);
    line.close();
    voice.stop();
    screen.dispose();
  };
}

function howToTry(): HTMLElement {
  return h(
    'div',
    { class: 'how-to-try' },
    h('h2', { class: 'section-title small' }, 'How to try it'),
    h(
      'ol',
      { class: 'how-to-try__steps' },
      h('li', {}, 'Keep this page open and pick the number of the account you will use.'),
      h(
        'li',
        {},
        'In another tab, ',
        h('a', { href: '/', target: '_blank', rel: 'noopener' }, 'sign in (opens in a new tab)'),
        '. The demo sign-ins are printed where Callgate was started.',
      ),
      h(
        'li',
        {},
        'When this phone rings, answer and type the code the sign-in page shows. Your keyboard’s digits work too.',
      ),
    ),
  );
}

/** Which call the phone shows after an update: the same call, or a new one that rings. */
function pick(shown: SimulatedCall | null, update: SimulatedCall): SimulatedCall | null {
  if (!shown || shown.sid === update.sid) return update;
  if (update.state !== 'ended' && (shown.state === 'ended' || update.state === 'ringing'))
    return update;
  return shown;
}

/** On (re)watching: a call still going, else keep an ended one already on screen. */
function current(calls: SimulatedCall[], shown: SimulatedCall | null): SimulatedCall | null {
  const live = calls.find((candidate) => candidate.state !== 'ended');
  if (live) return live;
  return shown ? (calls.find((candidate) => candidate.sid === shown.sid) ?? shown) : null;
}

function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return `${error.message}.`;
  if (error instanceof ApiError) return error.message;
  return 'The virtual phone could not reach Callgate.';
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]')
  );
}

function safeRead(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
