export type ProcessRole = 'api' | 'worker';

/** Which process this is: only the API keeps answers (TableChanges). */
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');
