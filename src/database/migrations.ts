import { Init1795641933423 } from './migrations/1795641933423-Init';

/** Every migration, oldest first (explicit, so ts-jest and the compiled app load the same list). */
export const MIGRATIONS = [Init1795641933423];
