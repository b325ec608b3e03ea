import { missingRolesSuffix } from './access-checks';

describe('missingRolesSuffix (OBP-20006 forms, [P §9.4])', () => {
  it('one bank role at BANK_ID', () => {
    expect(missingRolesSuffix(['CanCreateTaxResidence'], 'gh.29.uk')).toBe(
      'CanCreateTaxResidence at Bank(gh.29.uk)',
    );
  });

  it('one system role', () => {
    expect(missingRolesSuffix(['CanGetAnyKycDocuments'], undefined)).toBe('CanGetAnyKycDocuments');
  });

  it('any-of with a bank role', () => {
    expect(
      missingRolesSuffix(['CanCreateCustomer', 'CanCreateCustomerAtAnyBank'], 'gh.29.uk'),
    ).toBe('CanCreateCustomer or CanCreateCustomerAtAnyBank for BankId(gh.29.uk).');
  });

  it('any-of with a bank role, in the plain form (getEntitlementsByBankAndUser)', () => {
    expect(
      missingRolesSuffix(
        ['CanGetEntitlementsForAnyUserAtOneBank', 'CanGetEntitlementsForAnyUserAtAnyBank'],
        'gh.29.uk',
        'plain',
      ),
    ).toBe('CanGetEntitlementsForAnyUserAtOneBank or CanGetEntitlementsForAnyUserAtAnyBank');
  });

  it('any-of system roles', () => {
    expect(missingRolesSuffix(['CanGetAnyUser', 'CanCreateBank'], undefined)).toBe(
      'CanGetAnyUser or CanCreateBank',
    );
  });
});
