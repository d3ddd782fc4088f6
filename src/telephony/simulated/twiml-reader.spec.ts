import { gatherOneDigit, sayThenHangUp } from '../twiml.js';
import { readTwiml } from './twiml-reader.js';

const ACTION = 'https://auth.example.com/api/voice/challenges/c1/digits/0';

describe('readTwiml', () => {
  it('reads every Say in the order a caller hears them, those inside Gather included', () => {
    const instructions = readTwiml(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say>First.</Say><Say>Second.</Say>' +
        `<Gather numDigits="1" action="${ACTION}"><Say>Third.</Say><Say>Fourth.</Say></Gather>` +
        '</Response>',
    );
    expect(instructions.says).toEqual(['First.', 'Second.', 'Third.', 'Fourth.']);
  });

  it('reads the Gather attributes', () => {
    const instructions = readTwiml(
      `<Response><Gather numDigits="4" action="${ACTION}" timeout="12" actionOnEmptyResult="true"></Gather></Response>`,
    );
    expect(instructions.gather).toEqual({
      action: ACTION,
      numDigits: 4,
      timeoutSeconds: 12,
      actionOnEmptyResult: true,
    });
    expect(instructions.hangup).toBe(false);
  });

  it("falls back to Twilio's defaults for Gather attributes left out", () => {
    const { gather } = readTwiml('<Response><Gather/></Response>');
    expect(gather).toEqual({
      action: '',
      numDigits: 1,
      timeoutSeconds: 5,
      actionOnEmptyResult: false,
    });
  });

  it('stops reading at Hangup', () => {
    const instructions = readTwiml(
      `<Response><Say>Bye.</Say><Hangup/><Say>Never heard.</Say><Gather action="${ACTION}"/></Response>`,
    );
    expect(instructions).toEqual({ says: ['Bye.'], hangup: true });
  });

  it('stops reading after the Gather, since the call waits there', () => {
    const instructions = readTwiml(
      `<Response><Gather action="${ACTION}"><Say>Press a key.</Say></Gather><Say>Later.</Say><Hangup/></Response>`,
    );
    expect(instructions.says).toEqual(['Press a key.']);
    expect(instructions.hangup).toBe(false);
  });

  it('unescapes the text it reads', () => {
    expect(readTwiml('<Response><Say>Tom &amp; Jerry</Say></Response>').says).toEqual([
      'Tom & Jerry',
    ]);
  });

  it('reads a document without instructions as nothing to do', () => {
    expect(readTwiml('<Response></Response>')).toEqual({ says: [], hangup: false });
  });

  describe('on what twiml.ts writes', () => {
    it('reads back a one-digit Gather with its prompt', () => {
      const xml = gatherOneDigit({
        action: `${ACTION}?retry=1&from=<start>`,
        prompt: 'Hello alice & friends. Please enter the 6 digit code.',
        timeoutSeconds: 9,
      });
      expect(readTwiml(xml)).toEqual({
        says: ['Hello alice & friends. Please enter the 6 digit code.'],
        gather: {
          action: `${ACTION}?retry=1&from=<start>`,
          numDigits: 1,
          timeoutSeconds: 9,
          actionOnEmptyResult: true,
        },
        hangup: false,
      });
    });

    it('reads back a message followed by a hang-up', () => {
      expect(readTwiml(sayThenHangUp('Thank you, you are signed in. Goodbye.'))).toEqual({
        says: ['Thank you, you are signed in. Goodbye.'],
        hangup: true,
      });
    });
  });
});
