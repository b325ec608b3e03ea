import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { isStorableText, isUuid } from '../../common/wire/ids';
import { preparedStatement, runPrepared } from '../../database/prepared-statement';
import type { AuditActor } from './audit-actor';
import { type AuditChange, actorParams } from './audit-change';
import { AuditEventEntity } from './audit-event.entity';
import { type AuditEventsJson, toAuditEventJson } from './dto/audit-event.dto';
import { type ObpPaging, parseObpPaging, queryValue } from './obp-paging';

const AUDIT_VALUES =
  'INSERT INTO audit_event (user_id, consumer_id, correlation_id, action, entity_type, entity_id,' +
  ' bank_id, customer_id, changed_fields) VALUES ($1::uuid, $2::uuid, $3::text, $4::text, $5::text,' +
  ' $6::text, $7::text, $8::uuid, $9::text[])';

const RECORD = preparedStatement('audit_record', AUDIT_VALUES);
/** The audit row and the outbox row in one statement (one round trip inside the transaction). */
const RECORD_WITH_EVENT = preparedStatement(
  'audit_record_event',
  `WITH a AS (${AUDIT_VALUES}) INSERT INTO kyc_event (type, bank_id, customer_id, data)` +
    ' VALUES ($10::text, $7::text, $8::uuid, $11::jsonb)',
);

/** The filters of GET …/audit-events besides paging; `bankId` is the bank endpoint's scope. */
export interface AuditFilter extends Partial<Record<keyof AuditEventEntity, string>> {
  bankId?: string;
  entityType?: string;
  entityId?: string;
  customerId?: string;
  userId?: string;
  action?: string;
}

const FILTER_PARAMS = {
  entityType: 'entity_type',
  entityId: 'entity_id',
  customerId: 'customer_id',
  userId: 'user_id',
  action: 'action',
} as const;

/**
 * The audit trail's one write API for changes (issue #13) and its outbox rows (issue #15). Every
 * write service calls `recordChange` inside the transaction of its change (or, on a hot path, puts
 * the inserts in its own statement with `auditedWriteSql`), so a rolled-back change leaves neither.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
  ) {}

  /** `tx` must be the EntityManager of the change's transaction (`dataSource.transaction(tx => …)`). */
  async recordChange(tx: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    const values: unknown[] = [
      ...actorParams(actor),
      change.action,
      change.entityType,
      change.entityId,
      change.bankId,
      change.customerId,
      change.changedFields,
    ];
    if (change.event) {
      await runPrepared(tx, RECORD_WITH_EVENT, [
        ...values,
        change.event.type,
        JSON.stringify(change.event.data),
      ]);
    } else {
      await runPrepared(tx, RECORD, values);
    }
  }

  /** Newest first (occurred_at, then insertion order), filtered; nothing here changes an event. */
  async list(query: Record<string, unknown>, bankId: string | undefined): Promise<AuditEventsJson> {
    // OBP reads its paging parameters first (APIUtil.createQueriesByHttpParams)
    const paging = parseObpPaging(query);
    const filter: AuditFilter = { bankId };
    for (const [key, name] of Object.entries(FILTER_PARAMS) as [
      keyof typeof FILTER_PARAMS,
      string,
    ][]) {
      const value = queryValue(query, name);
      if (value !== undefined && value !== '') filter[key] = value;
    }
    const rows = await this.find(filter, paging);
    return { audit_events: rows.map(toAuditEventJson) };
  }

  private async find(filter: AuditFilter, paging: ObpPaging): Promise<AuditEventEntity[]> {
    // values no stored row can have (a customer_id that is no UUID, a NUL) match nothing
    const uuids = [filter.customerId, filter.userId].filter((v) => v !== undefined);
    const texts = [filter.bankId, filter.entityType, filter.entityId, filter.action];
    if (uuids.some((v) => !isUuid(v)) || texts.some((v) => v !== undefined && !isStorableText(v)))
      return [];
    const qb = this.events.createQueryBuilder('e');
    // the filter's keys are the entity's properties
    for (const [key, value] of Object.entries(filter) as [keyof AuditFilter, string | undefined][])
      if (value !== undefined) qb.andWhere(`e.${key} = :${key}`, { [key]: value });
    const where = (sql: string, params: Record<string, unknown>): void => {
      qb.andWhere(sql, params);
    };
    if (paging.fromDate) where('e.occurredAt >= :fromDate', { fromDate: paging.fromDate });
    // to_date is inclusive to its millisecond (occurred_at holds microseconds)
    if (paging.toDate)
      where('e.occurredAt < :toDate', { toDate: new Date(paging.toDate.getTime() + 1) });
    return qb
      .orderBy('e.occurredAt', paging.sortDirection)
      .addOrderBy('e.seq', paging.sortDirection)
      .limit(paging.limit)
      .offset(paging.offset)
      .getMany();
  }
}
