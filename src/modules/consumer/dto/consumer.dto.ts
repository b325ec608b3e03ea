import { IsBoolean, IsOptional } from 'class-validator';
import { ObpString } from '../../../common/wire/obp-string';

/** Body of POST /obp/v4.0.0/management/consumers. */
export class ConsumerPostJSON {
  @ObpString(255) app_name!: string;
  @ObpString(64) app_type!: string;
  @ObpString(2000) description!: string;
  @ObpString(100) developer_email!: string;
  @ObpString(2000) redirect_url!: string;
  @IsOptional() @IsBoolean() enabled?: boolean;
}

export class ConsumerJsonV400 {
  consumer_id!: string;
  key!: string;
  /** Shown once, at creation; only its hash is stored. */
  secret?: string;
  app_name!: string;
  app_type!: string;
  description!: string;
  developer_email!: string;
  redirect_url!: string;
  created_by_user_id!: string;
  enabled!: boolean;
  created!: string;
}

export class ConsumersJsonV400 {
  consumers!: ConsumerJsonV400[];
}

export const consumerExamples = {
  create: {
    app_name: 'Test',
    app_type: 'Web',
    description: 'Description',
    developer_email: 'some@email.com',
    redirect_url: 'http://localhost:8082',
    enabled: true,
  },
  consumer: {
    consumer_id: '8e716299-4668-4efd-976a-67f57a9984ec',
    key: 'zpa3ezvwmeid3dcqtyyqrlezmldxkdbdtu1qi3pc',
    secret: 'ap2m5aqtfdnq0xgehpqx3zmjawmxiwzjrj3fqyqs',
    app_name: 'Test',
    app_type: 'Web',
    description: 'Description',
    developer_email: 'some@email.com',
    redirect_url: 'http://localhost:8082',
    created_by_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    enabled: true,
    created: '2024-10-01T10:00:00Z',
  },
} satisfies { create: ConsumerPostJSON; consumer: ConsumerJsonV400 };
