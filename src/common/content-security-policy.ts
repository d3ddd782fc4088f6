import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[] | null>;

/**
 * The Content-Security-Policy every page gets: scripts, styles, fonts and connections
 * from our own origin only; no inline script, inline style, `style=` attribute or event
 * handler attribute; no plugins; not framed. The web client is built to pass it.
 */
export function strictDirectives(https: boolean): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    // Over plain http (development) it would send the page's own requests to https.
    upgradeInsecureRequests: https ? [] : null,
  };
}

/** Under this path Swagger UI is served: its page and its React widgets style inline. */
const DOCS_PATH = '/api/docs';

/**
 * Helmet's headers with the strict policy, except on the Swagger UI page, whose policy
 * only adds inline styles (its scripts are files of our own origin, like everyone's).
 */
export function securityHeaders(https: boolean): RequestHandler {
  const strict = strictDirectives(https);
  // For browsers too old for frame-ancestors: the same answer, never framed.
  const xFrameOptions = { action: 'deny' } as const;
  const everywhere = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: strict },
    xFrameOptions,
  });
  const docs = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...strict, styleSrc: ["'self'", "'unsafe-inline'"] },
    },
    xFrameOptions,
  });
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path.toLowerCase();
    const isDocs = path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
    (isDocs ? docs : everywhere)(request, response, next);
  };
}
