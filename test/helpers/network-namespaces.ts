import { spawnSync } from 'node:child_process';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * Network namespaces for subgraph processes (`ip netns` + a veth pair each), so that each subgraph has an address
 * of its own and reaches the rest only over that link, as on separate machines. Needs root (CI runs as root);
 * `create` answers undefined where the machine does not allow it, and callers fall back to plain processes.
 *
 * Names: namespaces `wr-<pid>-<n>`, veth ends `wr<pid>h<n>` (host) and `wr<pid>n<n>` (inside); addresses
 * 10.214.<k>.1 (host end) and 10.214.<k>.2 (inside), with k a /24 no interface of the host uses yet.
 */
export interface Namespace {
  name: string;
  /** The address of the subgraph inside. */
  address: string;
  /** The host's end of the link, where the namespace reaches the host. */
  hostAddress: string;
  /** Prefix of a command to run inside the namespace. */
  exec: string[];
}

function ip(args: string[]): string | undefined {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : `ip ${args.join(' ')}: ${result.stderr.trim()}`;
}

export class Namespaces {
  private readonly created: string[] = [];
  private readonly relays: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly tag = process.pid % 10_000;

  /** The first 10.214.<k>.0/24 from `from` on that no interface of the host uses (another test run's, say). */
  private freeOctet(from: number): number {
    const used = spawnSync('ip', ['-o', '-4', 'addr', 'show'], { encoding: 'utf8' }).stdout ?? '';
    for (let i = 0; i < 256; i += 1) {
      const octet = (from + i) % 256;
      if (!used.includes(`10.214.${octet}.`)) return octet;
    }
    return from % 256;
  }

  /** A namespace linked to the host, or the reason it could not be made (removeAll removes what was made). */
  create(n: number): Namespace | string {
    const name = `wr-${this.tag}-${n}`;
    const octet = this.freeOctet((this.tag % 25) * 10 + n);
    const hostAddress = `10.214.${octet}.1`;
    const address = `10.214.${octet}.2`;
    const hostEnd = `wr${this.tag}h${n}`;
    const inner = `wr${this.tag}n${n}`;
    const failed = ip(['netns', 'add', name]);
    if (failed) return failed;
    this.created.push(name);
    for (const step of [
      ['link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', inner],
      ['link', 'set', inner, 'netns', name],
      ['addr', 'add', `${hostAddress}/30`, 'dev', hostEnd],
      ['link', 'set', hostEnd, 'up'],
      ['netns', 'exec', name, 'ip', 'addr', 'add', `${address}/30`, 'dev', inner],
      ['netns', 'exec', name, 'ip', 'link', 'set', inner, 'up'],
      ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up'],
    ]) {
      const error = ip(step);
      if (error) return error;
    }
    return { name, address, hostAddress, exec: ['ip', 'netns', 'exec', name] };
  }

  /**
   * Makes a server that listens on the host's loopback (a database) reachable from inside, at the host end's
   * address and the port answered: a plain TCP relay, since the servers here listen on 127.0.0.1 only.
   */
  async relay(namespace: Namespace, port: number): Promise<number> {
    const server = createServer((socket) => {
      const upstream = connect(port, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      this.sockets.add(socket).add(upstream);
      const close = () => {
        socket.destroy();
        upstream.destroy();
        this.sockets.delete(socket);
        this.sockets.delete(upstream);
      };
      socket.on('close', close);
      socket.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, namespace.hostAddress, () => resolve());
    });
    this.relays.push(server);
    return (server.address() as AddressInfo).port;
  }

  /** Deletes every namespace made (their veth pairs go with them) and stops the relays. */
  async removeAll(): Promise<void> {
    for (const server of this.relays.splice(0)) server.close();
    for (const socket of this.sockets) socket.destroy();
    for (const name of this.created.splice(0)) ip(['netns', 'del', name]);
  }
}
