import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import express from 'express';

export interface AppDeps {
  /** Folder of the built client (vite's output). */
  clientDir: string;
}

/** The whole server, wired but not listening: tests start it on port 0. */
export function createApp(deps: AppDeps): { app: express.Express; httpServer: HttpServer } {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(express.static(deps.clientDir, { index: 'index.html' }));
  app.get('/{*splat}', (_req, res) => {
    const index = path.join(deps.clientDir, 'index.html');
    if (existsSync(index)) res.sendFile(index);
    else res.status(404).send('The client is not built: run npm run build.');
  });
  const httpServer = createServer(app);
  return { app, httpServer };
}
