import { Init1795641933423 } from './migrations/1795641933423-Init';
import { KycEventOutbox1796175077666 } from './migrations/1796175077666-KycEventOutbox';
import { AddListIndexes1796175312752 } from './migrations/1796175312752-AddListIndexes';
import { AddIdempotencyKey1796175312753 } from './migrations/1796175312753-AddIdempotencyKey';
import { AuditEvent1796175642983 } from './migrations/1796175642983-AuditEvent';
import { Webhooks1796175843375 } from './migrations/1796175843375-Webhooks';

/** Every migration, oldest first (explicit, so ts-jest and the compiled app load the same list). */
export const MIGRATIONS = [
  Init1795641933423,
  KycEventOutbox1796175077666,
  AddListIndexes1796175312752,
  AddIdempotencyKey1796175312753,
  AuditEvent1796175642983,
  Webhooks1796175843375,
];
