import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { SessionRecord } from '../session/session-record.entity.js';
import { PhoneNumber } from '../users/entities/phone-number.entity.js';
import { User } from '../users/entities/user.entity.js';
import { Challenge } from '../verification/entities/challenge.entity.js';

/** Every entity, listed once for the app's DataSource and the TypeORM CLI's alike. */
export const entities = [User, PhoneNumber, Challenge, AuditEvent, SessionRecord];
