// A dashboard endpoint that starts its two requests together and then awaits them one by one. It is fast and passes
// every test, but if the orders request fails while the profile is still loading, nothing handles that rejection
// yet: Node reports it as unhandled and exits. And no request has a deadline, so a backend that stops answering
// holds every dashboard request with it (`npx loopguard lint --strict examples` shows those).
import * as https from 'node:https';

export interface Profile {
  name: string;
}

export interface Order {
  id: string;
  total: number;
}

const API = 'https://api.example.com';

async function getJson<T>(path: string): Promise<T> {
  // No signal: if the API never answers, this await never ends.
  const response = await fetch(`${API}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function dashboard(userId: string): Promise<{ name: string; orderCount: number }> {
  const profileTask = getJson<Profile>(`/users/${userId}`);
  const ordersTask = getJson<Order[]>(`/users/${userId}/orders`);
  // While this waits for the profile, a failed orders request has no handler.
  const profile = await profileTask;
  const orders = await ordersTask;
  return { name: profile.name, orderCount: orders.length };
}

export function warmUp(): void {
  // The timeout option only emits 'timeout'; nothing listens, so nothing is aborted.
  https.get(`${API}/health`, { timeout: 2000 }, (response) => response.resume());
}

export async function dashboardCorrectly(userId: string): Promise<{ name: string; orderCount: number }> {
  const signal = AbortSignal.timeout(5000);
  const load = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${API}${path}`, { signal });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const [profile, orders] = await Promise.all([load<Profile>(`/users/${userId}`), load<Order[]>(`/users/${userId}/orders`)]);
  return { name: profile.name, orderCount: orders.length };
}
