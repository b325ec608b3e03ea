export class HostedBy {
  organisation!: string;
  email!: string;
  phone!: string;
  organisation_website!: string;
}

export class HostedAt {
  organisation!: string;
  organisation_website!: string;
}

export class APIInfoJSON {
  version!: string;
  version_status!: string;
  git_commit!: string;
  connector!: string;
  hosted_by!: HostedBy;
}

export class APIInfoJson400 extends APIInfoJSON {
  hostname!: string;
  local_identity_provider!: string;
  hosted_at!: HostedAt;
  energy_source!: HostedAt;
  resource_docs_requires_role!: boolean;
}

const hostedBy = {
  organisation: 'TESOBE',
  email: 'contact@tesobe.com',
  phone: '+49 (0)30 8145 3994',
  organisation_website: 'https://www.tesobe.com',
};

export const rootExamples = {
  v310: {
    version: 'v3.1.0',
    version_status: 'STABLE',
    git_commit: '',
    connector: 'mapped',
    hosted_by: hostedBy,
  },
  v400: {
    version: 'v4.0.0',
    version_status: 'STABLE',
    git_commit: '',
    connector: 'mapped',
    hosted_by: hostedBy,
    hostname: 'http://127.0.0.1:8080',
    local_identity_provider: 'http://127.0.0.1:8080',
    hosted_at: { organisation: 'TESOBE', organisation_website: 'https://www.tesobe.com' },
    energy_source: { organisation: 'TESOBE', organisation_website: 'https://www.tesobe.com' },
    resource_docs_requires_role: false,
  },
} satisfies { v310: APIInfoJSON; v400: APIInfoJson400 };
