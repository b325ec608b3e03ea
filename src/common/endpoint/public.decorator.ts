import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'obp:isPublic';

/** Marks a non-OBP route (health, metrics, documents, explorer files) as open to anyone. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
