import type { KycEventType } from '../event/event-types';
import type { AuditActor } from './audit-actor';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'read'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a change is made to (`entity_type` of a change event); the OBP id of each is `entity_id`. */
export const AUDIT_ENTITY_TYPES = [
  'customer',
  'address',
  'tax_residence',
  'kyc_check',
  'kyc_document',
  'kyc_media',
  'kyc_media_content',
  /** entity_id is the customer id: a status has no id of its own in OBP */
  'kyc_status',
  'meeting',
  'user_customer_link',
  'entitlement',
  'user',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/**
 * What a read of a customer's personal data is of (`entity_type` of a `read` event). One event per
 * answered request; for a list, entity_id is the customer's id, not one event per row.
 */
export const ACCESS_ENTITY_TYPES = [
  'customer',
  'addresses',
  'tax_residences',
  'kyc_checks',
  'kyc_documents',
  'kyc_medias',
  'kyc_statuses',
  'kyc_media_content',
] as const;
export type AccessEntityType = (typeof ACCESS_ENTITY_TYPES)[number];

/**
 * One change for the audit trail and, when `event` is given, for the outbox (issue #15). Field
 * names only: the audit row never holds a value; the outbox row holds the resource's OBP JSON.
 */
export interface AuditChange {
  action: Exclude<AuditAction, 'read'>;
  entityType: AuditEntityType;
  entityId: string;
  /** '' for a system-wide change (a user, a system entitlement). */
  bankId: string;
  customerId: string | null;
  /** Wire names: a create lists every field of the body, an update those whose value changed. */
  changedFields: readonly string[];
  event?: { type: KycEventType; data: unknown };
}

/** The SQL pieces of a write whose audit row (and outbox row) are inserted by the same statement. */
export interface AuditedWriteParts {
  /** CTEs before the write, e.g. `old AS (SELECT …)`: they see the table as it was before it. */
  before?: string[];
  /** The data-modifying statement, with RETURNING; its rows are `s`. */
  write: string;
  /** The number of parameters `write` uses: the actor's three come next ($n+1 … $n+3). */
  writeParams: number;
  /** SQL over `s` (and what `from` joins) for each column. */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  bankId: string;
  customerId: string;
  changedFields: string;
  event?: { type: KycEventType; data: string };
  /** `s` by default; e.g. `s LEFT JOIN old ON true`. */
  from?: string;
  /** What the statement answers, over `s`. */
  returning: string;
}

/** SQL text literal of a constant (types and names of our own, never a request value). */
export const sqlText = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** SQL text[] literal of constant names. */
export const sqlTextArray = (names: readonly string[]): string =>
  `ARRAY[${names.map(sqlText).join(', ')}]::text[]`;

const AUDIT_COLUMNS =
  'user_id, consumer_id, correlation_id, action, entity_type, entity_id, bank_id, customer_id, changed_fields';

/**
 * One statement: the write, its audit row and its outbox row, as data-modifying CTEs. Atomic (one
 * statement) and one round trip, so it fits a named prepared statement on a hot path; when the
 * write touches no row (an id of another customer), neither is written.
 */
export function auditedWriteSql(p: AuditedWriteParts): string {
  const actor = p.writeParams;
  const from = p.from ?? 's';
  const ctes = [
    ...(p.before ?? []),
    `s AS (${p.write})`,
    `a AS (INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT $${actor + 1}::uuid, $${actor + 2}::uuid,` +
      ` $${actor + 3}::text, ${p.action}, ${sqlText(p.entityType)}, ${p.entityId}, ${p.bankId},` +
      ` ${p.customerId}, ${p.changedFields} FROM ${from})`,
  ];
  if (p.event) {
    ctes.push(
      `e AS (INSERT INTO kyc_event (type, bank_id, customer_id, data) SELECT ${sqlText(p.event.type)},` +
        ` ${p.bankId}, ${p.customerId}, ${p.event.data} FROM ${from})`,
    );
  }
  return `WITH ${ctes.join(', ')} SELECT ${p.returning} FROM s`;
}

/** The parameters that follow a write's own in `auditedWriteSql`. */
export const actorParams = (actor: AuditActor): [string | null, string | null, string] => [
  actor.userId,
  actor.consumerId,
  actor.correlationId,
];
