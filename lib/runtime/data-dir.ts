import fs from 'node:fs';

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** The data directory holds the embedded database and the generated secrets: check it once, say where it failed. */
export function assertDataDirWritable(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new DataDirError(
      `the data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)}); set DATA_DIR to a writable folder`,
    );
  }
}
