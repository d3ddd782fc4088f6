import type { ChallengeSnapshot, ChallengeWithCode, PhoneNumberView } from '../../api/types.js';
import { watchVerification, type Feed } from '../../live/verification-socket.js';
import type { Politeness } from '../../ui/announcer.js';
import { h, setAttr } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { spacedNumber } from '../../ui/format.js';
import { icon } from '../../ui/icons.js';
import { callStatus, type CallWording } from '../verification/call-status.js';
import { codeDisplay } from '../verification/code-display.js';
import { countdown } from '../verification/countdown.js';
import {
  applyDigit,
  applySnapshot,
  failureOf,
  fromChallenge,
  isActive,
  isOver,
  type VerificationState,
} from '../verification/verification-state.js';
import '../verification/verification.css';
import { enrollmentFailure } from './enrollment-messages.js';

const WORDING: CallWording = {
  ringing: 'The phone is ringing',
  answered: 'Call answered: type the code on its keypad',
  accepted: 'Number verified',
};

interface Dependencies {
  /** Asks the server to call the number (again) with a new code. */
  call(phoneId: string): Promise<{ challenge: ChallengeWithCode }>;
  verified(phoneId: string): void;
  closed(): void;
  /** Refusals handled elsewhere (a stale sign-in); true when handled. */
  intercept(error: unknown): boolean;
  /** The server closed the live connection: the session has ended. */
  lost(): void;
  announce(message: string, politeness?: Politeness): void;
}

/**
 * "Verify by call": the code to type on the phone being proved and each digit lighting up
 * as it is typed (the sign-in page's components, fed by this session's own /verification
 * socket, which hears the enrollment call). Success marks the number verified.
 */
