import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  PostTaxResidenceJsonV310,
  TaxResidenceJsonV310,
  TaxResidenceV310,
  taxResidenceExamples,
} from './dto/tax-residence.dto';
import { TaxResidenceService } from './tax-residence.service';

@Controller()
export class TaxResidenceController {
  constructor(private readonly taxResidences: TaxResidenceService) {}

  @ObpEndpoint({
    route: 'POST /banks/BANK_ID/customers/CUSTOMER_ID/tax-residence',
    implementedIn: 'v3.1.0',
    summary: 'Create Tax Residence',
    description:
      'Create a Tax Residence for a Customer specified by CUSTOMER_ID.\n\n' +
      'The customer must belong to the bank specified by BANK_ID (OBP-30046 otherwise). ' +
      '`domain` and `tax_number` hold at most 20 characters each. ' +
      'The same (`domain`, `tax_number`) twice for one customer gives 400 OBP-50200, as OBP does.',
    tags: ['Customer', 'KYC'],
    roles: ['CanCreateTaxResidence'],
    checks: ['login', 'bank', 'role', 'body', 'customer'],
    body: { type: PostTaxResidenceJsonV310, example: taxResidenceExamples.post },
    success: { status: 201, type: TaxResidenceV310, example: taxResidenceExamples.created },
    errors: ['ConnectorEmptyResponse', 'UnknownError'],
  })
  createTaxResidence(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Body() body: PostTaxResidenceJsonV310,
  ): Promise<TaxResidenceV310> {
    return this.taxResidences.create(actor, bankId, customerId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID/customers/CUSTOMER_ID/tax-residences',
    implementedIn: 'v3.1.0',
    summary: 'Get Tax Residences of Customer',
    description:
      'Get the Tax Residences of the Customer specified by CUSTOMER_ID.\n\n' +
      'Oldest first. The role is the one OBP enforces (its own doc declares none). ' +
      'The customer must belong to the bank specified by BANK_ID (OBP-30046 otherwise).',
    tags: ['Customer', 'KYC'],
    roles: ['CanGetTaxResidence'],
    checks: ['login', 'bank', 'role', 'customer'],
    paged: true,
    access: { entityType: 'tax_residences' },
    success: { status: 200, type: TaxResidenceJsonV310, example: taxResidenceExamples.list },
    errors: ['UnknownError'],
  })
  getTaxResidence(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<TaxResidenceJsonV310> {
    return this.taxResidences.list(customerId, paging);
  }

  @ObpEndpoint({
    route: 'DELETE /banks/BANK_ID/customers/CUSTOMER_ID/tax_residencies/TAX_RESIDENCE_ID',
    implementedIn: 'v3.1.0',
    summary: 'Delete Tax Residence',
    description:
      'Delete a Tax Residence of the Customer specified by TAX_RESIDENCE_ID.\n\n' +
      'Answers 200 with the body `true`. The role is the one OBP enforces (its own doc declares none). ' +
      'Only a tax residence of the customer specified by CUSTOMER_ID, at the bank specified by BANK_ID, is deleted: ' +
      'any other TAX_RESIDENCE_ID, like an unknown one, gives 400 OBP-50200 <- OBP-30300.',
    tags: ['Customer', 'KYC'],
    roles: ['CanDeleteTaxResidence'],
    checks: ['login', 'bank', 'role', 'customer'],
    success: { status: 200, example: true },
    errors: ['ConnectorEmptyResponse', 'TaxResidenceNotFound', 'UnknownError'],
  })
  // OBP answers a bare JSON `true`; Nest would send a non-object as text/html.
  deleteTaxResidence(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('TAX_RESIDENCE_ID') taxResidenceId: string,
  ): Promise<boolean> {
    return this.taxResidences.delete(actor, bankId, customerId, taxResidenceId);
  }
}
