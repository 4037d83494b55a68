/**
 * Documents a search may score (MiniSearch short ids). A search tests each posting with `has`,
 * or, when the set can list its members and they are far fewer than a word's postings, looks
 * each member up in the postings instead.
 */
export interface DocumentFilter {
  has(shortId: number): boolean;
  /** The members, smallest short id first. */
  ascending?(): readonly number[];
}

/**
 * A set of documents by MiniSearch short id (0 to `capacity` - 1): a byte per document, so a
 * search narrowed to it tests membership by indexing an array rather than hashing, and building
 * one from postings allocates nothing per document. Its members are also kept in a list, so a
 * search narrowed to a few of many documents visits only those.
 */
export class DocumentSet implements DocumentFilter {
  private readonly members: Uint8Array;
  private readonly listed: number[] = [];
  private sorted = true;

  constructor(capacity: number) {
    this.members = new Uint8Array(capacity);
  }

  /** Adds a document; a document already in the set is not counted twice. */
  add(shortId: number): void {
    if (this.members[shortId] === 1) return;
    this.members[shortId] = 1;
    if (this.sorted && this.listed.length > 0 && this.listed.at(-1)! > shortId) {
      this.sorted = false;
    }
    this.listed.push(shortId);
  }

  has(shortId: number): boolean {
    return this.members[shortId] === 1;
  }

  /** The members, smallest short id first (sorted when first asked after adding out of order). */
  ascending(): readonly number[] {
    if (!this.sorted) {
      this.listed.sort((a, b) => a - b);
      this.sorted = true;
    }
    return this.listed;
  }

  /** How many documents are in the set. */
  get size(): number {
    return this.listed.length;
  }
}
