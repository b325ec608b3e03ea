/**
 * The glossary behind `GET /api/glossary` and the links of the resource docs' field lists
 * (`[BANK_ID](/glossary#Bank.bank_id)`, [P §10.3]). `terms` are the URL placeholders and JSON field
 * names that link to an item; a field with no item is listed without a link.
 */
export interface GlossaryTerm {
  title: string;
  markdown: string;
  terms: string[];
}

export const GLOSSARY: GlossaryTerm[] = [
  {
    title: 'Bank.bank_id',
    markdown:
      'An identifier that uniquely identifies the bank or financial institution on the OBP-API. It is typically a human (developer) friendly string for ease of identification. In sandbox mode it typically has the form: "financialinstitution.sequenceno.region.language". e.g. "bnpp-irb.01.it.it" however for production it could be the BIC of the institution.\n\nExample value: gh.29.uk',
    terms: ['BANK_ID', 'bank_id'],
  },
  {
    title: 'Customer.customer_id',
    markdown:
      'The identifier of a Customer on this API: a UUID, unique across all banks. A Customer is a legal entity (a person or a company) the bank has a relationship with; it is not a User (a login), but can be linked to one or more Users.\n\nExample value: 7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh',
    terms: ['CUSTOMER_ID', 'customer_id'],
  },
  {
    title: 'Customer.customer_number',
    markdown:
      'The number the bank gives a Customer (in its own systems). Unique at one bank: two customers of the same BANK_ID cannot share it.\n\nExample value: 5987953',
    terms: ['CUSTOMER_NUMBER', 'customer_number'],
  },
  {
    title: 'Customer.legal_name',
    markdown:
      "The legal name of the Customer: a person's full name or a company's registered name.\n\nExample value: Eveline Tripman",
    terms: ['legal_name'],
  },
  {
    title: 'Customer.kyc_status',
    markdown:
      'Whether the Customer has passed KYC (Know Your Customer) checks. The latest entry of the KYC Status timeline.\n\nExample value: true',
    terms: ['kyc_status'],
  },
  {
    title: 'User.user_id',
    markdown:
      'The identifier of a User (someone who logs in) on this API: a UUID. Users hold Entitlements (Roles) and may be linked to Customers.\n\nExample value: 9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    terms: ['USER_ID', 'user_id'],
  },
  {
    title: 'User.username',
    markdown:
      'The name a User logs in with (DirectLogin `username`). Unique per identity provider.\n\nExample value: felixsmith',
    terms: ['USERNAME', 'username'],
  },
  {
    title: 'User.email',
    markdown: 'The e-mail address of a User.\n\nExample value: felixsmith@example.com',
    terms: ['EMAIL', 'email'],
  },
  {
    title: 'Entitlement',
    markdown:
      'An Entitlement grants a Role to a User, either at one bank (`bank_id` set, for bank roles such as CanAddKycCheck) or system-wide (`bank_id` empty, for system roles such as CanGetAnyKycChecks). Endpoints list the Roles they require; holding any one of them is enough.\n\nExample value of entitlement_id: 6fb17583-1e49-4435-bb74-a14fe0996723',
    terms: ['ENTITLEMENT_ID', 'entitlement_id'],
  },
  {
    title: 'Role',
    markdown:
      'The name of a permission, such as CanCreateCustomer. `requires_bank_id` tells whether it is held at a bank (true) or system-wide (false). Request one with POST /entitlement-requests.',
    terms: ['role_name', 'role', 'requires_bank_id'],
  },
  {
    title: 'Entitlement Request',
    markdown: "A User's request for a Role, which an administrator may grant as an Entitlement.",
    terms: ['ENTITLEMENT_REQUEST_ID', 'entitlement_request_id'],
  },
  {
    title: 'Customer Address',
    markdown:
      'A postal address of a Customer (lines 1 to 3, city, county, state, postcode, country code), with tags such as "home" or "mailing" and a status.\n\nExample value of customer_address_id: 394e2b5e-3e12-4a23-9c6a-d3f7bc6a1c7e',
    terms: ['CUSTOMER_ADDRESS_ID', 'customer_address_id'],
  },
  {
    title: 'Tax Residence',
    markdown:
      'A country (domain) where a Customer is resident for tax purposes, with the tax number there.\n\nExample value of tax_residence_id: 3d5f1a6e-6f40-4f0c-8b3e-3c9f3b1d2a11',
    terms: ['TAX_RESIDENCE_ID', 'tax_residence_id', 'tax_number', 'domain'],
  },
  {
    title: 'Meeting',
    markdown:
      'Meta data about a video conference or call between the bank and a Customer (provider, purpose, keys, creator, invitees). The conference itself is run by an external service.\n\nExample value of meeting_id: 0d0c6a5e-8d6f-4a8a-9a0b-4c3b1c3b7c1e',
    terms: ['MEETING_ID', 'meeting_id'],
  },
  {
    title: 'KYC',
    markdown:
      'Know Your Customer: the checks a bank makes on the identity of its Customers. OBP records them as KYC Checks, KYC Documents, KYC Media and a KYC Status timeline per Customer.',
    terms: [],
  },
  {
    title: 'KYC Check',
    markdown:
      'A check on a Customer made by the KYC team: how it was done, by which staff member, the comments and whether the bank is satisfied. Created or replaced with PUT .../kyc_check/KYC_CHECK_ID.\n\nExample value of KYC_CHECK_ID: 9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    terms: [
      'KYC_CHECK_ID',
      'relates_to_kyc_check_id',
      'satisfied',
      'how',
      'staff_user_id',
      'staff_name',
    ],
  },
  {
    title: 'KYC Document',
    markdown:
      'A document that affirms the identity of a Customer (passport, driving licence, …): type, number, issue date and place, expiry date.\n\nExample value of KYC_DOCUMENT_ID: 8a9a7e4-6d02-40e3-a129-0b2bf89de9f0',
    terms: [
      'KYC_DOCUMENT_ID',
      'relates_to_kyc_document_id',
      'issue_date',
      'issue_place',
      'expiry_date',
    ],
  },
  {
    title: 'KYC Media',
    markdown:
      'A scan, picture or video that affirms the identity of a Customer, stored as a URL, possibly related to a KYC Document and a KYC Check.\n\nExample value of KYC_MEDIA_ID: 1a9a7e4-6d02-40e3-a129-0b2bf89de9b2',
    terms: ['KYC_MEDIA_ID', 'url'],
  },
  {
    title: 'KYC Status',
    markdown:
      "One entry of the timeline of a Customer's KYC status: whether the Customer was OK at a date.",
    terms: ['ok'],
  },
  {
    title: 'Direct Login',
    markdown:
      'Log in with `POST /my/logins/direct` and the header `DirectLogin: username=U, password=P, consumer_key=K`; the answer is `{"token": T}`. Send `DirectLogin: token=T` (or `Authorization: Bearer T`) on later calls.',
    terms: ['token'],
  },
  {
    title: 'Consumer Key',
    markdown: 'The key of a registered application (a Consumer). DirectLogin needs an enabled one.',
    terms: ['consumer_key', 'CONSUMER_ID', 'consumer_id'],
  },
  {
    title: 'API Version',
    markdown:
      'An OBP API version such as v3.1.0 (or OBPv3.1.0). A version prefix /obp/vX.Y.Z also serves every endpoint first implemented in an older version.',
    terms: ['API_VERSION'],
  },
  {
    title: 'Date',
    markdown:
      "Dates are written in UTC as yyyy-MM-dd'T'HH:mm:ss'Z', e.g. 2017-09-19T00:00:00Z, without milliseconds.",
    terms: ['date', 'when', 'date_of_birth', 'insert_date', 'last_ok_date'],
  },
];

const BY_TERM = new Map(
  GLOSSARY.flatMap((item) => item.terms.map((term) => [term, item.title] as const)),
);

/** The glossary title a placeholder or field name links to, if any. */
export const glossaryTitleFor = (term: string): string | undefined => BY_TERM.get(term);
