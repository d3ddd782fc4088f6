import { BadRequestException } from '@nestjs/common';
import { readVoiceFields } from './voice-fields.js';

const CALL_SID = 'CA0123456789abcdef0123456789ABCDEF';

describe('readVoiceFields', () => {
  it('reads the call, its status and the key pressed', () => {
    expect(readVoiceFields({ CallSid: CALL_SID, CallStatus: 'in-progress', Digits: '7' })).toEqual({
      callSid: CALL_SID,
      callStatus: 'in-progress',
      digits: '7',
    });
  });

  it('ignores the many other fields Twilio sends', () => {
    expect(readVoiceFields({ CallSid: CALL_SID, From: '+14155550123', AccountSid: 'AC1' })).toEqual(
      {
        callSid: CALL_SID,
        callStatus: '',
        digits: '',
      },
    );
  });

  it.each(['0', '9', '*', '#'])('accepts the key %j', (key) => {
    expect(readVoiceFields({ CallSid: CALL_SID, Digits: key }).digits).toBe(key);
  });

  it('reads a missing Digits as silence', () => {
    expect(readVoiceFields({ CallSid: CALL_SID }).digits).toBe('');
  });

  it('reads an empty Digits as silence', () => {
    expect(readVoiceFields({ CallSid: CALL_SID, Digits: '' }).digits).toBe('');
  });

  it.each([
    ['missing', undefined],
    ['too short', 'CA0123'],
    ['of another kind', 'SM0123456789abcdef0123456789abcdef'],
    ['not hexadecimal', 'CA0123456789abcdef0123456789abcdeg'],
    ['padded', ` ${CALL_SID}`],
    ['a number', 12345],
    ['an array', [CALL_SID]],
  ])('refuses a CallSid that is %s', (_, callSid) => {
    expect(() => readVoiceFields({ CallSid: callSid, Digits: '1' })).toThrow(
      new BadRequestException('CallSid is missing or malformed'),
    );
  });

  it.each([
    ['two keys', '12'],
    ['a letter', 'a'],
    ['a space', ' '],
    ['a number', 7],
    ['an array', ['7']],
  ])('refuses Digits that is %s', (_, digits) => {
    expect(() => readVoiceFields({ CallSid: CALL_SID, Digits: digits })).toThrow(
      new BadRequestException('Digits must be one key: 0-9, * or #'),
    );
  });

  it.each([
    ['upper-case', 'RINGING'],
    ['too long', 'a'.repeat(33)],
    ['not a string', 3],
    ['markup', '<b>'],
  ])('refuses a CallStatus that is %s', (_, callStatus) => {
    expect(() => readVoiceFields({ CallSid: CALL_SID, CallStatus: callStatus })).toThrow(
      new BadRequestException('CallStatus is malformed'),
    );
  });

  it.each([undefined, null, 'CallSid=CA1'])('refuses the body %p as having no CallSid', (body) => {
    expect(() => readVoiceFields(body)).toThrow(BadRequestException);
  });
});
