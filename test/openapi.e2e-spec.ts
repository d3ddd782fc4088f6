import { BrowserSession } from './support/browser-session.js';
import { startApp, type TestApp } from './support/test-app.js';

/** Every endpoint of DESIGN §5, plus the additions documented in the README. */
const EXPECTED = [
  'POST /api/auth/login',
  'GET /api/auth/session',
  'POST /api/auth/second-factor/complete',
  'POST /api/auth/second-factor/call',
  'POST /api/auth/logout',
  'GET /api/me',
  'GET /api/me/phones',
  'POST /api/me/phones',
  'POST /api/me/phones/{id}/verification',
  'PATCH /api/me/phones/{id}',
  'DELETE /api/me/phones/{id}',
  'GET /api/admin/users',
  'POST /api/admin/users',
  'PATCH /api/admin/users/{id}',
  'POST /api/admin/users/{id}/unlock',
  'GET /api/admin/users/{id}/phones',
  'POST /api/admin/users/{id}/phones',
  'POST /api/admin/phones/{id}/verification',
  'PATCH /api/admin/phones/{id}',
  'DELETE /api/admin/phones/{id}',
  'GET /api/admin/audit',
  'GET /api/health',
  'GET /api/simulator/calls',
  'GET /api/simulator/calls/{sid}',
  'GET /api/simulator/numbers',
  'POST /api/simulator/calls/{sid}/answer',
  'POST /api/simulator/calls/{sid}/decline',
  'POST /api/simulator/calls/{sid}/hangup',
  'POST /api/simulator/calls/{sid}/keys',
];

describe('the OpenAPI document at /api/docs', () => {
  let app: TestApp;
  let document: any;

  beforeAll(async () => {
    app = await startApp();
    document = (await new BrowserSession(app.baseUrl).request('GET', '/api/docs-json')).body;
  });

  afterAll(() => app.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, any>).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it('lists exactly the public endpoints (voice webhooks are for carriers and left out)', () => {
    expect(
      operations()
        .map((entry) => entry.name)
        .sort(),
    ).toEqual([...EXPECTED].sort());
  });

  it('gives every endpoint a summary and a success response with a schema (or 204)', () => {
    for (const { name, operation } of operations()) {
      expect({ name, summary: typeof operation.summary }).toEqual({ name, summary: 'string' });
      const success = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith('2'),
      );
      expect({ name, success: success.length > 0 }).toEqual({ name, success: true });
      for (const [status, response] of success as [string, any][]) {
        if (status === '204') continue;
        expect({
          name,
          status,
          schema: Boolean(response.content?.['application/json']?.schema),
        }).toEqual({
          name,
          status,
          schema: true,
        });
      }
    }
  });

  it('describes every request body with a schema', () => {
    const withBodies = operations().filter(({ operation }) => operation.requestBody);
    expect(withBodies.map((entry) => entry.name).sort()).toEqual(
      [
        'POST /api/auth/login',
        'POST /api/me/phones',
        'PATCH /api/me/phones/{id}',
        'POST /api/admin/users',
        'PATCH /api/admin/users/{id}',
        'POST /api/admin/users/{id}/phones',
        'PATCH /api/admin/phones/{id}',
        'POST /api/simulator/calls/{sid}/keys',
      ].sort(),
    );
    for (const { operation } of withBodies) {
      const ref = operation.requestBody.content['application/json'].schema.$ref as string;
      const schema = document.components.schemas[ref.split('/').pop()!];
      expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
    }
  });
});
