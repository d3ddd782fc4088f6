import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

/** One voice for every prompt, so the call sounds like one speaker. */
const SAY = { voice: 'Polly.Joanna', language: 'en-US' } as const;

export interface DigitPrompt {
  /** Absolute URL the keypress is posted to. */
  action: string;
  /** Spoken while waiting; a key press interrupts it. */
  prompt?: string;
  timeoutSeconds: number;
}

/**
 * Waits for exactly one key. `#` is a digit like any other (finishOnKey off), and silence
 * still posts to the action (actionOnEmptyResult), so the server decides what no input means.
 */
export function gatherOneDigit({ action, prompt, timeoutSeconds }: DigitPrompt): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ['dtmf'],
    numDigits: 1,
    action,
    method: 'POST',
    timeout: timeoutSeconds,
    finishOnKey: '',
    actionOnEmptyResult: true,
  });
  if (prompt) gather.say(SAY, prompt);
  return response.toString();
}

/** Says its piece, then ends the call. */
export function sayThenHangUp(message: string): string {
  const response = new VoiceResponse();
  response.say(SAY, message);
  response.hangup();
  return response.toString();
}
