import type { ObjectLiteral, Repository } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import type { AuditActor } from '../audit/audit-actor';
import {
  type AuditEntityType,
  actorParams,
  auditedWriteSql,
  sqlText,
  sqlTextArray,
} from '../audit/audit-change';
import type { KycEventType } from '../event/event-types';

/** OBP stores the client's KYC id in a 44-character column (`uuid_string.length`, [K §6.1]). */
export const KYC_ID_MAX_LENGTH = 44;

/** What the four KYC PUTs share, for their resource-doc descriptions ([K §6], [K §9]). */
export const KYC_WRITE_NOTES =
  '**Check order** (as OBP since 2019): login, role at BANK_ID, bank, customer, body. The role comes ' +
  'before the bank, so an unknown BANK_ID answers 403 to a caller without the role.\n\n' +
  '**Customer at the bank** (our rule): CUSTOMER_ID must belong to BANK_ID, else 404 ' +
  'OBP-30046. The stored and returned `bank_id` is BANK_ID.\n\n' +
  '**Body**: every field is required. Dates are strictly `yyyy-MM-ddTHH:mm:ssZ` in UTC: no milliseconds, ' +
  'no offset, no trailing text and no impossible dates such as `2017-02-30T00:00:00Z` (OBP would roll them ' +
  'over); booleans must be JSON booleans; a number sent for a string field is stored as its text; `null` ' +
  "is refused. Lengths are OBP's column widths; anything wrong answers 400 OBP-10001. `customer_number` is " +
  "stored and echoed as posted; it is not compared with the customer's number.";

/** The extra notes of the three PUTs with a client-chosen id. */
export const kycIdNotes = (idName: string): string =>
  `**${idName}** is chosen by the client: up to ${KYC_ID_MAX_LENGTH} characters, checked after the body ` +
  `(longer: 400 \`OBP-10001: Incorrect json format. ${idName} must be at most ${KYC_ID_MAX_LENGTH} characters.\`).\n\n` +
  `**Create or replace**: a PUT of a new ${idName} creates it; a PUT of a ${idName} the customer already has ` +
  'replaces every field (the creation time is kept, the update time moves). Both answer 201.\n\n' +
  `**Collision** (our rule): a ${idName} that already belongs to another customer is refused ` +
  `with 409 \`OBP-30320: This KYC id already belongs to another customer. Current ${idName}(<id>)\` and nothing changes; OBP would ` +
  'silently move the row to this customer. Concurrent PUTs of one id never create two rows.';

/** 400 OBP-10001 for a path id longer than OBP's column ([K §9] item 3; scenario KY-37). */
export function assertKycId(idName: string, id: string): void {
  if ([...id].length > KYC_ID_MAX_LENGTH) {
    throw new ObpException(
      ObpError.InvalidJsonFormat,
      ` ${idName} must be at most ${KYC_ID_MAX_LENGTH} characters.`,
    );
  }
}

/** A KYC row whose id the client chooses and which belongs to one customer. */
interface OwnedRow extends ObjectLiteral {
  id: string;
  customerId: string;
}

/** How a KYC PUT is audited (issue #13) and announced (issue #15). */
export interface KycAudit<T> {
  actor: AuditActor;
  entityType: AuditEntityType;
  eventType: KycEventType;
  /** The endpoint's answer for a stored row: the outbox row's `data`. */
  answer: (row: T) => unknown;
}

/** Columns that do not come from the body: not listed in `changed_fields`. */
const NOT_BODY = new Set(['id', 'bank_id', 'customer_id']);

/**
 * Inserts the row, or replaces the row with this id if it belongs to the same customer, in ONE
 * statement: the primary key makes concurrent PUTs of one id one row, and the `WHERE` of the
 * `DO UPDATE` refuses to move a row to another customer ([K §9] item 6). Returns the stored row, or
 * undefined when the id belongs to another customer. The creation time is kept on replace.
 *
 * The same statement writes the audit row (`create` or `update`; changed_fields: every body field
 * on create, those whose value differs from the previous row on replace) and the outbox row, and
 * neither when the id belongs to another customer. The body's column names are its wire names.
 * The previous row is read from the statement's snapshot: a concurrent replace of the same id can
 * make changed_fields name fields relative to an older version.
 */
export async function upsertForCustomer<T extends OwnedRow>(
  repo: Repository<T>,
  values: Partial<T> & OwnedRow,
  audit: KycAudit<T>,
): Promise<T | undefined> {
  const meta = repo.metadata;
  const q = (name: string): string => `"${name}"`;
  const table = q(meta.tableName);
  const columns = meta.columns.filter(
    (c) =>
      !c.isCreateDate &&
      !c.isUpdateDate &&
      Object.prototype.hasOwnProperty.call(values, c.propertyName),
  );
  const updated = meta.updateDateColumn?.databaseName;
  const sets = columns
    .filter((c) => !c.isPrimary)
    .map((c) => `${q(c.databaseName)} = EXCLUDED.${q(c.databaseName)}`)
    .concat(updated ? [`${q(updated)} = now()`] : []);
  const idParam = columns.findIndex((c) => c.isPrimary) + 1;
  const fields = columns.map((c) => c.databaseName).filter((name) => !NOT_BODY.has(name));
  const differing = fields.map(
    (f) => `CASE WHEN old.${q(f)} IS DISTINCT FROM s.${q(f)} THEN ${sqlText(f)} END`,
  );
  const sql = auditedWriteSql({
    before: [`old AS (SELECT * FROM ${table} WHERE "id" = $${idParam})`],
    write:
      `INSERT INTO ${table} (${columns.map((c) => q(c.databaseName)).join(', ')}) ` +
      `VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ` +
      `ON CONFLICT ("id") DO UPDATE SET ${sets.join(', ')} ` +
      `WHERE ${table}."customer_id" = EXCLUDED."customer_id" RETURNING *, (xmax = 0) AS inserted`,
    writeParams: columns.length,
    // xmax is 0 on a row version made by INSERT, set by ON CONFLICT's UPDATE
    action: "CASE WHEN s.inserted THEN 'create' ELSE 'update' END",
    entityType: audit.entityType,
    entityId: 's.id',
    bankId: 's.bank_id',
    customerId: 's.customer_id',
    changedFields:
      `CASE WHEN s.inserted OR old.id IS NULL THEN ${sqlTextArray(fields)} ` +
      `ELSE array_remove(ARRAY[${differing.join(', ')}]::text[], NULL) END`,
    event: { type: audit.eventType, data: `$${columns.length + 4}::jsonb` },
    from: 's LEFT JOIN old ON true',
    returning: 's.*',
  });
  const params = columns.map((c) => (values as Record<string, unknown>)[c.propertyName]);
  // every field of the answer is a value sent (no generated column is answered): known beforehand
  const answer = JSON.stringify(audit.answer(values as T));
  const rows = await repo.query<Record<string, unknown>[]>(sql, [
    ...params,
    ...actorParams(audit.actor),
    answer,
  ]);
  if (rows.length === 0) return undefined;
  const row = repo.create();
  for (const c of meta.columns)
    (row as Record<string, unknown>)[c.propertyName] = rows[0][c.databaseName];
  return row;
}
