/** V8 flags every mokuhyo process runs with (the CLI sets them on itself; children get them as execArgv). */
export const V8_FLAGS: readonly string[];
/** Applies V8_FLAGS to this process; call it before the code it should affect is loaded. */
export function tuneV8(): void;
