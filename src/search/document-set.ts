/**
 * A set of documents by MiniSearch short id (0 to `capacity` - 1): a byte per document, so a
 * search narrowed to it tests membership by indexing an array rather than hashing, and building
 * one from postings allocates nothing per document.
 */
export class DocumentSet {
  private readonly members: Uint8Array;
  private count = 0;

  constructor(capacity: number) {
    this.members = new Uint8Array(capacity);
  }

  /** Adds a document; a document already in the set is not counted twice. */
  add(shortId: number): void {
    if (this.members[shortId] === 1) return;
    this.members[shortId] = 1;
    this.count++;
  }

  has(shortId: number): boolean {
    return this.members[shortId] === 1;
  }

  /** How many documents are in the set. */
  get size(): number {
    return this.count;
  }
}
