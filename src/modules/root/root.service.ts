import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { type ApiVersion, isAtLeast } from '../../common/endpoint/api-versions';
import { APIInfoJSON, APIInfoJson400, rootExamples } from './dto/root.dto';

/** GET /root ([P §11]); OBP's defaults for hosted_by, this server's own hostname. */
@Injectable()
export class RootService {
  constructor(private readonly config: AppConfig) {}

  info(version: string): APIInfoJSON {
    return { ...rootExamples.v310, version };
  }

  info400(version: string): APIInfoJson400 {
    return {
      ...rootExamples.v400,
      version,
      hostname: this.config.hostname,
      local_identity_provider: this.config.hostname,
    };
  }

  /** v4.0.0 and later add the fields the API Explorer reads. */
  forVersion(version: ApiVersion): APIInfoJSON | APIInfoJson400 {
    return isAtLeast(version, 'v4.0.0') ? this.info400(version) : this.info(version);
  }
}
