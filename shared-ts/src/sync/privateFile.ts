import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Files the engine writes hold people's names, e-mails and CRM ids (auto-save sets) or run details (reports): only
 * the owner may read them. The mode is set on the open file too, because `mode` applies only when a file is created.
 */
const OWNER_ONLY = 0o600;

export async function writePrivateFile(path: string, data: string): Promise<void> {
  const fh = await open(path, 'w', OWNER_ONLY);
  try {
    await fh.chmod(OWNER_ONLY);
    await fh.writeFile(data);
  } finally {
    await fh.close();
  }
}

export function writePrivateFileSync(path: string, data: string): void {
  const fd = openSync(path, 'w', OWNER_ONLY);
  try {
    fchmodSync(fd, OWNER_ONLY);
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
