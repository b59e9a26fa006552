/** Where attachment bytes live, addressed by their sha256. One adapter per backend. */
export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export interface UploadLimits {
  /** Bytes one file may have (5 MB by default). */
  maxFileBytes: number;
  /** Bytes all files of one request may have together (5.5 MB by default). */
  maxRequestBytes: number;
  maxFiles: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxRequestBytes: 5.5 * 1024 * 1024,
  maxFiles: 10,
};
