/** The part of `ini` (npm's own .npmrc parser, which ships no types) that npm-config.ts uses. */
declare module 'ini' {
  const ini: { parse(text: string): Record<string, unknown> };
  export default ini;
}
