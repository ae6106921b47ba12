// Settings read by a small sync helper. Reading them once at start-up would be fine; the trouble starts when async
// request code calls the helper on every request.
import { readFileSync } from 'node:fs';

export interface Settings {
  reportDir: string;
  compress: boolean;
}

export function loadSettings(): Settings {
  return JSON.parse(readFileSync(new URL('../settings.json', import.meta.url), 'utf8')) as Settings;
}
