// The account page: the user, their orders and their recommendations, fetched one after another. None of the three
// requests needs another's answer, but each waits for the one before it, so the page takes the sum of the three
// (1.1 s + 0.7 s + 1.5 s = 3.3 s) instead of the slowest (1.5 s). The order history does the same per order.
// Loopguard reports both and suggests `Promise.all`, and for the loop a rewrite that runs a few requests at a time.
export interface User {
  id: string;
  name: string;
}

export interface Order {
  id: string;
  total: number;
}

export interface OrderDetails extends Order {
  items: string[];
}

const API = 'https://api.example.com';

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${API}${path}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function accountPage(userId: string): Promise<{ user: User; orders: Order[]; recommendations: string[] }> {
  const user = await getJson<User>(`/users/${userId}`);
  const orders = await getJson<Order[]>(`/users/${userId}/orders`);
  const recommendations = await getJson<string[]>(`/users/${userId}/recommendations`);
  return { user, orders, recommendations };
}

export async function orderHistory(orders: Order[]): Promise<OrderDetails[]> {
  // One request per order, each waiting for the previous one.
  const details: OrderDetails[] = [];
  for (const order of orders) {
    details.push(await getJson<OrderDetails>(`/orders/${order.id}`));
  }
  return details;
}

export async function teamPage(userId: string): Promise<string> {
  // Not reported: the second request needs the first one's answer.
  const user = await getJson<User & { teamId: string }>(`/users/${userId}`);
  const team = await getJson<{ name: string }>(`/teams/${user.teamId}`);
  return `${user.name} (${team.name})`;
}

export async function accountPageTogether(userId: string): Promise<{ user: User; orders: Order[]; recommendations: string[] }> {
  // The three requests start together: the page takes as long as the slowest.
  const [user, orders, recommendations] = await Promise.all([
    getJson<User>(`/users/${userId}`),
    getJson<Order[]>(`/users/${userId}/orders`),
    getJson<string[]>(`/users/${userId}/recommendations`),
  ]);
  return { user, orders, recommendations };
}