export function enrollmentPanel(deps: Dependencies) {
  let phone: PhoneNumberView | null = null;
  let state: VerificationState | null = null;
  let feed: Feed | null = null;
  let shownOutcome: string | null = null;
  let calling = false;
  let reported: string | null = null;

  const title = h('h3', { class: 'section-title', tabindex: -1 });
  const lead = h('p', {});
  const display = codeDisplay('Verification code');
  const status = callStatus(WORDING);
  const timer = countdown(() => deps.announce('One minute left to type the code.'));
  const statusRow = h('div', { class: 'verify__status' }, status.element, timer.element);
  const outcomeTitle = h('p', { class: 'notice__title', tabindex: -1 });
  const outcomeDetail = h('p', {});
  const outcome = h('div', { class: 'notice', hidden: true }, outcomeTitle, outcomeDetail);
  const error = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
  const callAgain = h(
    'button',
    { type: 'button', class: 'button button--primary', onClick: () => void again() },
    'Call again',
  );
  const close = h('button', { type: 'button', class: 'button', onClick: () => hide() }, 'Close');
  const element = h(
    'section',
    { class: 'enrollment', hidden: true, 'aria-label': 'Verify by call' },
    title,
    lead,
    display.element,
    statusRow,
    outcome,
    error,
    h('div', { class: 'actions' }, callAgain, close),
  );

  function render(): void {
    if (!state || !phone) return;
    const number = spacedNumber(phone.number);
    title.textContent = `Verify ${number} by call`;
    const over = isOver(state);
    lead.textContent =
      state.status === 'verified'
        ? `${number} is verified.`
        : over
          ? `We called ${number}.`
          : `We are calling ${number}. Answer it and type this code on its keypad, one digit at a time.`;
    display.update(state);
    status.update(state);
    statusRow.hidden = over;
    if (isActive(state)) timer.start(state.expiresAt);
    else timer.stop();
    timer.element.hidden = !isActive(state);

    const failure = over ? enrollmentFailure(failureOf(state), state.call) : null;
    outcome.hidden = !failure && state.status !== 'verified';
    outcome.className = `notice ${failure ? 'notice--danger' : 'notice--success'}`;
    outcomeTitle.replaceChildren(
      ...(failure
        ? [icon('x'), failure.title]
        : state.status === 'verified'
          ? [icon('check'), 'Number verified']
          : []),
    );
    outcomeDetail.textContent = failure
      ? failure.detail
      : 'Sign-in can now call this number. Make it primary to have sign-in call it first.';
    callAgain.hidden = !over;
    setAttr(callAgain, 'aria-disabled', calling ? 'true' : null);
    close.textContent = isActive(state) ? 'Close' : 'Done';

    const key = failure ? `${state.id}:failed` : state.status === 'verified' ? state.id : null;
    if (key && key !== shownOutcome) {
      if (failure) deps.announce(`${failure.title}. ${failure.detail}`, 'assertive');
      else deps.announce(`${number} is verified.`);
      outcomeTitle.focus();
    }
    shownOutcome = key;
  }

  function onSnapshot(snapshot: ChallengeSnapshot): void {
    // The replay on connect may be an older challenge of this session (its sign-in).
    if (!state || snapshot.id !== state.id) return;
    state = applySnapshot(state, snapshot, state.code);
    render();
    if (state.status === 'verified') reportVerified();
  }

  /** Once per challenge: the replay and the `verified` event may both tell of it. */
  function reportVerified(): void {
    if (!state || !phone || reported === state.id) return;
    reported = state.id;
    deps.verified(phone.id);
  }

  function openFeed(): void {
    feed ??= watchVerification({
      challenge: onSnapshot,
      call: ({ challengeId, status: progress }) => {
        if (!state || challengeId !== state.id || state.call === progress) return;
        state = { ...state, call: progress };
        render();
        if (progress === 'ringing' && isActive(state)) deps.announce('The phone is ringing.');
        if (progress === 'answered' && isActive(state)) {
          deps.announce('Call answered. Type the code on the phone keypad.');
        }
      },
      digit: ({ challengeId, position, correct }) => {
        if (!state || challengeId !== state.id) return;
        state = applyDigit(state, position, correct);
        render();
        deps.announce(`Digit ${position + 1} of ${state.length}: ${correct ? 'right' : 'wrong'}.`);
      },
      verified: ({ challengeId }) => {
        if (!state || challengeId !== state.id) return;
        state = { ...state, status: 'verified', entered: state.length };
        render();
        reportVerified();
      },
      failed: ({ challengeId, reason }) => {
        if (!state || challengeId !== state.id) return;
        state = {
          ...state,
          status: reason === 'expired' ? 'expired' : 'failed',
          reason,
          wrongAt: reason === 'wrong-digit' ? (state.wrongAt ?? state.entered) : state.wrongAt,
        };
        render();
      },
      lost: () => deps.lost(),
    });
  }

  function begin(next: ChallengeWithCode): void {
    state = fromChallenge(next);
    shownOutcome = null;
    error.hidden = true;
    element.hidden = false;
    openFeed();
    render();
    deps.announce(`Calling ${spacedNumber(phone!.number)}. The code is on screen.`);
  }

  async function again(): Promise<void> {
    if (!phone || calling) return;
    calling = true;
    render();
    try {
      begin((await deps.call(phone.id)).challenge);
    } catch (failure) {
      if (!deps.intercept(failure)) {
        error.replaceChildren(h('p', {}, errorMessage(failure)));
        error.hidden = false;
      }
    } finally {
      calling = false;
      render();
    }
  }

  function hide(): void {
    element.hidden = true;
    timer.stop();
    feed?.close();
    feed = null;
    phone = null;
    state = null;
    deps.closed();
  }

  return {
    element,
    /** The phone whose call is shown, if any. */
    get phoneId(): string | null {
      return phone?.id ?? null;
    },
    /** Shows a call the server has just started for `which`. */
    start(which: PhoneNumberView, challenge: ChallengeWithCode): void {
      phone = which;
      begin(challenge);
      title.focus();
    },
    /** Puts the panel away (its number was removed, say). */
    close: () => hide(),
    dispose(): void {
      timer.stop();
      feed?.close();
      feed = null;
    },
  };
}
