import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Catalog } from '../src/content/types.js';

/** A search to compare against: ranked URLs for a query. */
export interface Baseline {
  name: string;
  search(query: string): string[];
}

interface Flat {
  id: string;
  url: string;
  title: string;
  description: string;
  topics: string;
}

function flatten(catalog: Catalog): Flat[] {
  return catalog.resources.map((resource) => ({
    id: resource.id,
    url: resource.url,
    title: resource.title,
    description: resource.description,
    topics: resource.topics.flat().join(' '),
  }));
}

/** MiniSearch with its default options over the same fields. */
export function defaultMiniSearch(catalog: Catalog): Baseline {
  const index = new MiniSearch<Flat>({
    fields: ['title', 'description', 'topics'],
    storeFields: ['url'],
  });
  index.addAll(flatten(catalog));
  return {
    name: 'minisearch defaults',
    search: (query) => index.search(query).map((result) => String(result.url)),
  };
}

/** Fuse.js fuzzy search over the same fields. */
export function fuse(catalog: Catalog): Baseline {
  const index = new Fuse(flatten(catalog), {
    keys: ['title', 'description', 'topics'],
    ignoreLocation: true,
  });
  return {
    name: 'Fuse.js',
    search: (query) => index.search(query).map((result) => result.item.url),
  };
}
