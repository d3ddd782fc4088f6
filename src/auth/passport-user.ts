import type { User as CallgateUser } from '../users/entities/user.entity.js';

// What passport puts on `request.user` once both factors are done.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends CallgateUser {}
  }
}

export {};
