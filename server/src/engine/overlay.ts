// Open-editor buffers that take precedence over the disk: the language server fills this, the CLI leaves it empty
// (or uses it for the text of a file while fixes are applied to it).

export interface OverlayDocument {
  text: string;
  version: number;
}

export class DocumentOverlay {
  private readonly documents = new Map<string, OverlayDocument>();
  private changes = 0;
  private membershipChanges = 0;

  /** A number that changes whenever any document is set or removed; projects fold it into their version. */
  get generation(): number {
    return this.changes;
  }

  /**
   * A number that changes whenever a document is added or removed (which changes what exists for module resolution),
   * or a `package.json` is set (which module resolution and module kinds read); not when a source's text changes.
   */
  get membership(): number {
    return this.membershipChanges;
  }

  get(filePath: string): OverlayDocument | undefined {
    return this.documents.get(filePath);
  }

  set(filePath: string, text: string, version: number): void {
    if (!this.documents.has(filePath) || filePath.endsWith('package.json'))
      this.membershipChanges++;
    this.documents.set(filePath, { text, version });
    this.changes++;
  }

  delete(filePath: string): boolean {
    const removed = this.documents.delete(filePath);
    if (removed) {
      this.changes++;
      this.membershipChanges++;
    }
    return removed;
  }

  paths(): IterableIterator<string> {
    return this.documents.keys();
  }
}
