/**
 * Every OBP error we send: OBP's name, its usual HTTP status and its exact text (copied from OBP-API's
 * ErrorMessages; see shared/reference/obp-platform-endpoints.md §9 and obp-kyc-endpoints.md §1).
 * Codes in the OBP-3x9xx range marked "ours" are this server's extensions, not OBP's.
 */
export const ObpError = {
  // General
  InvalidJsonFormat: { status: 400, message: 'OBP-10001: Incorrect json format.' },
  InvalidJsonBody: {
    status: 400,
    message: 'OBP-10001: Incorrect json format. The Json body should be the ',
  },
  InvalidNumber: {
    status: 400,
    message: 'OBP-10005: Invalid Number. Could not convert value to a number.',
  },
  IncorrectRoleName: { status: 400, message: 'OBP-10007: Incorrect Role name:' },
  InvalidJsonValue: { status: 400, message: 'OBP-10020: Incorrect json.' },
  InvalidLocale: {
    status: 400,
    message:
      'OBP-10041: This locale is not supported. Only the following can be used: en_GB , es_ES. Current Locale is ',
  },
  InvalidUri: {
    status: 404,
    message:
      'OBP-10404: 404 Not Found. The server could not find the requested URI. Please double check your URL, headers and body. Note: When you are making a POST or PUT request, the Content-Type header MUST be `application/json`. Note: OBP only supports JSON formatted bodies.',
  },
  InvalidApiVersionString: {
    status: 400,
    message: 'OBP-00027: Invalid API Version string. We could not find the version specified. ',
  },
  RequestEntityTooLarge: {
    status: 413,
    message: 'OBP-10050: Request Entity Too Large. The request body exceeds the limit of ',
  },
  UnsupportedMediaType: {
    status: 415,
    message: 'OBP-10051: Unsupported Media Type. Only application/json bodies are accepted. ',
  },
  TooManyRequests: { status: 429, message: 'OBP-10018: Too Many Requests.' },
  InvalidUrl: { status: 400, message: 'OBP-10017: Incorrect URL Format. ' },
  // ours: what Node's HTTP parser refuses before a route is known (OBP's container answers these)
  RequestHeaderFieldsTooLarge: {
    status: 431,
    message: 'OBP-10052: Request Header Fields Too Large. The request line and headers exceed ',
  },
  RequestTimeout: {
    status: 408,
    message: 'OBP-10053: Request Timeout. The request was not received in time.',
  },
  MalformedRequest: {
    status: 400,
    message: 'OBP-10054: Bad Request. The HTTP request could not be parsed.',
  },

  // Paging of lists (OBP's query parameters, APIUtil.createQueriesByHttpParams): OBP answers the
  // outer OBP-10016 with the failing parameter's message chained after ` <- ` ([P §9.2])
  InvalidFilterParameterFormat: {
    status: 400,
    message: 'OBP-10016: Incorrect filter Parameters in URL. ',
  },
  FilterSortDirectionError: {
    status: 400,
    message: 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!',
  },
  FilterOffersetError: {
    status: 400,
    message:
      'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!',
  },
  FilterLimitError: {
    status: 400,
    message:
      'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!',
  },
  FilterDateFormatError: {
    status: 400,
    message:
      "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!",
  },
  // OBP's text with its maximum (10000) replaced by our list cap (MAX_PAGE_SIZE), as OBP's own
  // endpoints with another maximum do
  MaximumLimitExceeded: {
    status: 400,
    message: 'OBP-10012: Invalid value. Maximum number is 1000.',
  },

  // ours: the Idempotency-Key header (issue 15); OBP has no such header, these codes are free in OBP
  InvalidIdempotencyKey: {
    status: 400,
    message: 'OBP-10060: Invalid Idempotency-Key header. It must be 1 to 255 printable characters.',
  },
  IdempotencyKeyReused: {
    status: 422,
    message:
      'OBP-10061: This Idempotency-Key was already used for a different request. Send a new key for a new request, or repeat the first request exactly (same method, path and body).',
  },
  IdempotencyKeyInProgress: {
    status: 409,
    message:
      'OBP-10062: A request with this Idempotency-Key is still being processed. Retry it later.',
  },

  // Authentication and users
  UserNotLoggedIn: {
    status: 401,
    message: 'OBP-20001: User not logged in. Authentication is required!',
  },
  DirectLoginMissingParameters: {
    status: 400,
    message: 'OBP-20002: These DirectLogin parameters are missing:',
  },
  DirectLoginInvalidToken: {
    status: 401,
    message: 'OBP-20003: This DirectLogin token is invalid or expired:',
  },
  InvalidLoginCredentials: {
    status: 401,
    message: 'OBP-20004: Invalid login credentials. Check username/password.',
  },
  UserNotFoundById: {
    status: 404,
    message: 'OBP-20005: User not found. Please specify a valid value for USER_ID.',
  },
  UserHasMissingRoles: { status: 403, message: 'OBP-20006: User is missing one or more roles: ' },
  InvalidConsumerKey: { status: 401, message: 'OBP-20008: Invalid Consumer Key.' },
  InvalidConsumerCredentials: { status: 400, message: 'OBP-20009: Invalid consumer credentials' },
  InvalidValueLength: { status: 400, message: 'OBP-20010: Value too long' },
  InvalidValueCharacters: { status: 400, message: 'OBP-20011: Value contains invalid characters' },
  UsernameHasBeenLocked: {
    status: 401,
    message: 'OBP-20013: The account has been locked, please contact an administrator!',
  },
  UserNotFoundByProviderAndUsername: {
    status: 404,
    message: 'OBP-20027: User not found by provider and username.',
  },
  UserNotSuperAdmin: { status: 403, message: 'OBP-20050: Current User is not a Super Admin!' },
  UserNotFoundByUserId: { status: 404, message: 'OBP-20057: User not found by userId.' },
  UserIsDeleted: { status: 401, message: 'OBP-20064: The user is deleted!' },
  AuthorizationHeaderAmbiguity: {
    status: 401,
    message: 'OBP-20080: Authorization Header format is not supported at this instance.',
  },
  MissingDirectLoginHeader: {
    status: 400,
    message: 'OBP-20082: Missing DirectLogin or Authorization header.',
  },
  InvalidDirectLoginHeader: {
    status: 400,
    message: 'OBP-20083: Missing DirectLogin word at the value of Authorization header.',
  },
  InvalidPasswordFormat: {
    status: 400,
    message:
      'OBP-30207: Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.',
  },
  // OBP masks these raw texts to OBP-50005 ([P §2.1]); we keep that prefix and add the reason
  UserAlreadyExists: {
    status: 409,
    message:
      'OBP-50005: An unspecified or internal error occurred. User with the same username already exists.',
  },
  InvalidUserField: {
    status: 400,
    message: 'OBP-50005: An unspecified or internal error occurred. ',
  },
  ConsumerKeyNotAlphanumeric: {
    status: 400,
    message: 'OBP-35030: The Consumer Key must be alphanumeric. (A-Z, a-z, 0-9)',
  },
  ConsumerKeyTooLong: { status: 400, message: 'OBP-35031: The Consumer Key max length <= 512' },

  // Banks
  BankNotFound: {
    status: 404,
    message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
  },
  InvalidBankIdFormat: {
    status: 400,
    message:
      "OBP-30111: Invalid Bank Id. The BANK_ID should only contain 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255.",
  },
  BankIdAlreadyExists: {
    status: 400,
    message: 'OBP-34000: Bank Id already exists. Please specify a different value.',
  },

  // Customers and links
  CustomerNumberNotFound: {
    status: 404,
    message: 'OBP-30002: Customer not found. Please specify a valid value for CUSTOMER_NUMBER.',
  },
  CustomerNumberAlreadyExists: {
    status: 400,
    message:
      'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.',
  },
  CustomerAlreadyExistsForUser: {
    status: 400,
    message: 'OBP-30007: The User is already linked to a Customer at the bank specified by BANK_ID',
  },
  CreateUserCustomerLinksError: {
    status: 400,
    message: 'OBP-30025: Could not create user_customer_links ',
  },
  CustomerNotFoundByCustomerId: {
    status: 404,
    message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.',
  },
  CreateCustomerError: { status: 400, message: 'OBP-30051: Cannot create Customer' },
  // ours: a user-customer link whose customer belongs to another bank (OBP masks its raw text)
  CustomerNotAtBank: {
    status: 400,
    message:
      'OBP-30252: The customer specified by CUSTOMER_ID does not belong to the bank specified by BANK_ID.',
  },

  // Meetings
  MeetingNotFound: { status: 400, message: 'OBP-30104: Meeting not found.' },
  CreateMeetingException: { status: 400, message: 'OBP-60011: Create Meeting Exception. ' },
  CreateMeetingInviteeException: {
    status: 400,
    message: 'OBP-60012: Create Meeting Invitee Exception. ',
  },

  // Entitlements
  EntitlementIsBankRole: {
    status: 400,
    message: 'OBP-30205: This entitlement is a Bank Role. Please set bank_id to a valid bank id.',
  },
  EntitlementIsSystemRole: {
    status: 400,
    message: 'OBP-30206: This entitlement is a System Role. Please set bank_id to empty string.',
  },
  EntitlementNotFound: { status: 404, message: 'OBP-30212: EntitlementId not found' },
  UserDoesNotHaveEntitlement: {
    status: 400,
    message: 'OBP-30213: USER_ID does not have the ENTITLEMENT_ID.',
  },
  EntitlementRequestAlreadyExists: {
    status: 400,
    message: 'OBP-30214: Entitlement Request already exists for the user.',
  },
  EntitlementRequestNotFound: { status: 404, message: 'OBP-30215: EntitlementRequestId not found' },
  EntitlementAlreadyExists: {
    status: 400,
    message: 'OBP-30216: Entitlement already exists for the user.',
  },
  EntitlementRequestCannotBeAdded: {
    status: 400,
    message: 'OBP-30217: Entitlement Request cannot be added.',
  },
  EntitlementCannotBeDeleted: {
    status: 404,
    message: 'OBP-30219: EntitlementId cannot be deleted.',
  },

  // KYC, tax residence, addresses
  TaxResidenceNotFound: {
    status: 400,
    message: 'OBP-30300: Tax Residence not found by TAX_RESIDENCE_ID. ',
  },
  CustomerAddressNotFound: {
    status: 400,
    message: "OBP-30310: Customer's Address not found by CUSTOMER_ADDRESS_ID. ",
  },
  // ours ([K §9] item 6): a KYC id that already belongs to another customer is not moved
  KycIdUsedByAnotherCustomer: {
    status: 409,
    message: 'OBP-30320: This KYC id already belongs to another customer. ',
  },

  // ours: webhooks of the KYC extension standard (KYCv1.0.0); free codes in OBP's ErrorMessages
  WebhookNotFound: {
    status: 404,
    message: 'OBP-30360: Webhook not found. Please specify a valid value for WEBHOOK_ID.',
  },
  WebhookDeliveryNotFound: {
    status: 404,
    message: 'OBP-30361: Webhook delivery not found. Please specify a valid value for DELIVERY_ID.',
  },
  InvalidWebhookUrl: { status: 400, message: 'OBP-30362: Invalid webhook url. ' },
  InvalidWebhookEventType: {
    status: 400,
    message: 'OBP-30363: Unknown webhook event type. ',
  },

  // Consumers
  ConsumerNotFound: {
    status: 404,
    message: 'OBP-30014: Consumer not found. Please specify a valid value for CONSUMER_ID.',
  },

  // Connector / storage
  ConnectorEmptyResponse: {
    status: 400,
    message: 'OBP-50200: Connector cannot return the data we requested.',
  },

  // Server
  UnknownError: { status: 400, message: 'OBP-50000: Unknown Error.' },
  InternalServerError: {
    status: 500,
    message: 'OBP-50005: An unspecified or internal error occurred.',
  },
  UnexpectedCondition: {
    status: 500,
    message:
      'OBP-50015: The server encountered an unexpected condition which prevented it from fulfilling the request.',
  },
  ServiceUnavailable: {
    status: 503,
    message: 'OBP-50016: The service is unavailable: the database cannot be reached.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ObpErrorName = keyof typeof ObpError;
export type ObpErrorDef = { status: number; message: string };

/** `OBP-20006` from `OBP-20006: User is missing …`. */
export const obpCode = (e: ObpErrorDef): string => e.message.slice(0, e.message.indexOf(':'));
