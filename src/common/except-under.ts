import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `handler` on every request except those under one of `prefixes` (compared
 * case-insensitively, as routing is). app.setup.ts keeps the voice webhooks, proved by
 * their Twilio signature, out of everything that serves browsers: headers, the same-origin
 * rule, sessions and passport.
 */
export function exceptUnder(prefixes: string[], handler: RequestHandler): RequestHandler {
  const lowered = prefixes.map((prefix) => prefix.toLowerCase());
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path.toLowerCase();
    if (lowered.some((prefix) => path.startsWith(prefix))) return next();
    return handler(request, response, next);
  };
}
