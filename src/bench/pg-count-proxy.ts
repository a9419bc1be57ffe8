import net from "node:net";

/**
 * A TCP relay in front of PostgreSQL that counts the statements clients send: each Execute of the extended
 * protocol (what node-postgres sends for a parameterized query) and each simple Query message. The app needs
 * no instrumentation: the benchmark points its DATABASE_URL at the relay.
 */
export async function startCountingProxy(target: { host: string; port: number }) {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let buffer: Buffer = Buffer.alloc(0);
    // The first messages (SSL/GSS negotiation, startup) carry no type byte.
    let untyped = true;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (untyped) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) break;
          buffer = buffer.subarray(length);
          // 80877103 SSLRequest, 80877104 GSSENCRequest: the startup message follows, untyped too.
          if (code !== 80877103 && code !== 80877104) untyped = false;
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) break;
        const type = String.fromCharCode(buffer[0]!);
        if (type === "E" || type === "Q") statements++;
        buffer = buffer.subarray(length + 1);
      }
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    count: () => statements,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
