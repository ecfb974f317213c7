/** The file URL of `entry` bundled into JavaScript (cached, rebuilt when a source changes), or null without esbuild. */
export function cachedBundle(options: { entry: string; name: string; splitting?: boolean }): Promise<string | null>;
