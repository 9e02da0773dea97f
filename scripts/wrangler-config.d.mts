// The types of wrangler-config.mjs, for vitest.config.mts.
export declare function writeConfigCopy(dir: string, main: string, options?: { minify?: boolean; devServer?: boolean }): string;
