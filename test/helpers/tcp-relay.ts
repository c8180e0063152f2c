import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

export interface TcpRelay {
  /** `redis://127.0.0.1:<port>` of the relay. */
  url: string;
  /** Closes the relay and every connection through it: Redis "goes down". */
  cut(): Promise<void>;
  /** Listens again on the same port: Redis "comes back". */
  restore(): Promise<void>;
  /** Keeps every connection open but passes nothing more either way: Redis "hangs" (until `cut`). */
  freeze(): void;
}

/**
 * A TCP relay to Redis that a test can cut and restore, standing for Redis going down and coming back. `port` 0
 * takes a free one (kept across restores).
 */
export async function relayTo(target: URL, port = 0): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let server: Server | undefined;
  let listening = port;
  const open = async () => {
    server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(target.port || 6379), target.hostname);
      client.pipe(upstream).pipe(client);
      const pair: [Socket, Socket] = [client, upstream];
      pairs.add(pair);
      client.on('close', () => pairs.delete(pair));
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => sockets.delete(socket));
      }
    });
    await new Promise<void>((resolve) => server!.listen(listening, '127.0.0.1', resolve));
    listening = (server.address() as AddressInfo).port;
  };
  await open();
  return {
    url: `redis://127.0.0.1:${listening}`,
    async cut() {
      await new Promise((resolve) => {
        server!.close(resolve);
        for (const socket of sockets) socket.destroy();
      });
    },
    restore: open,
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
  };
}
