/** What Callgate asks of a carrier: place a call that fetches our TwiML, and end it. */

export interface CallRequest {
  /** E.164 number to call. */
  to: string;
  /** Absolute URL the carrier fetches TwiML from when the call is answered. */
  answerUrl: string;
  /** Absolute URL the carrier posts call progress to. */
  statusCallbackUrl: string;
  /** How long to let it ring before giving up as `no-answer`. */
  ringTimeoutSeconds: number;
}

export interface PlacedCall {
  callSid: string;
}

/** The carrier refused or could not be reached; the message is safe to log. */
export class CallPlacementError extends Error {
  constructor(
    message: string,
    readonly carrierCode?: number,
  ) {
    super(message);
    this.name = 'CallPlacementError';
  }
}

/**
 * The port every carrier adapter implements; injected by this abstract class. Adding a
 * carrier means one new subclass and one line in TelephonyModule, nothing else.
 */
export abstract class TelephonyProvider {
  /** Throws CallPlacementError when the carrier will not place the call. */
  abstract placeCall(request: CallRequest): Promise<PlacedCall>;

  /** Hangs up a call in progress; a call already over is not an error. */
  abstract endCall(callSid: string): Promise<void>;
}
