/**
 * The OBP error bodies most tests expect, written out literally (not taken from src/, so a change to
 * the catalog's text fails the tests instead of following it).
 */
export const NOT_LOGGED_IN = {
  code: 401,
  message: 'OBP-20001: User not logged in. Authentication is required!',
};

export const bankNotFound = (bankId: string) => ({
  code: 404,
  message: `OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is ${bankId}`,
});

export const customerNotFound = (customerId: string) => ({
  code: 404,
  message: `OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.. Current CustomerId(${customerId})`,
});

/** One missing role: a bank role at BANK_ID, or a system role when no bank is given. */
export const missingRole = (role: string, bankId?: string) => ({
  code: 403,
  message: `OBP-20006: User is missing one or more roles: ${role}${bankId === undefined ? '' : ` at Bank(${bankId})`}`,
});
