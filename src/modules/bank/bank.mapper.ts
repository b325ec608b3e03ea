import type { BankEntity } from './bank.entity';
import type { BankJSONV220, BankJson400, BankJsonV300 } from './dto/bank.dto';

export const toBankJsonV220 = (b: BankEntity): BankJSONV220 => ({
  id: b.id,
  full_name: b.fullName,
  short_name: b.shortName,
  logo_url: b.logoUrl,
  website_url: b.websiteUrl,
  swift_bic: b.swiftBic,
  national_identifier: b.nationalIdentifier,
  bank_routing: { scheme: b.bankRoutingScheme, address: b.bankRoutingAddress },
});

export const toBankJsonV300 = (b: BankEntity): BankJsonV300 => ({
  id: b.id,
  short_name: b.shortName,
  full_name: b.fullName,
  logo: b.logoUrl,
  website: b.websiteUrl,
  bank_routing: { scheme: b.bankRoutingScheme, address: b.bankRoutingAddress },
});

/** Routings: OBP (the id) and BIC (swift_bic), less the stored scheme, then the stored one ([P §4.2]). */
export const toBankJson400 = (b: BankEntity): BankJson400 => {
  const stored = { scheme: b.bankRoutingScheme, address: b.bankRoutingAddress };
  const routings = [
    { scheme: 'OBP', address: b.id },
    { scheme: 'BIC', address: b.swiftBic },
  ].filter((r) => r.scheme !== stored.scheme);
  routings.push(stored);
  return {
    id: b.id,
    short_name: b.shortName,
    full_name: b.fullName,
    logo: b.logoUrl,
    website: b.websiteUrl,
    bank_routings: routings.filter((r) => r.scheme !== '' && r.address !== ''),
    attributes: [],
  };
};
