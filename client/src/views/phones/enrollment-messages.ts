import type { CallProgress, FailureReason } from '../../api/types.js';

export interface EnrollmentFailure {
  title: string;
  detail: string;
}

const STILL = 'The number is still not verified.';

/** Why a verification call did not prove the number, and what to try next. */
export function enrollmentFailure(
  reason: FailureReason | null,
  lastCall: CallProgress | null,
): EnrollmentFailure {
  switch (reason) {
    case 'wrong-digit':
      return {
        title: 'A digit was wrong',
        detail: `${STILL} Call again for a new code, and type the digits exactly as shown.`,
      };
    case 'expired':
      return { title: 'The code expired', detail: `${STILL} Call again for a new code.` };
    case 'call-failed':
      return {
        title:
          lastCall === 'busy'
            ? 'The call was declined or the line was busy'
            : lastCall === 'no-answer'
              ? 'Nobody answered the call'
              : 'The call did not go through',
        detail: `${STILL} Make sure the phone can take calls, then call again.`,
      };
    case 'no-input':
      return {
        title: 'No keys were pressed',
        detail: `${STILL} Call again and type the code after the greeting.`,
      };
    case 'hung-up':
      return {
        title: 'The call ended early',
        detail: `${STILL} Call again to try once more.`,
      };
    case 'reported-fraud':
      return {
        title: 'Whoever answered pressed *',
        detail: `They said they were not expecting this call. ${STILL}`,
      };
    default:
      return { title: 'The number was not verified', detail: 'Call again to try once more.' };
  }
}
