import { type ExecutionContext, ForbiddenException, Logger } from '@nestjs/common';
import { jest } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import twilio from 'twilio';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';
import { WebhookSignature } from './webhook-signature.js';

const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
const PUBLIC_BASE_URL = 'https://auth.example.com';
const PATH = '/api/voice/challenges/0b6f3c1e/digits/0?attempt=1';
const PARAMS = {
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  CallStatus: 'in-progress',
  Digits: '7',
};

interface FakeRequest {
  originalUrl: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** The slice of Express's request and Nest's ExecutionContext the guard reads. */
function contextFor(request: FakeRequest): ExecutionContext {
  const expressRequest = {
    ...request,
    header: (name: string) => request.headers[name.toLowerCase()],
  };
  return {
    switchToHttp: () => ({ getRequest: () => expressRequest }),
  } as unknown as ExecutionContext;
}

function guard(): TwilioSignatureGuard {
  const config = new ConfigService<Configuration, true>({
    app: { publicBaseUrl: PUBLIC_BASE_URL },
    telephony: { driver: 'twilio', authToken: AUTH_TOKEN },
  });
  return new TwilioSignatureGuard(new WebhookSignature(config), config);
}

function signed(
  signature: string,
  options: { body?: unknown; originalUrl?: string; contentType?: string } = {},
): ExecutionContext {
  const originalUrl = options.originalUrl ?? PATH;
  const body = 'body' in options ? options.body : PARAMS;
  const headers: Record<string, string> = {
    'x-twilio-signature': signature,
    host: 'internal-host:3000',
  };
  const contentType =
    options.contentType ?? (body === undefined ? undefined : 'application/x-www-form-urlencoded');
  if (contentType) headers['content-type'] = contentType;
  return contextFor({ originalUrl, path: originalUrl.split('?')[0], body, headers });
}

const sign = (url: string, params: Record<string, string>, token = AUTH_TOKEN) =>
  twilio.getExpectedTwilioSignature(token, url, params);

describe('TwilioSignatureGuard', () => {
  let warn: jest.Spied<Logger['warn']>;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('lets through a post signed over PUBLIC_BASE_URL + the original URL', () => {
    expect(guard().canActivate(signed(sign(PUBLIC_BASE_URL + PATH, PARAMS)))).toBe(true);
  });

  it('refuses the signed fields sent as JSON instead of a form', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    expect(() =>
      guard().canActivate(signed(signature, { contentType: 'application/json' })),
    ).toThrow(ForbiddenException);
    expect(() => guard().canActivate(signed(signature, { contentType: 'text/plain' }))).toThrow(
      ForbiddenException,
    );
  });

  it('accepts the form content type with a charset, in any case', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    const contentType = 'Application/X-WWW-Form-Urlencoded; charset=utf-8';
    expect(guard().canActivate(signed(signature, { contentType }))).toBe(true);
  });

  it('lets through a signed post without any form fields', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, {});
    expect(guard().canActivate(signed(signature, { body: undefined }))).toBe(true);
    expect(guard().canActivate(signed(signature, { body: {} }))).toBe(true);
  });

  it('logs each refusal without the signature or the fields', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS, 'fedcba9876543210fedcba9876543210');
    expect(() => guard().canActivate(signed(signature))).toThrow(ForbiddenException);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(warn.mock.calls[0]);
    expect(logged).toContain('/api/voice/challenges/0b6f3c1e/digits/0');
    expect(logged).not.toContain(signature);
    expect(logged).not.toContain(PARAMS.CallSid);
  });

  it('refuses a signature made with another auth token', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS, 'fedcba9876543210fedcba9876543210');
    expect(() => guard().canActivate(signed(signature))).toThrow(ForbiddenException);
  });

  it('refuses a post whose field was changed after signing', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    expect(() =>
      guard().canActivate(signed(signature, { body: { ...PARAMS, Digits: '8' } })),
    ).toThrow(ForbiddenException);
  });

  it('refuses a post with a field added after signing', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    expect(() =>
      guard().canActivate(signed(signature, { body: { ...PARAMS, Extra: 'x' } })),
    ).toThrow(ForbiddenException);
  });

  it('refuses a post to another URL than the one signed', () => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    const otherPath = '/api/voice/challenges/0b6f3c1e/digits/1?attempt=1';
    expect(() => guard().canActivate(signed(signature, { originalUrl: otherPath }))).toThrow(
      ForbiddenException,
    );
  });

  it('refuses a post without X-Twilio-Signature', () => {
    const context = contextFor({ originalUrl: PATH, path: PATH, body: PARAMS, headers: {} });
    expect(() => guard().canActivate(context)).toThrow(ForbiddenException);
  });

  it('refuses an empty X-Twilio-Signature', () => {
    expect(() => guard().canActivate(signed(''))).toThrow(ForbiddenException);
  });

  // The Host header is set by whoever connects; trusting it would let a signature made for
  // any URL the attacker controls pass here.
  it('refuses a signature computed over the Host-header URL instead of PUBLIC_BASE_URL', () => {
    const signature = sign(`http://internal-host:3000${PATH}`, PARAMS);
    expect(() => guard().canActivate(signed(signature))).toThrow(ForbiddenException);
  });

  it.each([
    ['a number', { ...PARAMS, Digits: 7 }],
    ['an array', { ...PARAMS, Digits: ['7', '8'] }],
    ['a nested object', { ...PARAMS, Digits: { value: '7' } }],
  ])('refuses a body with %s as a value, however signed', (_, body) => {
    // Signed over the string form a lenient check would compare against.
    const signature = sign(PUBLIC_BASE_URL + PATH, { ...PARAMS, Digits: '7' });
    expect(() => guard().canActivate(signed(signature, { body }))).toThrow(ForbiddenException);
  });

  it.each([
    ['a string', 'CallSid=CA1'],
    ['an array', [PARAMS]],
  ])('refuses a body that is %s rather than form fields', (_, body) => {
    const signature = sign(PUBLIC_BASE_URL + PATH, PARAMS);
    expect(() => guard().canActivate(signed(signature, { body }))).toThrow(ForbiddenException);
  });
});
