// Importing a product catalog, one request per product. With the 40 products of a test fixture it is quick; with
// the 30,000 of the real catalog it opens 30,000 connections at once, the API answers 429, and the process runs
// out of sockets and file descriptors. Loopguard reports each fan-out over an input of unknown size whose tasks
// reach the network or the disk, and suggests a bounded rewrite.
import { writeFile } from 'node:fs/promises';

export interface Product {
  sku: string;
  price: number;
}

const API = 'https://api.example.com';

async function fetchProduct(sku: string): Promise<Product> {
  const response = await fetch(`${API}/products/${sku}`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${sku}: HTTP ${response.status}`);
  return (await response.json()) as Product;
}

export async function importCatalog(skus: string[]): Promise<Product[]> {
  // One request per SKU, all started at once.
  return Promise.all(skus.map(fetchProduct));
}

export async function savePrices(products: Product[], dir: string): Promise<void> {
  // One open file per product, all at once: EMFILE on a large catalog.
  const writes: Promise<void>[] = [];
  for (const product of products) writes.push(writeFile(`${dir}/${product.sku}.json`, JSON.stringify(product)));
  await Promise.all(writes);
}

export async function importFeatured(): Promise<Product[]> {
  // Three products, written out: bounded, not reported.
  return Promise.all(['A-1', 'B-2', 'C-3'].map(fetchProduct));
}

export async function importCatalogInBatches(skus: string[]): Promise<Product[]> {
  // At most 8 requests at a time: each batch is a slice of constant width.
  const products: Product[] = [];
  for (let i = 0; i < skus.length; i += 8) {
    products.push(...(await Promise.all(skus.slice(i, i + 8).map(fetchProduct))));
  }
  return products;
}
