import { Body, Controller } from '@nestjs/common';
import { CurrentUser, type Principal } from '../../common/auth/principal';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { Paged, type Paging } from '../../common/wire/paging';
import { ConsumerService } from './consumer.service';
import {
  ConsumerJsonV400,
  ConsumerPostJSON,
  ConsumersJsonV400,
  consumerExamples,
} from './dto/consumer.dto';

@Controller()
export class ConsumerController {
  constructor(private readonly consumers: ConsumerService) {}

  @ObpEndpoint({
    route: 'POST /management/consumers',
    implementedIn: 'v4.0.0',
    summary: 'Create a Consumer',
    description:
      'Create a Consumer (an application) and get its key for DirectLogin. The secret is shown only in this response.',
    tags: ['Consumer'],
    roles: ['CanCreateConsumer'],
    checks: ['login', 'role', 'body'],
    body: { type: ConsumerPostJSON, example: consumerExamples.create },
    success: { status: 201, type: ConsumerJsonV400, example: consumerExamples.consumer },
    errors: ['UnknownError'],
  })
  createConsumer(
    @CurrentUser() me: Principal,
    @Body() body: ConsumerPostJSON,
  ): Promise<ConsumerJsonV400> {
    return this.consumers.create(me.userId, body);
  }

  @ObpEndpoint({
    route: 'GET /management/consumers',
    implementedIn: 'v4.0.0',
    summary: 'Get Consumers',
    description: 'Get all Consumers, oldest first (without secrets).',
    tags: ['Consumer'],
    roles: ['CanGetConsumers'],
    checks: ['login', 'role'],
    paged: true,
    success: {
      status: 200,
      type: ConsumersJsonV400,
      example: { consumers: [{ ...consumerExamples.consumer, secret: undefined }] },
    },
    errors: ['UnknownError'],
  })
  getConsumers(@Paged() paging: Paging): Promise<ConsumersJsonV400> {
    return this.consumers.list(paging);
  }
}
