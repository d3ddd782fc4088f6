import type { CallProgress, FailureReason } from '../../api/types.js';

export interface FailureMessage {
  title: string;
  detail: string;
  /** The user may ask for another call (DESIGN: after call-failed, no-input, hung-up). */
  canCallAgain: boolean;
}

/** Why the phone check did not succeed, in plain words, and what to do next. */
export function failureMessage(
  reason: FailureReason | null,
  lastCall: CallProgress | null,
): FailureMessage {
  switch (reason) {
    case 'wrong-digit':
      return {
        title: 'That digit was wrong',
        detail:
          'For your safety this sign-in has stopped. Sign in again to get a new code, and type the digits exactly as shown.',
        canCallAgain: false,
      };
    case 'expired':
      return {
        title: 'The code expired',
        detail: 'It was not typed in time. Sign in again to get a new code.',
        canCallAgain: false,
      };
    case 'call-failed':
      return {
        title: callFailedTitle(lastCall),
        detail:
          'Make sure your phone can take calls, then ask for another call. Or sign in again later.',
        canCallAgain: true,
      };
    case 'no-input':
      return {
        title: 'No keys were pressed',
        detail:
          'The call ended because no digits were typed in time. Ask for another call and type the code after the greeting.',
        canCallAgain: true,
      };
    case 'hung-up':
      return {
        title: 'The call ended early',
        detail:
          'The call was hung up before the whole code was typed. Ask for another call to try again.',
        canCallAgain: true,
      };
    case 'reported-fraud':
      return {
        title: 'Sign-in stopped and account locked',
        detail:
          'Someone pressed * on the call to say they did not try to sign in, so the account is now locked. If that was you by mistake, ask an administrator to unlock it.',
        canCallAgain: false,
      };
    default:
      return {
        title: 'This sign-in did not succeed',
        detail: 'Please sign in again.',
        canCallAgain: false,
      };
  }
}

function callFailedTitle(lastCall: CallProgress | null): string {
  switch (lastCall) {
    case 'busy':
      return 'The call was declined or the line was busy';
    case 'no-answer':
      return 'Nobody answered the call';
    case 'canceled':
      return 'The call was canceled';
    default:
      return 'The call did not go through';
  }
}
