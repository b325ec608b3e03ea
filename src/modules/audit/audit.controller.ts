import { Controller, Param, Query } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import type { ObpEndpointOptions } from '../../common/endpoint/endpoint-registry';
import { AuditService } from './audit.service';
import { AuditEventsJson, auditEventExamples } from './dto/audit-event.dto';
import { OBP_PAGING_DOC, OBP_PAGING_QUERY } from './obp-paging';

const DESCRIPTION =
  'The audit trail: who (user_id, through consumer_id) did or saw what, when, newest first. Every change to ' +
  'customers, addresses, tax residences, KYC checks, documents, media and their content, KYC statuses, meetings, ' +
  'user-customer links, entitlements and users is one event (`create`, `update` or `delete`), written in the ' +
  "change's own transaction: a refused or rolled-back change has none. Every answered read of a customer's " +
  'personal data (the customer, addresses, tax residences, the KYC lists, media content) is one `read` event per ' +
  'request (for a list, entity_id is the customer id); refused reads have none.\n\n' +
  '`changed_fields` names the fields a change set (wire names; a create lists every field of its body, a KYC PUT ' +
  'that replaces a row the fields whose value differs, a delete none). An event never holds a value. Events ' +
  'cannot be changed or deleted: no endpoint does, and the database refuses UPDATE, DELETE and TRUNCATE on the table.\n\n' +
  'Filters (exact match, combined with AND): `entity_type`, `entity_id`, `customer_id`, `user_id`, `action`. ' +
  OBP_PAGING_DOC +
  '\n\n`user_id` and `consumer_id` are null for an anonymous call (POST /users); `bank_id` is "" for a ' +
  'system-wide change (a user, a system entitlement). `occurred_at` is UTC with milliseconds. Reads are written ' +
  'in batches a fraction of a second after they are answered.';

const common = {
  implementedIn: 'KYCv1.0.0',
  tags: ['Audit', 'KYC', 'Customer'],
  query: [
    { name: 'entity_type', description: 'customer, address, kyc_document, kyc_statuses, …' },
    { name: 'entity_id', description: 'The OBP id of the resource (a customer id for a list).' },
    { name: 'customer_id', description: 'Events about this customer.' },
    { name: 'user_id', description: 'Events of this user.' },
    { name: 'action', description: 'create, update, delete or read.' },
    ...OBP_PAGING_QUERY,
  ],
  success: { status: 200, type: AuditEventsJson, example: auditEventExamples.list },
  errors: [
    'FilterSortDirectionError',
    'FilterDateFormatError',
    'FilterLimitError',
    'FilterOffersetError',
    'UnknownError',
  ],
} satisfies Partial<ObpEndpointOptions>;

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ObpEndpoint({
    route: 'GET /audit-events',
    summary: 'Get Audit Events',
    description: `${DESCRIPTION}\n\nEvery event, at every bank and system-wide. Requires the system role CanGetAuditEvents; bank staff use GET /banks/BANK_ID/audit-events.`,
    roles: ['CanGetAuditEvents'],
    checks: ['login', 'role'],
    ...common,
  })
  getAuditEvents(@Query() query: Record<string, unknown>): Promise<AuditEventsJson> {
    return this.audit.list(query, undefined);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/audit-events',
    summary: 'Get Audit Events at a Bank',
    description: `${DESCRIPTION}\n\nThe events of BANK_ID only (its customers and their KYC data, its meetings, entitlements at it). Requires CanGetAuditEventsAtOneBank at BANK_ID, or the system role CanGetAuditEvents.`,
    roles: ['CanGetAuditEventsAtOneBank', 'CanGetAuditEvents'],
    checks: ['login', 'bank', 'role'],
    ...common,
  })
  getAuditEventsAtOneBank(
    @Param('BANK_ID') bankId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AuditEventsJson> {
    return this.audit.list(query, bankId);
  }
}
