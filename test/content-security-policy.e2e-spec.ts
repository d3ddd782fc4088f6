import { startApp, type TestApp } from './support/test-app.js';

/** The policy's directives, by name. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

async function policyOf(app: TestApp, path: string) {
  const response = await fetch(`${app.baseUrl}${path}`);
  return {
    frameOptions: response.headers.get('x-frame-options'),
    status: response.status,
    policy: directives(response.headers.get('content-security-policy')),
    html: await response.text(),
  };
}

/** What a strict policy refuses, found in an HTML page. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/i.test(match[1]) || match[2].trim() !== '')
      found.push(`inline script: ${match[0].slice(0, 60)}`);
  }
  if (/<style\b/i.test(html)) found.push('a <style> element');
  if (/\sstyle\s*=/i.test(html)) found.push('a style= attribute');
  const handler = /\son[a-z]+\s*=/i.exec(html);
  if (handler) found.push(`an event handler attribute (${handler[0].trim()})`);
  if (/javascript:/i.test(html)) found.push('a javascript: URL');
  return found;
}

describe('Content-Security-Policy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(() => app.close());

  it.each(['/', '/phone', '/api/health', '/api/auth/session', '/api/no-such-route'])(
    'is strict on %s: our own scripts and styles only, nothing inline, no framing',
    async (path) => {
      const { policy, frameOptions } = await policyOf(app, path);
      expect(frameOptions).toBe('DENY');
      expect(policy).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      });
    },
  );

  it.each(['/', '/dashboard', '/admin', '/phone'])(
    'the web client page %s passes it: no inline script, style or handler',
    async (path) => {
      const { status, html } = await policyOf(app, path);
      expect(status).toBe(200);
      expect(inlineCode(html)).toEqual([]);
      for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
        // Our own files (root-relative) or a place on the page itself (the skip link).
        expect(url).toMatch(/^(\/(?!\/)|#[\w-]+$)/);
      }
    },
  );

  it('relaxes only style-src, only for the Swagger UI page, whose scripts are files', async () => {
    const { status, policy, html } = await policyOf(app, '/api/docs');
    expect(status).toBe(200);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect((await policyOf(app, '/api/docs-json')).policy['style-src']).toEqual(["'self'"]);
  });

  it('asks browsers to upgrade insecure requests when served over https', async () => {
    const https = await startApp({ PUBLIC_BASE_URL: 'https://auth.example.com' });
    try {
      const response = await fetch(`${https.baseUrl}/api/health`);
      expect(directives(response.headers.get('content-security-policy'))).toHaveProperty([
        'upgrade-insecure-requests',
      ]);
    } finally {
      await https.close();
    }
    expect((await policyOf(app, '/api/health')).policy).not.toHaveProperty([
      'upgrade-insecure-requests',
    ]);
  });
});
