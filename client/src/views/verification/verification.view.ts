import { callAgain, completeSecondFactor, getSession, logout } from '../../api/auth.js';
import { ApiError } from '../../api/http.js';
import type { ChallengeSnapshot, ChallengeWithCode } from '../../api/types.js';
import { watchVerification } from '../../live/verification-socket.js';
import { h } from '../../ui/dom.js';
import type { Teardown, ViewContext } from '../view.js';
import { CALL_ANNOUNCEMENTS, callStatus } from './call-status.js';
import { codeDisplay } from './code-display.js';
import { countdown } from './countdown.js';
import { CallAgainControl } from './call-again.js';
import { failureMessage, type FailureMessage } from './failure-messages.js';
import {
  applyDigit,
  applySnapshot,
  failureOf,
  fromChallenge,
  isActive,
  isOver,
  type VerificationState,
} from './verification-state.js';
import './verification.css';

const COMPLETE_ATTEMPTS = 5;
const RETRY_MS = 400;

/**
 * `/` after the password: shows the code, follows the call live, and finishes the sign-in
 * when every digit was right. Resumes from the server's replay after a reload.
 */
export function mountVerification(
  outlet: HTMLElement,
  context: ViewContext,
  challenge: ChallengeWithCode,
): Teardown {
  context.setTitle('Confirm it is you');
  const codes = new Map([[challenge.id, challenge.code]]);
  let state = fromChallenge(challenge);
  /** Set when the server says this sign-in is over for good (401). */
  let ended: FailureMessage | null = null;
  let completing = false;
  let shownFailure: string | null = null;

  const display = codeDisplay();
  const status = callStatus();
  const timer = countdown(() => context.announce('One minute left to type the code.'));
  const lead = h('p', { class: 'lead' });
  const statusRow = h('div', { class: 'verify__status' }, status.element, timer.element);
  const failureTitle = h('h2', { class: 'notice__title', tabindex: -1 });
  const failureDetail = h('p', {});
  const failure = h(
    'div',
    { class: 'notice notice--danger', hidden: true },
    failureTitle,
    failureDetail,
  );
  const signInAgain = h(
    'button',
    { type: 'button', class: 'button', onClick: () => void restart() },
    'Sign in again',
  );
  const callAgainControl = new CallAgainControl({
    request: () => callAgain(),
    started: (next) => onNewCall(next),
    refused: (error) => onRefusal(error),
    announce: context.announce,
  });

  outlet.append(
    h(
      'section',
      { class: 'card verify', 'aria-labelledby': 'verify-title' },
      h('h1', { class: 'page-title', id: 'verify-title' }, 'Confirm it is you'),
      lead,
      display.element,
      statusRow,
      failure,
      h('div', { class: 'actions' }, callAgainControl.button, signInAgain),
      callAgainControl.hint,
    ),
  );

  function render(): void {
    const over = ended !== null || isOver(state);
    const message = ended ?? (over ? failureMessage(failureOf(state), state.call) : null);
    lead.replaceChildren(...leadFor(state, over));
    display.update(state);
    status.update(state);
    // Once it is over, the notice below says what happened to the call.
    statusRow.hidden = over;
    if (isActive(state)) timer.start(state.expiresAt);
    else timer.stop();
    timer.element.hidden = !isActive(state);

    failure.hidden = message === null;
    failureTitle.textContent = message?.title ?? '';
    failureDetail.textContent = message?.detail ?? '';
    const mayCall = (isActive(state) || (message?.canCallAgain ?? false)) && ended === null;
    callAgainControl.update({ visible: mayCall, primary: over });
    signInAgain.hidden = state.status === 'verified';
    signInAgain.textContent = over ? 'Sign in again' : 'Cancel sign-in';
    signInAgain.className = over && !mayCall ? 'button button--primary' : 'button button--quiet';

    const failureKey = message ? `${state.id}:${message.title}` : null;
    if (failureKey && failureKey !== shownFailure) {
      context.announce(`${message!.title}. ${message!.detail}`, 'assertive');
      failureTitle.focus();
    }
    shownFailure = failureKey;
  }

  function onSnapshot(snapshot: ChallengeSnapshot): void {
    const isNew = snapshot.id !== state.id;
    state = applySnapshot(state, snapshot, codes.get(snapshot.id) ?? null);
    if (isNew && state.code === null) void fetchCode(snapshot.id);
    render();
    if (state.status === 'verified') void complete();
  }

  function onNewCall(next: ChallengeWithCode): void {
    codes.set(next.id, next.code);
    ended = null;
    // The socket may have told of it first; keep what it said, add the code.
    state = state.id === next.id ? { ...state, code: next.code } : fromChallenge(next);
    context.announce('Calling you again. The code has changed.');
    render();
  }

  function onRefusal(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) {
      ended = {
        title: 'This sign-in has ended',
        detail: 'Please sign in again to get a new code.',
        canCallAgain: false,
      };
    } else if (error instanceof ApiError && error.status === 409) {
      void complete();
    }
    render();
  }

  /** A challenge started elsewhere (another tab): its code is in the session. */
  async function fetchCode(id: string, attempt = 0): Promise<void> {
    const session = await getSession().catch(() => null);
    if (session?.state === 'second-factor-pending' && session.challenge.id === id) {
      codes.set(id, session.challenge.code);
      if (state.id === id) state = { ...state, code: session.challenge.code };
      render();
    } else if (attempt < 3) {
      window.setTimeout(() => void fetchCode(id, attempt + 1), RETRY_MS);
    }
  }

  async function complete(): Promise<void> {
    if (completing) return;
    completing = true;
    for (let attempt = 0; attempt < COMPLETE_ATTEMPTS; attempt++) {
      try {
        await completeSecondFactor();
        context.navigate('/dashboard', { replace: true });
        return;
      } catch (error) {
        // 409: the server has not seen the last digit land yet; anything else is final.
        if (error instanceof ApiError && error.status === 409) {
          await new Promise((resolve) => window.setTimeout(resolve, RETRY_MS));
          continue;
        }
        ended =
          error instanceof ApiError
            ? failureMessage(null, null)
            : {
                title: 'Could not finish signing you in',
                detail:
                  'Callgate could not be reached. Check your connection, then reload the page.',
                canCallAgain: false,
              };
        render();
        return;
      }
    }
    completing = false;
  }

  async function restart(): Promise<void> {
    signInAgain.disabled = true;
    await logout().catch(() => undefined);
    context.navigate('/', { replace: true });
  }

  const feed = watchVerification({
    challenge: onSnapshot,
    call: ({ challengeId, status: progress }) => {
      if (challengeId !== state.id || state.call === progress) return;
      state = { ...state, call: progress };
      render();
      const words = CALL_ANNOUNCEMENTS[progress];
      if (words && isActive(state)) context.announce(words);
    },
    digit: ({ challengeId, position, correct }) => {
      if (challengeId !== state.id) return;
      state = applyDigit(state, position, correct);
      render();
      context.announce(`Digit ${position + 1} of ${state.length}: ${correct ? 'right' : 'wrong'}.`);
    },
    verified: ({ challengeId }) => {
      if (challengeId !== state.id) return;
      state = { ...state, status: 'verified', entered: state.length };
      render();
      context.announce('All digits right. Signing you in.');
      void complete();
    },
    failed: ({ challengeId, reason }) => {
      if (challengeId !== state.id) return;
      state = {
        ...state,
        status: reason === 'expired' ? 'expired' : 'failed',
        reason,
        wrongAt: reason === 'wrong-digit' ? (state.wrongAt ?? state.entered) : state.wrongAt,
      };
      render();
    },
    // Refused or closed by the server (signed out in another tab): start from where the session is.
    lost: () => context.navigate('/', { replace: true }),
  });

  render();
  return () => {
    feed.close();
    timer.stop();
    callAgainControl.dispose();
  };
}

function leadFor(state: VerificationState, over: boolean): (string | Node)[] {
  const phone = h('strong', { class: 'nowrap' }, state.phone);
  if (state.status === 'verified') return ['Code accepted. Signing you in…'];
  if (over) return ['We called ', phone, '.'];
  return [
    'We are calling ',
    phone,
    '. Answer, then type this code on the phone keypad, one digit at a time.',
  ];
}
