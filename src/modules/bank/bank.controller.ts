import { Body, Controller, Param } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Actor, type AuditActor } from '../audit/audit-actor';
import { BankService } from './bank.service';
import {
  BankJSON,
  BanksJSON,
  BankJSONV220,
  BankJson400,
  BanksJsonV300,
  assertNewBankId,
  bankExamples,
} from './dto/bank.dto';

@Controller()
export class BankController {
  constructor(private readonly banks: BankService) {}

  @ObpEndpoint({
    route: 'POST /banks',
    implementedIn: 'v2.2.0',
    // v4.0.0 and v5.0.0 have their own createBank with another body ([P §4.1])
    servedUntil: 'v3.1.0',
    summary: 'Create Bank',
    description:
      'Create a new bank (Authenticated access).\n\n' +
      'The user creating this will be automatically assigned the Role CanCreateEntitlementAtOneBank. Thus the User can manage the bank they create and assign Roles to other Users.\n\n' +
      'BANK_ID: 6 to 16 characters of A-Z, a-z, 0-9, `-`, `.` and `_`. An existing BANK_ID is updated.',
    tags: ['Bank'],
    roles: ['CanCreateBank'],
    checks: ['body', 'login', 'consumer', 'role'],
    oldStyle: true,
    body: { type: BankJSONV220, example: bankExamples.create, afterValidate: assertNewBankId },
    success: { status: 201, type: BankJSONV220, example: bankExamples.create },
    errors: ['InvalidJsonFormat', 'InvalidValueLength', 'InvalidValueCharacters', 'UnknownError'],
  })
  createBank(
    @Actor() actor: AuditActor,
    @CurrentUser() me: Principal,
    @Body() body: BankJSONV220,
  ): Promise<BankJSONV220> {
    return this.banks.createOrUpdate(actor, me.userId, body);
  }

  @ObpEndpoint({
    route: 'GET /banks',
    implementedIn: 'v1.2.1',
    functionName: 'getBanks',
    // OBPAPI3_0_0.scala serves Implementations3_0_0.getBanks instead
    servedUntil: 'v2.2.0',
    summary: 'Get Banks',
    description: 'Get banks on this API instance. Authentication is Optional.',
    tags: ['Bank'],
    checks: [],
    success: { status: 200, type: BanksJSON, example: { banks: [bankExamples.bankV300] } },
    errors: ['UnknownError'],
  })
  getBanksV121(): Promise<BanksJSON> {
    return this.banks.list();
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID',
    implementedIn: 'v1.2.1',
    functionName: 'bankById',
    // OBPAPI3_0_0.scala serves Implementations3_0_0.bankById instead
    servedUntil: 'v2.2.0',
    summary: 'Get Bank',
    description: 'Get the bank specified by BANK_ID. Authentication is Optional.',
    tags: ['Bank'],
    checks: ['bank'],
    success: { status: 200, type: BankJSON, example: bankExamples.bankV300 },
    errors: ['UnknownError'],
  })
  bankByIdV121(@Param('BANK_ID') bankId: string): Promise<BankJSON> {
    return this.banks.getJsonV121(bankId);
  }

  @ObpEndpoint({
    route: 'GET /banks',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Banks',
    description: 'Get banks on this API instance. Authentication is Optional.',
    tags: ['Bank'],
    checks: [],
    success: { status: 200, type: BanksJsonV300, example: { banks: [bankExamples.bankV300] } },
    errors: ['UnknownError'],
  })
  getBanks(): Promise<BanksJsonV300> {
    return this.banks.list();
  }

  @ObpEndpoint({
    route: 'GET /banks/BANK_ID',
    implementedIn: 'v3.0.0',
    servedUntil: 'v7.0.0',
    summary: 'Get Bank',
    description: 'Get the bank specified by BANK_ID. Authentication is Optional.',
    tags: ['Bank'],
    checks: ['bank'],
    success: { status: 200, type: BankJson400, example: bankExamples.bank400 },
    errors: ['UnknownError'],
  })
  bankById(@Param('BANK_ID') bankId: string): Promise<BankJson400> {
    return this.banks.getJson(bankId);
  }
}
