// Promises nobody waits for. Each function below still "works" in a quick test, but a rejected save
// disappears, checkout reports success before the work is done, and Node may exit on the unhandled rejection.
import { setTimeout as delay } from 'node:timers/promises';

export interface Order {
  id: string;
  total: number;
}

async function saveOrder(order: Order): Promise<void> {
  await delay(10);
  if (order.total < 0) throw new Error(`order ${order.id} has a negative total`);
}

async function notifyWarehouse(orderId: string): Promise<void> {
  await delay(5);
  console.log(`warehouse notified about ${orderId}`);
}

export async function checkout(order: Order): Promise<void> {
  // Started and never awaited: if the save fails, nobody hears about it.
  saveOrder(order);
  // A task created and dropped: the variable is never awaited, returned or handled.
  const notification = notifyWarehouse(order.id);
  console.log(`checked out ${order.id}`);
}

export async function saveAll(orders: Order[]): Promise<void> {
  // forEach ignores the promises its async callback returns: saveAll resolves before any order is saved.
  orders.forEach(async (order) => {
    await saveOrder(order);
  });
}

export async function saveAllCorrectly(orders: Order[]): Promise<void> {
  for (const order of orders) {
    await saveOrder(order);
  }
}
