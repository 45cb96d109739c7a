import { spawn } from 'node:child_process';

/**
 * Opens a URL in the user's browser, as `sf org login web` does; a machine without one (a server over ssh) simply
 * shows nothing, and the admin opens the printed URL elsewhere. Never waits for the browser.
 */
export function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser here: the URL is printed
  }
}
