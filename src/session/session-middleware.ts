import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session, { Store } from 'express-session';
import type { Configuration } from '../config/configuration.js';
import './session-data.js';
import { type SessionEndedEvent, SessionEvent } from './session-events.js';

/**
 * The one express-session instance: used by the HTTP app and by the socket.io handshake,
 * so both see the same session from the same cookie.
 */
@Injectable()
export class SessionMiddleware {
  readonly handler: RequestHandler;
  /**
   * Ends a session 12 hours after sign-in however active it is (ASVS 3.3.2), and closes
   * its sockets. Runs after `handler`, on HTTP requests and socket handshakes alike.
   */
  readonly absoluteTimeout: RequestHandler;

  constructor(store: Store, config: ConfigService<Configuration, true>, events: EventEmitter2) {
    const settings = config.get('session', { infer: true });
    this.handler = session({
      store,
      name: settings.cookieName,
      secret: settings.secret,
      resave: false,
      saveUninitialized: false,
      // Every response pushes expiry out by the idle timeout: 15 minutes of inactivity ends it.
      rolling: true,
      proxy: config.get('app', { infer: true }).trustProxy,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: settings.secureCookie,
        maxAge: settings.idleTimeoutMs,
        path: '/',
      },
    });
    this.absoluteTimeout = (request: Request, _response: Response, next: NextFunction) => {
      const signedInAt = request.session?.signedInAt;
      if (signedInAt && Date.now() - signedInAt > settings.absoluteTimeoutMs) {
        const binding = request.session.binding;
        request.session.regenerate(() => {
          if (binding) events.emit(SessionEvent.Ended, { binding } satisfies SessionEndedEvent);
          next();
        });
        return;
      }
      next();
    };
  }
}
