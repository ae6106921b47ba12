// Exporting reports from an async request handler. Each marked call holds the event loop: while one report is
// compressed and written, no other request is answered and no timer fires.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import type { Order } from './orders.js';
import { loadSettings } from './settings.js';

/** A request for a report: the handler runs once per request, so what it blocks on adds up with the traffic. */
export interface ReportRequest {
  orders: Order[];
}

export async function exportReport(request: ReportRequest): Promise<string> {
  const { orders } = request;
  // Blocks through a helper in another file: loadSettings() calls readFileSync.
  const settings = loadSettings();
  const csv = orders.map((order) => `${order.id},${order.total}`).join('\n');
  // Compression, the write and the child process block directly.
  const body = settings.compress ? gzipSync(csv) : Buffer.from(csv);
  const file = `${settings.reportDir}/orders-${Date.now()}.csv${settings.compress ? '.gz' : ''}`;
  writeFileSync(file, body);
  const revision = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  return `${file} (built from ${revision})`;
}

/** Waits before a retry by spinning on the clock: a sleep that stops the whole process. */
function pause(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // wait
  }
}

export async function exportWithRetry(request: ReportRequest): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await exportReport(request);
    } catch (error) {
      if (attempt === 3) throw error;
      // Blocks through `pause`, which busy-waits.
      pause(100 * attempt);
    }
  }
}
