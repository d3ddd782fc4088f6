import { BadRequestException } from '@nestjs/common';

/** The few fields of a Twilio voice webhook Callgate reads; Twilio sends many more. */
export interface VoiceFields {
  callSid: string;
  callStatus: string;
  /** Present on Gather actions: one key, or '' for silence. */
  digits: string;
}

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const DIGITS = /^[0-9*#]?$/;
const CALL_STATUS = /^[a-z-]{1,32}$/;

/** Reads and checks the fields; a malformed (yet signed) post gets one clear 400. */
export function readVoiceFields(body: unknown): VoiceFields {
  const fields = (body ?? {}) as Record<string, unknown>;
  const callSid = fields.CallSid;
  const digits = fields.Digits ?? '';
  const callStatus = fields.CallStatus ?? '';
  if (typeof callSid !== 'string' || !CALL_SID.test(callSid)) {
    throw new BadRequestException('CallSid is missing or malformed');
  }
  if (typeof digits !== 'string' || !DIGITS.test(digits)) {
    throw new BadRequestException('Digits must be one key: 0-9, * or #');
  }
  if (typeof callStatus !== 'string' || (callStatus !== '' && !CALL_STATUS.test(callStatus))) {
    throw new BadRequestException('CallStatus is malformed');
  }
  return { callSid, callStatus, digits };
}
