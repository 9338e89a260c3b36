import path from 'node:path';
import { createApp } from './app.ts';

// The composition root: reads the environment, builds the app, listens.
const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '0.0.0.0';
const { httpServer } = createApp({ clientDir: path.resolve('dist/client') });
httpServer.listen(port, host, () => {
  const addr = httpServer.address();
  const shown = typeof addr === 'object' && addr ? addr.port : port;
  console.log(JSON.stringify({ event: 'listening', url: `http://localhost:${shown}` }));
});
process.on('SIGTERM', () => httpServer.close(() => process.exit(0)));
