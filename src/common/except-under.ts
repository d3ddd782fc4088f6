import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `handler` on every request except those under one of `prefixes` (compared
 * case-insensitively, as routing is). The voice webhooks use it to skip the session and
 * passport middleware: their proof is the Twilio signature and they never read a session,
 * yet each key press paid for a fresh, unsaved one (cookie parsing, a random id, hooks).
 */
export function exceptUnder(prefixes: string[], handler: RequestHandler): RequestHandler {
  const lowered = prefixes.map((prefix) => prefix.toLowerCase());
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path.toLowerCase();
    if (lowered.some((prefix) => path.startsWith(prefix))) return next();
    return handler(request, response, next);
  };
}
