/**
 * The length of every raw data key: a vault's, a handover package's, a
 * hand-back's payload key. A module of its own so that code which only makes
 * or wraps keys need not import the database connection.
 */
export const DATA_KEY_BYTES = 32;
