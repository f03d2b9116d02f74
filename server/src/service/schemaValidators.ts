import type { ValidateFunction } from 'ajv';

/**
 * The schema validators compiled at build time (ajv's standalone code), by kind. Empty here, so
 * running from source (tests, tsx) compiles them on first use; scripts/build.mjs puts the
 * generated module in this one's place in every bundle.
 */
export const PRECOMPILED: Partial<Record<string, ValidateFunction>> = {};
