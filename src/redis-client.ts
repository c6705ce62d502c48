import { Cluster, type Redis } from 'ioredis';

/** A connection to one Redis server or to a Redis Cluster; repositories and queues take either. */
export type RedisClient = Redis | Cluster;

/** The servers that hold keys: every master of a cluster, or the one server. */
export async function masters(client: RedisClient): Promise<Redis[]> {
  if (!(client instanceof Cluster)) return [client];
  // A cluster knows its masters only once it has read the slot map.
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client.nodes('master');
}

/**
 * Every key matching `pattern`, in batches. SCAN walks one server only, so on a cluster it walks each
 * master in turn; a key moved by a resharding meanwhile may be seen twice or missed.
 */
export async function* scanKeys(client: RedisClient, pattern: string, count = 500): AsyncGenerator<string[]> {
  for (const node of await masters(client)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (found.length > 0) yield found;
    } while (cursor !== '0');
  }
}

/**
 * Deletes keys that may sit in different cluster slots. One UNLINK of keys from several slots is refused
 * on a cluster (CROSSSLOT), so there each key gets its own. Returns how many existed.
 */
export async function unlinkEach(client: RedisClient, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  if (!(client instanceof Cluster)) return client.unlink(...keys);
  const counts = await Promise.all(keys.map((key) => client.unlink(key)));
  return counts.reduce((sum, n) => sum + n, 0);
}
