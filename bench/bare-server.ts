/**
 * The baseline for bench/load.ts: a bare Fastify server with one route (`GET /bare` answering
 * `{ok:true}`), run as its own process like the real server, so the ratio of the real server's
 * requests per second to this one's says what nous costs on top of Fastify on the same machine.
 *
 *   node --import tsx bench/bare-server.ts PORT
 */
import Fastify from "fastify";

const port = Number(process.argv[2] ?? 0);
const app = Fastify();
app.get("/bare", async () => ({ ok: true }));
const address = await app.listen({ port, host: "127.0.0.1" });
console.log(address);
const stop = () => void app.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
