// jsdom ships no types and @types/jsdom is not a dependency: the little the bench uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
    readonly window: unknown;
  }
}
