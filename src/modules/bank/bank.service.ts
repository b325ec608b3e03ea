import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ObpError } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { isStorableText } from '../../common/wire/ids';
import type { AuditActor } from '../audit/audit-actor';
import { EntitlementService } from '../entitlement/entitlement.service';
import { BankEntity } from './bank.entity';
import { toBankJson400, toBankJsonV220, toBankJsonV300 } from './bank.mapper';
import type { BankJSONV220, BankJson400, BankJsonV300, BanksJsonV300 } from './dto/bank.dto';

@Injectable()
export class BankService {
  constructor(
    @InjectRepository(BankEntity) private readonly banks: Repository<BankEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(forwardRef(() => EntitlementService)) private readonly entitlements: EntitlementService,
  ) {}

  exists(bankId: string): Promise<boolean> {
    return isStorableText(bankId) ? this.banks.existsBy({ id: bankId }) : Promise.resolve(false);
  }

  async get(bankId: string): Promise<BankEntity> {
    const bank = isStorableText(bankId) ? await this.banks.findOneBy({ id: bankId }) : null;
    if (!bank) throw new ObpException(ObpError.BankNotFound, ` Current BankId is ${bankId}`);
    return bank;
  }

  /**
   * POST /banks (v2.2.0): an existing id is updated, not refused ([P §4.1]); the creator gets
   * CanCreateEntitlementAtOneBank and CanReadDynamicResourceDocsAtOneBank at the bank, atomically.
   */
  async createOrUpdate(
    actor: AuditActor,
    userId: string,
    body: BankJSONV220,
  ): Promise<BankJSONV220> {
    await this.dataSource.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(BankEntity)
        .values({
          id: body.id,
          shortName: body.short_name,
          fullName: body.full_name,
          logoUrl: body.logo_url,
          websiteUrl: body.website_url,
          swiftBic: body.swift_bic,
          nationalIdentifier: body.national_identifier,
          bankRoutingScheme: body.bank_routing.scheme,
          bankRoutingAddress: body.bank_routing.address,
        })
        .orUpdate(
          [
            'short_name',
            'full_name',
            'logo_url',
            'website_url',
            'swift_bic',
            'national_identifier',
            'bank_routing_scheme',
            'bank_routing_address',
          ],
          ['id'],
        )
        .execute();
      // the grants are entitlement changes: audited (issue #13) in this transaction
      await this.entitlements.ensure(actor, userId, 'CanCreateEntitlementAtOneBank', body.id, tx);
      await this.entitlements.ensure(
        actor,
        userId,
        'CanReadDynamicResourceDocsAtOneBank',
        body.id,
        tx,
      );
    });
    return toBankJsonV220(await this.get(body.id));
  }

  async list(): Promise<BanksJsonV300> {
    const banks = await this.banks.find({ order: { id: 'ASC' } });
    return { banks: banks.map(toBankJsonV300) };
  }

  /** OBP v1.2.1's BankJSON: the fields of BankJsonV300. */
  async getJsonV121(bankId: string): Promise<BankJsonV300> {
    return toBankJsonV300(await this.get(bankId));
  }

  async getJson(bankId: string): Promise<BankJson400> {
    return toBankJson400(await this.get(bankId));
  }
}
