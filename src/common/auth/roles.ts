/**
 * The OBP roles this server knows ([P §8], requiresBankId from OBP's ApiRole.scala). GET /roles lists
 * exactly these; `@ObpEndpoint({ roles })` only accepts these names, so a misspelt role does not compile.
 */
export const ROLES = {
  CanAddKycCheck: { requiresBankId: true },
  CanAddKycDocument: { requiresBankId: true },
  CanAddKycMedia: { requiresBankId: true },
  CanAddKycStatus: { requiresBankId: true },
  CanCreateBank: { requiresBankId: false },
  CanCreateConsumer: { requiresBankId: false },
  CanCreateCustomer: { requiresBankId: true },
  CanCreateCustomerAddress: { requiresBankId: true },
  CanCreateCustomerAtAnyBank: { requiresBankId: false },
  CanCreateEntitlementAtAnyBank: { requiresBankId: false },
  CanCreateEntitlementAtOneBank: { requiresBankId: true },
  CanCreateTaxResidence: { requiresBankId: true },
  CanCreateUserCustomerLink: { requiresBankId: true },
  CanCreateUserCustomerLinkAtAnyBank: { requiresBankId: false },
  CanDeleteCustomerAddress: { requiresBankId: true },
  CanDeleteEntitlementAtAnyBank: { requiresBankId: false },
  CanDeleteEntitlementAtOneBank: { requiresBankId: true },
  CanDeleteEntitlementRequestsAtAnyBank: { requiresBankId: false },
  CanDeleteTaxResidence: { requiresBankId: true },
  CanGetAnyKycChecks: { requiresBankId: false },
  CanGetAnyKycDocuments: { requiresBankId: false },
  CanGetAnyKycMedia: { requiresBankId: false },
  CanGetAnyKycStatuses: { requiresBankId: false },
  CanGetAnyUser: { requiresBankId: false },
  CanGetConsumers: { requiresBankId: false },
  CanGetCustomer: { requiresBankId: true },
  CanGetCustomerAddress: { requiresBankId: true },
  CanGetEntitlementRequestsAtAnyBank: { requiresBankId: false },
  CanGetEntitlementsForAnyUserAtAnyBank: { requiresBankId: false },
  CanGetEntitlementsForAnyUserAtOneBank: { requiresBankId: true },
  /** Our extension ([K §9] item 9): bank staff see every meeting at the bank. */
  CanGetMeetingsAtOneBank: { requiresBankId: true },
  CanGetTaxResidence: { requiresBankId: true },
  CanLockUser: { requiresBankId: false },
  CanReadDynamicResourceDocsAtOneBank: { requiresBankId: true },
  CanReadResourceDoc: { requiresBankId: false },
  CanReadUserLockedStatus: { requiresBankId: false },
  CanUnlockUser: { requiresBankId: false },
  CanUpdateCustomerNumber: { requiresBankId: true },
  // Roles of the KYC extension standard (KYCv1.0.0): ours, not OBP's
  CanDeleteKycMediaContent: { requiresBankId: true, extension: true },
  CanGetAuditEvents: { requiresBankId: false, extension: true },
  CanGetAuditEventsAtOneBank: { requiresBankId: true, extension: true },
  CanCreateWebhookAtOneBank: { requiresBankId: true, extension: true },
  CanGetWebhooksAtOneBank: { requiresBankId: true, extension: true },
  CanDeleteWebhookAtOneBank: { requiresBankId: true, extension: true },
} as const satisfies Record<string, { requiresBankId: boolean; extension?: true }>;

export type Role = keyof typeof ROLES;

export const ROLE_NAMES = (Object.keys(ROLES) as Role[]).sort();

export const isRole = (name: string): name is Role =>
  Object.prototype.hasOwnProperty.call(ROLES, name);

export const requiresBankId = (role: Role): boolean => ROLES[role].requiresBankId;

/** A role of our KYC extension standard (KYCv1.0.0), not one of OBP's ApiRole.scala. */
export const isExtensionRole = (role: Role): boolean => 'extension' in ROLES[role];

/**
 * Any-of roles as OBP counts them: a system role only system-wide (bank_id ''), a bank role only at
 * `bankId` (none without one). The entitlement look-ups of the guard and of the services share it.
 */
export function rolesByScope(
  roles: readonly Role[],
  bankId: string | undefined,
): { systemRoles: Role[]; bankRoles: Role[] } {
  return {
    systemRoles: roles.filter((r) => !requiresBankId(r)),
    bankRoles: bankId ? roles.filter(requiresBankId) : [],
  };
}
