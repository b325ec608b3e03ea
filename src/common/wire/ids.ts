const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids we generate are UUIDs; anything else cannot exist, so it is answered as "not found" unqueried. */
export const isUuid = (value: string): boolean => UUID.test(value);
