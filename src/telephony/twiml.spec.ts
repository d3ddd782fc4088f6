import { gatherOneDigit, sayThenHangUp } from './twiml.js';

const ACTION = 'https://auth.example.com/api/voice/challenges/c1/digits/0';

/** The attributes of the first `<tag …>` in the document, as written. */
function attributesOf(xml: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}((?:\\s+[A-Za-z]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!match) throw new Error(`no <${tag}> in ${xml}`);
  return Object.fromEntries(
    [...match[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
}

describe('gatherOneDigit', () => {
  it('waits for exactly one keypad digit, posted to the absolute action', () => {
    const xml = gatherOneDigit({
      action: ACTION,
      prompt: 'Enter the first digit.',
      timeoutSeconds: 8,
    });
    expect(attributesOf(xml, 'Gather')).toEqual({
      input: 'dtmf',
      numDigits: '1',
      action: ACTION,
      method: 'POST',
      timeout: '8',
      finishOnKey: '',
      actionOnEmptyResult: 'true',
    });
  });

  it('produces the whole document with the prompt spoken inside the Gather', () => {
    const xml = gatherOneDigit({
      action: ACTION,
      prompt: 'Enter the first digit.',
      timeoutSeconds: 8,
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        `<Gather input="dtmf" numDigits="1" action="${ACTION}" method="POST" timeout="8" finishOnKey="" actionOnEmptyResult="true">` +
        '<Say voice="Polly.Joanna" language="en-US">Enter the first digit.</Say>' +
        '</Gather></Response>',
    );
  });

  // Outside the Gather the prompt would play to the end before any key was heard.
  it('nests the prompt inside the Gather so a key press interrupts it', () => {
    const xml = gatherOneDigit({ action: ACTION, prompt: 'Hello alice.', timeoutSeconds: 5 });
    expect(xml).toMatch(/<Gather[^>]*><Say[^>]*>Hello alice\.<\/Say><\/Gather>/);
  });

  it('gathers silently when there is no prompt', () => {
    const xml = gatherOneDigit({ action: ACTION, timeoutSeconds: 5 });
    expect(xml).not.toContain('<Say');
    expect(xml).toContain('<Gather');
    expect(xml).not.toContain('<Hangup');
  });

  it('escapes XML special characters in the prompt', () => {
    const xml = gatherOneDigit({
      action: ACTION,
      prompt: 'Tom & Jerry <b>bold</b>',
      timeoutSeconds: 5,
    });
    expect(xml).toContain('>Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;</Say>');
    expect(xml).not.toContain('<b>');
  });

  it('escapes XML special characters in the action URL', () => {
    const xml = gatherOneDigit({
      action: 'https://auth.example.com/cb?a=1&b=<2>"',
      timeoutSeconds: 5,
    });
    expect(xml).toContain('action="https://auth.example.com/cb?a=1&amp;b=&lt;2');
    expect(xml).not.toContain('a=1&b');
    expect(xml).not.toContain('<2');
    // The quote must not end the attribute early.
    expect(attributesOf(xml, 'Gather').method).toBe('POST');
  });
});

describe('sayThenHangUp', () => {
  it('says the message, then hangs up', () => {
    expect(sayThenHangUp('That digit is wrong. Please sign in again.')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say voice="Polly.Joanna" language="en-US">That digit is wrong. Please sign in again.</Say>' +
        '<Hangup/></Response>',
    );
  });

  it('ends with <Hangup/> and waits for no key', () => {
    const xml = sayThenHangUp('Goodbye.');
    expect(xml.endsWith('<Hangup/></Response>')).toBe(true);
    expect(xml).not.toContain('<Gather');
  });

  it('escapes XML special characters in the message', () => {
    expect(sayThenHangUp('Q & A <now>')).toContain('>Q &amp; A &lt;now&gt;</Say>');
  });
});
