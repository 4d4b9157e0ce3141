import net from 'node:net';

export class PortTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortTakenError';
  }
}

/** Fails with a line naming the port, what wanted it, and the variable that moves it. */
export function assertPortFree(port: number, host: string, variable: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PortTakenError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is taken, so ${what} cannot listen there; stop what uses it or set ${variable} to a free port`
            : `${what} cannot listen on ${host}:${port} (${error.code ?? error.message}); check ${variable}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A port nothing listens on right now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
