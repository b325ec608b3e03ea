import { ObpString } from '../../../common/wire/obp-string';
import type { TaxResidenceEntity } from '../tax-residence.entity';

/** Body of POST .../tax-residence; 20 is OBP's column width ([K §2]). */
export class PostTaxResidenceJsonV310 {
  @ObpString(20) domain!: string;
  @ObpString(20) tax_number!: string;
}

export class TaxResidenceV310 {
  domain!: string;
  tax_number!: string;
  tax_residence_id!: string;
}

/** The wrapper key is singular and holds a list ([K §2.2]). */
export class TaxResidenceJsonV310 {
  tax_residence!: TaxResidenceV310[];
}

export const toTaxResidenceV310 = (
  row: Pick<TaxResidenceEntity, 'id' | 'domain' | 'taxNumber'>,
): TaxResidenceV310 => ({
  domain: row.domain,
  tax_number: row.taxNumber,
  tax_residence_id: row.id,
});

const created = {
  domain: 'DE',
  tax_number: '12345678901',
  tax_residence_id: '902ba3bb-dedd-45e7-9319-2fd3f2cd98a1',
};

export const taxResidenceExamples = {
  post: { domain: 'DE', tax_number: '12345678901' },
  created,
  list: { tax_residence: [created] },
} satisfies {
  post: PostTaxResidenceJsonV310;
  created: TaxResidenceV310;
  list: TaxResidenceJsonV310;
};
