import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * DESIGN §5's cross-site rule: a state-changing request must come from a page of our own
 * origin, as its `Origin` (or, where absent, `Referer`) shows. It applies to every path,
 * not just /api, because routing ignores case (`/API/…` reaches the same handlers). The
 * voice webhooks, which prove themselves by signature instead, are kept out of it with
 * `exceptUnder` (see app.setup.ts).
 */
export function sameOriginOnly(publicOrigin: string): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(request.method)) return next();
    if (originOf(request) === publicOrigin) return next();
    response.status(HttpStatus.FORBIDDEN).json({
      statusCode: HttpStatus.FORBIDDEN,
      message: 'Cross-site request refused',
      error: 'Forbidden',
    });
  };
}

function originOf(request: Request): string | undefined {
  const origin = request.header('origin');
  if (origin) return origin;
  const referer = request.header('referer');
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
