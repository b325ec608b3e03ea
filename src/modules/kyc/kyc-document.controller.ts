import { Body, Controller, Param } from '@nestjs/common';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { Actor, type AuditActor } from '../audit/audit-actor';
import {
  KycDocumentJSON,
  KycDocumentsJSON,
  PostKycDocumentJSON,
  kycDocumentExamples,
} from './dto/kyc-document.dto';
import { KycDocumentService } from './kyc-document.service';
import { KYC_WRITE_NOTES, kycIdNotes } from './kyc-write';

@Controller()
export class KycDocumentController {
  constructor(private readonly documents: KycDocumentService) {}

  @ObpEndpoint({
    route: 'PUT /banks/BANK_ID/customers/CUSTOMER_ID/kyc_documents/KYC_DOCUMENT_ID',
    implementedIn: 'v2.0.0',
    summary: 'Add KYC Document',
    description:
      'Add a KYC document for the customer specified by CUSTOMER_ID. KYC Documents contain the document type ' +
      '(e.g. passport), place of issue, expiry etc. `expiry_date` is not compared with `issue_date`.\n\n' +
      `${kycIdNotes('KYC_DOCUMENT_ID')}\n\n${KYC_WRITE_NOTES}`,
    tags: ['KYC', 'Customer'],
    roles: ['CanAddKycDocument'],
    checks: ['login', 'role', 'bank', 'customer', 'body'],
    body: { type: PostKycDocumentJSON, example: kycDocumentExamples.post },
    success: { status: 201, type: KycDocumentJSON, example: kycDocumentExamples.document },
    errors: ['InvalidJsonFormat', 'KycIdUsedByAnotherCustomer', 'UnknownError'],
  })
  addKycDocument(
    @Actor() actor: AuditActor,
    @Param('BANK_ID') bankId: string,
    @Param('CUSTOMER_ID') customerId: string,
    @Param('KYC_DOCUMENT_ID') documentId: string,
    @Body() body: PostKycDocumentJSON,
  ): Promise<KycDocumentJSON> {
    return this.documents.put(actor, bankId, customerId, documentId, body);
  }

  @ObpEndpoint({
    route: 'GET /customers/CUSTOMER_ID/kyc_documents',
    implementedIn: 'v2.0.0',
    summary: 'Get Customer KYC Documents',
    description:
      'Get KYC (know your customer) documents for the Customer specified by CUSTOMER_ID, at every bank.\n\n' +
      "Authentication is required (OBP's text says optional; its code, which we follow, requires it and the role). " +
      'Order: most recently created or updated first, then by id. A customer with none gets `{"documents":[]}`. ' +
      'Requires the system role CanGetAnyKycDocuments; CUSTOMER_ID is checked after the role.',
    tags: ['KYC', 'Customer'],
    roles: ['CanGetAnyKycDocuments'],
    checks: ['login', 'role', 'customer'],
    paged: true,
    access: { entityType: 'kyc_documents' },
    success: {
      status: 200,
      type: KycDocumentsJSON,
      example: { documents: [kycDocumentExamples.document] },
    },
    errors: ['UnknownError'],
  })
  getKycDocuments(
    @Param('CUSTOMER_ID') customerId: string,
    @Paged() paging: Paging,
  ): Promise<KycDocumentsJSON> {
    return this.documents.list(customerId, paging);
  }
}
