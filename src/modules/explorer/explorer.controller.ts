import { Controller, Get, Next, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Response } from 'express';
import { Public } from '../../common/endpoint/public.decorator';
import { ObpError, type ObpErrorName, obpCode } from '../../common/errors/obp-errors';
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

/** Sends an allowed file, or falls through to the app's 404 OBP-10404 for anything else. */
function serve(set: FileSet, name: string, res: Response, next: NextFunction): void {
  const path = fileFor(set, name);
  if (path) sendFile(res, path, name === 'docs.html' ? 'docs' : 'explorer');
  else next();
}

/** /explorer (our API explorer) and /docs (plain Swagger UI): static pages, same origin, no CDN. */
@ApiExcludeController()
@Public()
@Controller()
export class ExplorerController {
  @Get('explorer')
  page(@Res() res: Response, @Next() next: NextFunction): void {
    serve('explorer', 'index.html', res, next);
  }

  @Get('explorer/assets/:file')
  asset(@Param('file') file: string, @Res() res: Response, @Next() next: NextFunction): void {
    serve('explorer', file, res, next);
  }

  @Get('explorer/errors.json')
  errors(): ErrorCatalogJson {
    return errorCatalog;
  }

  @Get('docs')
  docs(@Res() res: Response, @Next() next: NextFunction): void {
    serve('explorer', 'docs.html', res, next);
  }

  @Get('docs/:file')
  swaggerUi(@Param('file') file: string, @Res() res: Response, @Next() next: NextFunction): void {
    serve('swagger-ui', file, res, next);
  }
}
