const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids we generate are UUIDs; anything else cannot exist, so it is answered as "not found" unqueried. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** PostgreSQL text cannot hold NUL, so no stored id or name has one: such a value is "not found" unqueried. */
export const isStorableText = (value: string): boolean => !value.includes('\u0000');
