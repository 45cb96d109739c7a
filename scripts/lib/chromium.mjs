// Debian Chromium for every browser test (toolchain.md §8): headless, no sandbox (root in CI), no first-run,
// update or sync traffic, no QUIC (the loopback servers speak HTTP/1.1).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
