/** A content folder that cannot be used at all (missing, not a folder, no content files). */
export class ContentFolderError extends Error {
  constructor(
    message: string,
    readonly code: 'CONTENT_DIR_MISSING' | 'CONTENT_DIR_EMPTY',
  ) {
    super(message);
    this.name = 'ContentFolderError';
  }
}
