import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/endpoint/public.decorator';
import { ObpError, type ObpErrorName, obpCode } from '../../common/errors/obp-errors';
import { ObpException } from '../../common/errors/obp.exception';
import { type FileSet, fileFor, sendFile } from './explorer-files';

export interface ErrorCatalogJson {
  errors: { name: string; code: string; status: number; message: string }[];
}

/** The catalog, for the explorer's "HTTP status and meaning" of each possible error. */
const errorCatalog: ErrorCatalogJson = {
  errors: (Object.keys(ObpError) as ObpErrorName[]).map((name) => ({
    name,
    code: obpCode(ObpError[name]),
    status: ObpError[name].status,
    message: ObpError[name].message,
  })),
};

/** Sends an allowed file, or the app's 404 OBP-10404 for anything else. */
function serve(set: FileSet, name: string, req: FastifyRequest, reply: FastifyReply): void {
  const path = fileFor(set, name);
  if (!path) throw ObpException.invalidUri(req);
  sendFile(req, reply, path, name === 'docs.html' ? 'docs' : 'explorer');
}

/** /explorer (our API explorer) and /docs (plain Swagger UI): static pages, same origin, no CDN. */
@ApiExcludeController()
@Public()
@Controller()
export class ExplorerController {
  @Get('explorer')
  page(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    serve('explorer', 'index.html', req, reply);
  }

  @Get('explorer/assets/:file')
  asset(@Param('file') file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    serve('explorer', file, req, reply);
  }

  @Get('explorer/errors.json')
  errors(): ErrorCatalogJson {
    return errorCatalog;
  }

  @Get('docs')
  docs(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    serve('explorer', 'docs.html', req, reply);
  }

  @Get('docs/:file')
  swaggerUi(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    serve('swagger-ui', file, req, reply);
  }
}
