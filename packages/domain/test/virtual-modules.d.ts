// Modules made by vitest.config.ts for the README test.
declare module "virtual:readme-blocks" {
  const blocks: ReadonlyArray<{ readonly line: number; readonly language: string; run(): Promise<unknown> }>;
  export default blocks;
}
