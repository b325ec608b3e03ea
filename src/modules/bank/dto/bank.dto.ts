import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { ObpError } from '../../../common/errors/obp-errors';
import { ObpException } from '../../../common/errors/obp.exception';
import { ObpString } from '../../../common/wire/obp-string';

export class BankRoutingJsonV121 {
  @ObpString(255) scheme!: string;
  @ObpString(255) address!: string;
}

/** Body and response of POST /banks (v2.2.0). */
export class BankJSONV220 {
  @ObpString() id!: string;
  @ObpString(255) full_name!: string;
  @ObpString(255) short_name!: string;
  @ObpString(2000) logo_url!: string;
  @ObpString(2000) website_url!: string;
  @ObpString(255) swift_bic!: string;
  @ObpString(255) national_identifier!: string;
  @IsObject() @ValidateNested() @Type(() => BankRoutingJsonV121) bank_routing!: BankRoutingJsonV121;
}

/** createBank's own BANK_ID rules, checked right after the body ([P §4.1] checks 2–4). */
export function assertNewBankId(body: BankJSONV220): void {
  const id = body.id;
  if (id.length <= 5) {
    throw new ObpException(
      ObpError.InvalidJsonFormat,
      ' Min length of BANK_ID should be 5 characters.',
    );
  }
  // OBP's checkShortString: the characters first, then the length; one message, with OBP's period
  if (!/^[A-Za-z0-9\-._]+$/.test(id)) throw new ObpException(ObpError.InvalidValueCharacters, '.');
  if (id.length > 16) throw new ObpException(ObpError.InvalidValueLength, '.');
  // OBP's fourth rule; the character rule above already refuses every `:`
  if (id.includes('::::')) {
    throw new ObpException(
      ObpError.InvalidJsonFormat,
      ' BANK_ID can not contain `::::` characters',
    );
  }
}

/** OBP v1.2.1's bank (getBanks, bankById under v1.2.1-v2.2.0): the fields v3.0.0 kept. */
export class BankJSON {
  id!: string;
  short_name!: string;
  full_name!: string;
  logo!: string;
  website!: string;
  bank_routing!: BankRoutingJsonV121;
}

export class BanksJSON {
  banks!: BankJSON[];
}

export class BankJsonV300 {
  id!: string;
  short_name!: string;
  full_name!: string;
  logo!: string;
  website!: string;
  bank_routing!: BankRoutingJsonV121;
}

export class BanksJsonV300 {
  banks!: BankJsonV300[];
}

export class BankAttributeJson {
  name!: string;
  value!: string;
}

export class BankJson400 {
  id!: string;
  short_name!: string;
  full_name!: string;
  logo!: string;
  website!: string;
  bank_routings!: BankRoutingJsonV121[];
  attributes!: BankAttributeJson[];
}

export const bankExamples = {
  create: {
    id: 'gh.29.uk.x',
    full_name: 'uk',
    short_name: 'uk',
    logo_url: 'https://static.openbankproject.com/images/sandbox/bank_x.png',
    website_url: 'https://www.example.com',
    swift_bic: 'IIIGGB22',
    national_identifier: 'UK97ZZZ1234567890',
    bank_routing: { scheme: 'BIC', address: 'OKOYFIHH' },
  },
  bankV300: {
    id: 'gh.29.uk.x',
    short_name: 'uk',
    full_name: 'uk',
    logo: 'https://static.openbankproject.com/images/sandbox/bank_x.png',
    website: 'https://www.example.com',
    bank_routing: { scheme: 'BIC', address: 'OKOYFIHH' },
  },
  bank400: {
    id: 'gh.29.uk.x',
    short_name: 'uk',
    full_name: 'uk',
    logo: 'https://static.openbankproject.com/images/sandbox/bank_x.png',
    website: 'https://www.example.com',
    bank_routings: [
      { scheme: 'OBP', address: 'gh.29.uk.x' },
      { scheme: 'BIC', address: 'OKOYFIHH' },
    ],
    attributes: [],
  },
} satisfies { create: BankJSONV220; bankV300: BankJsonV300; bank400: BankJson400 };
