/** One `mokuhyo` command: takes its arguments, resolves to the exit code. */
export type Command = (args: string[]) => Promise<number>;
