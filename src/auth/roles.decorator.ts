import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/entities/user.entity.js';

export const ROLES_KEY = 'callgate:roles';

/** The roles allowed through RolesGuard. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
