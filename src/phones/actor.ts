import type { Request } from 'express';
import type { Actor } from './phone-actions.service.js';

/** The signed-in user behind a request, as the audit trail and enrollment need them. */
export function actorOf(request: Request): Actor {
  return { id: request.user!.id, ip: request.ip, binding: request.session.binding! };
}
