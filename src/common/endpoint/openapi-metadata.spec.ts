import { buildDefinition } from './obp-endpoint.decorator';
import type { ObpEndpointOptions } from './endpoint-registry';
import { obpDocRules, openApiDescription } from './openapi-metadata';

const endpoint = (options: Partial<ObpEndpointOptions>) =>
  buildDefinition(
    {
      route: 'GET /banks/BANK_ID/things',
      implementedIn: 'v3.1.0',
      summary: 'Get Things',
      description: 'Get the things.',
      tags: ['Thing'],
      checks: [],
      success: { status: 200, example: {} },
      errors: ['UnknownError'],
      ...options,
    },
    'getThings',
  );

describe("obpDocRules (OBP's automatic resource-doc adjustments, [P §10.3])", () => {
  it('adds OBP-20001 and OBP-20006 when roles are declared, and says Authentication is Mandatory', () => {
    const rules = obpDocRules(endpoint({ roles: ['CanGetCustomer'], checks: ['bank'] }));
    expect(rules.errors).toEqual([
      'BankNotFound',
      'UnknownError',
      'UserNotLoggedIn',
      'UserHasMissingRoles',
    ]);
    expect(rules.description).toBe('Get the things.\n\nAuthentication is Mandatory');
  });

  it('removes OBP-20006 when no role is declared', () => {
    const rules = obpDocRules(
      endpoint({ checks: ['login'], errors: ['UserHasMissingRoles', 'UnknownError'] }),
    );
    expect(rules.errors).toEqual(['UserNotLoggedIn', 'UnknownError']);
    expect(rules.description).toBe('Get the things.\n\nAuthentication is Mandatory');
  });

  it('adds OBP-20001 when the description says Authentication is Mandatory, without repeating the line', () => {
    const rules = obpDocRules(
      endpoint({ description: 'Get them.\n\nAuthentication is Mandatory' }),
    );
    expect(rules.errors).toEqual(['UnknownError', 'UserNotLoggedIn']);
    expect(rules.description).toBe('Get them.\n\nAuthentication is Mandatory');
  });

  it('removes OBP-20001 when the description says Authentication is Optional and no role is declared', () => {
    const rules = obpDocRules(
      endpoint({ description: 'Get them. Authentication is Optional.', checks: ['login'] }),
    );
    expect(rules.errors).toEqual(['UnknownError']);
    expect(rules.description).toBe('Get them. Authentication is Optional.');
  });

  it('keeps OBP-20001 for an Optional description when roles are declared', () => {
    const rules = obpDocRules(
      endpoint({
        description: 'Authentication is Optional',
        roles: ['CanGetAnyUser'],
        checks: ['login', 'role'],
      }),
    );
    expect(rules.errors).toEqual(['UserNotLoggedIn', 'UserHasMissingRoles', 'UnknownError']);
  });

  it('says Authentication is Optional when nothing requires a login', () => {
    expect(obpDocRules(endpoint({})).description).toBe(
      'Get the things.\n\nAuthentication is Optional',
    );
  });
});

describe('openApiDescription', () => {
  it('names the roles, the implementing version and the alias prefixes', () => {
    const def = endpoint({
      implementedIn: 'v2.0.0',
      servedUntil: 'v3.1.0',
      roles: ['CanGetCustomer', 'CanGetAnyUser'],
      checks: ['login', 'role'],
    });
    expect(openApiDescription(def)).toBe(
      'Get the things.\n\nAuthentication is Mandatory\n\n' +
        '**Required roles** (any of): `CanGetCustomer` (at BANK_ID), `CanGetAnyUser` (system)\n\n' +
        'Implemented in OBPv2.0.0 by `getThings`.\n\n' +
        'Documented at `/obp/v3.1.0/banks/BANK_ID/things`; the same endpoint is also served under ' +
        '`/obp/v2.0.0`, `/obp/v2.1.0`, `/obp/v2.2.0`, `/obp/v3.0.0`.',
    );
  });
});
