/** HTTP entry point: `npm start`. PORT (default 4000) and HOST (default 0.0.0.0) override. */
import { createServer } from 'node:http';
import { createApp } from './yoga.js';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '0.0.0.0';

const app = createApp();
const server = createServer(app);

server.listen(port, host, () => {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.info(`GraphiQL: http://${shownHost}:${port}${app.graphqlEndpoint}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
