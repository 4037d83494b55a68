import type { SearchOptions } from 'minisearch';

/** Search options with the index's defaults filled in. */
export type Options = SearchOptions &
  Required<Pick<SearchOptions, 'weights' | 'bm25' | 'maxFuzzy'>>;

/**
 * The search options in effect at one level of a query: its own, then those of the levels
 * around it, as MiniSearch spreads them into each level without copying them here.
 */
export class OptionLevel {
  constructor(
    private readonly options: object,
    private readonly outer: OptionLevel | undefined,
  ) {}

  /** An option as this level or one around it sets it (own properties, as a spread copies). */
  own<K extends keyof SearchOptions>(name: K): SearchOptions[K] {
    if (Object.hasOwn(this.options, name)) return (this.options as SearchOptions)[name];
    return this.outer?.own(name);
  }

  /** An option a query string is searched with: as these levels set it, else the index's. */
  get<K extends keyof Options>(name: K, defaults: Options): Options[K] {
    if (Object.hasOwn(this.options, name)) return (this.options as Options)[name];
    return this.outer ? this.outer.get(name, defaults) : defaults[name];
  }
}
