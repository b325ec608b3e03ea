import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { parseObpDate } from '../../common/wire/obp-date';
import {
  type KycStatusJSON,
  type KycStatusesJSON,
  type PostKycStatusJSON,
  toKycStatusJSON,
} from './dto/kyc-status.dto';
import { KycStatusEntity } from './kyc-status.entity';

@Injectable()
export class KycStatusService {
  constructor(
    @InjectRepository(KycStatusEntity) private readonly statuses: Repository<KycStatusEntity>,
  ) {}

  /** Appends to the customer's timeline: every PUT is a new row ([K §9] item 7; OBP overwrites). */
  async add(bankId: string, customerId: string, body: PostKycStatusJSON): Promise<KycStatusJSON> {
    const row = await this.statuses.save(
      this.statuses.create({
        bankId,
        customerId,
        customerNumber: body.customer_number,
        ok: body.ok,
        date: parseObpDate(body.date)!,
      }),
    );
    return toKycStatusJSON(row);
  }

  /** The whole timeline, at any bank; newest PUT first, ties in reverse insertion order. */
  async list(customerId: string): Promise<KycStatusesJSON> {
    const rows = await this.statuses.find({
      where: { customerId },
      order: { createdAt: 'DESC', seq: 'DESC' },
    });
    return { statuses: rows.map(toKycStatusJSON) };
  }
}
