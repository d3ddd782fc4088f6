import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { exceptUnder } from './except-under.js';

describe('exceptUnder', () => {
  const run = (path: string) => {
    const calls: string[] = [];
    const handler: RequestHandler = (_request, _response, next) => {
      calls.push('handler');
      next();
    };
    const next: NextFunction = () => calls.push('next');
    exceptUnder(['/api/voice/'], handler)({ path } as Request, {} as Response, next);
    return calls;
  };

  it('runs the handler elsewhere', () => {
    expect(run('/api/auth/login')).toEqual(['handler', 'next']);
  });

  it('skips it under the prefix, whatever the case', () => {
    expect(run('/api/voice/x/answer')).toEqual(['next']);
    expect(run('/API/Voice/x/answer')).toEqual(['next']);
  });
});
