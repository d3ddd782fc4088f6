import { ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import passport from 'passport';
import { securityHeaders } from './common/content-security-policy.js';
import { exceptUnder } from './common/except-under.js';
import { RetryAfterFilter } from './common/retry-after.filter.js';
import { sameOriginOnly } from './common/same-origin.middleware.js';
import type { Configuration } from './config/configuration.js';
import { SessionMiddleware } from './session/session-middleware.js';
import { VOICE_WEBHOOK_PREFIX } from './verification/webhook-urls.js';
import { CLIENT_DIST } from './web/client-files.js';

/** Body limits: sign-in and admin JSON is small; Twilio's form posts are a few hundred bytes. */
const JSON_LIMIT = '32kb';
const FORM_LIMIT = '16kb';

/**
 * JSON.parse keeps `"__proto__"` and `"constructor"` keys as own properties, which
 * class-transformer then drops silently, so the validation pipe never sees them to refuse
 * them. No body of ours has such keys: refuse them as malformed (400) before anything can
 * copy them onto an object (prototype pollution).
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`A "${key}" key is not allowed`);
  return value;
}

/**
 * Everything around the modules, in the order requests meet it. Shared by main.ts and
 * the end-to-end tests, so the tests run the very same stack.
 */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<ConfigService<Configuration, true>>(ConfigService);
  const { publicOrigin, trustProxy } = config.get('app', { infer: true });
  const session = app.get(SessionMiddleware);

  // Outlive a load balancer's idle timeout (AWS ALB: 60 s), so it never reuses a
  // connection we are closing: that race surfaces as sporadic 502s and resets.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  app.set('trust proxy', trustProxy ? 1 : false);
  app.disable('x-powered-by');
  // The voice webhooks are signed by the carrier and never sent by a browser: a page's
  // headers, the same-origin rule, a session and passport mean nothing to them, and on
  // every key press they cost an empty session and a kilobyte of headers.
  const forBrowsers = (handler: RequestHandler) =>
    exceptUnder([`/${VOICE_WEBHOOK_PREFIX}/`], handler);
  app.use(forBrowsers(securityHeaders(publicOrigin.startsWith('https:'))));
  app.use(forBrowsers(sameOriginOnly(publicOrigin)));
  app.useBodyParser('json', { limit: JSON_LIMIT, reviver: refusePrototypeKeys });
  app.useBodyParser('urlencoded', { limit: FORM_LIMIT, extended: false });
  app.use(forBrowsers(session.handler));
  app.use(forBrowsers(session.absoluteTimeout));
  app.use(forBrowsers(passport.initialize()));
  app.use(forBrowsers(passport.session()));
  app.useStaticAssets(CLIENT_DIST, { index: false, fallthrough: true });

  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.useGlobalFilters(new RetryAfterFilter(app.get(HttpAdapterHost).httpAdapter));
  setUpOpenApi(app, config.get('session', { infer: true }).cookieName);
}

function setUpOpenApi(app: NestExpressApplication, cookieName: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Callgate')
      .setDescription('Interactive phone-call two-factor authentication')
      .setVersion('0.1.0')
      .addCookieAuth(cookieName)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
