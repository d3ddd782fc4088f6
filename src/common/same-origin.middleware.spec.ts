import type { NextFunction, Request, Response } from 'express';
import { exceptUnder } from './except-under.js';
import { sameOriginOnly } from './same-origin.middleware.js';

const ORIGIN = 'https://auth.example.com';
const EXEMPT = ['/api/voice/challenges/'];

interface Outcome {
  passed: boolean;
  status?: number;
  body?: unknown;
}

/**
 * Runs the middleware, with the webhooks kept out of it as app.setup.ts does, on a request
 * double and records whether it passed or answered.
 */
function run(method: string, path: string, headers: Record<string, string> = {}): Outcome {
  const outcome: Outcome = { passed: false };
  const request = {
    method,
    path,
    header: (name: string) => headers[name.toLowerCase()],
  } as unknown as Request;
  const response = {
    status(code: number) {
      outcome.status = code;
      return this;
    },
    json(body: unknown) {
      outcome.body = body;
      return this;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    outcome.passed = true;
  };
  exceptUnder(EXEMPT, sameOriginOnly(ORIGIN))(request, response, next);
  return outcome;
}

const REFUSED = {
  passed: false,
  status: 403,
  body: { statusCode: 403, message: 'Cross-site request refused', error: 'Forbidden' },
};

describe('sameOriginOnly', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('lets a %s through from anywhere', (method) => {
    expect(run(method, '/api/me', { origin: 'https://evil.example' })).toEqual({ passed: true });
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('lets a %s with our Origin through', (method) => {
    expect(run(method, '/api/auth/login', { origin: ORIGIN })).toEqual({ passed: true });
  });

  it.each([
    'https://evil.example',
    'http://auth.example.com',
    'https://auth.example.com:8443',
    'https://auth.example.com.evil.example',
    'null',
  ])('refuses a POST with the foreign Origin %s, answering 403 JSON', (origin) => {
    expect(run('POST', '/api/auth/login', { origin })).toEqual(REFUSED);
  });

  it('judges by Origin when both headers are sent', () => {
    expect(
      run('POST', '/api/auth/login', {
        origin: 'https://evil.example',
        referer: `${ORIGIN}/login`,
      }),
    ).toEqual(REFUSED);
  });

  it('falls back to a Referer of our origin when Origin is absent', () => {
    expect(run('POST', '/api/auth/login', { referer: `${ORIGIN}/sign-in?next=%2F` })).toEqual({
      passed: true,
    });
  });

  it('refuses a Referer from another origin', () => {
    expect(run('POST', '/api/auth/login', { referer: 'https://evil.example/page' })).toEqual(
      REFUSED,
    );
  });

  it.each(['not a url', '/relative/path', 'auth.example.com/login'])(
    'refuses the malformed Referer %j',
    (referer) => {
      expect(run('POST', '/api/auth/login', { referer })).toEqual(REFUSED);
    },
  );

  it('refuses a POST with neither Origin nor Referer', () => {
    expect(run('POST', '/api/auth/login')).toEqual(REFUSED);
  });

  // The carrier posts from its own servers; those webhooks prove themselves by signature.
  it('lets a foreign POST through under an exempt prefix', () => {
    expect(run('POST', '/api/voice/challenges/c1/digits/0')).toEqual({ passed: true });
  });

  it('does not stretch an exemption to a sibling path', () => {
    expect(run('POST', '/api/voice/challengesx')).toEqual(REFUSED);
  });

  it.each(['/', '/login', '/assets/app.js', '/apix/thing'])(
    'guards the non-API path %s too: routing is not the place to draw the line',
    (path) => {
      expect(run('POST', path, { origin: 'https://evil.example' })).toEqual(REFUSED);
    },
  );
});

describe('sameOriginOnly, whatever the spelling of the path', () => {
  it.each(['/API/auth/logout', '/Api/auth/login', '//api/auth/login', '/anything-else'])(
    'refuses a cross-site POST to %s',
    (path) => {
      expect(run('POST', path, { origin: 'https://evil.example' })).toEqual(REFUSED);
    },
  );

  it('exempts the webhook prefix in any case (its signature is checked instead)', () => {
    expect(run('POST', '/API/VOICE/challenges/x/status')).toEqual({ passed: true });
  });
});
