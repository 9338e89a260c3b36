import express, { type Request, type Response } from 'express';
import { ErrorCode } from '#shared/protocol/codes';
import type { Placed } from '../cluster/placement.ts';
import type { Log } from '../log.ts';
import { metrics } from '../metrics.ts';
import { type Store, StoreError } from '../persistence/store.ts';
import { RoomError } from '../rooms/errors.ts';
import type { Registry } from '../rooms/registry.ts';
import { buildReport, reportCsv } from '../rooms/report.ts';
import { hashToken } from '../rooms/secrets.ts';
import type { RateLimits } from '../socket/limits.ts';
import { type OriginRule, originAllowed } from './origins.ts';

export interface ApiDeps {
  registry: Registry;
  store: Store;
  log: Log;
  limits: RateLimits;
  /** Web origins whose pages may call the API (see origins.ts). */
  origins: OriginRule;
  joinUrl: (code: string, req: Request) => string;
  /** Cluster mode: a new session made on a less busy node (null: here). */
  place?: (input: unknown, hostToken: string | undefined) => Promise<Placed | null>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadSettings]: 400,
  [ErrorCode.BadPayload]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyJoins]: 429,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ShuttingDown]: 503,
  [ErrorCode.Unavailable]: 503,
};

export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(STATUS[code] ?? 500).json({ ok: false, error: { code, message } });
}

/** The host token from `Authorization: Bearer <token>`, or `?token=` for a download link. */
function hostToken(req: Request): string | undefined {
  const h = req.get('authorization');
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  const q = req.query['token'];
  return typeof q === 'string' && q ? q : undefined;
}

/** REST: create a session, list a host's sessions, a session's report as JSON or CSV. */
export function apiRouter(d: ApiDeps): express.Router {
  const r = express.Router();
  // A cross-site form can post text/plain without asking: only JSON from an allowed origin changes anything.
  r.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (!originAllowed(d.origins, req.get('origin'), req.get('host')))
      return sendError(res, ErrorCode.Forbidden, 'requests from that origin are not allowed');
    if (!req.is('application/json'))
      return sendError(
        res,
        ErrorCode.BadPayload,
        'the body must be JSON (Content-Type: application/json)',
      );
    next();
  });
  r.use(express.json({ limit: '8kb' }));

  const hostId = async (req: Request): Promise<string> => {
    const token = hostToken(req);
    const id = token ? await d.store.findHost(hashToken(token)) : undefined;
    if (!id) throw new RoomError(ErrorCode.Unauthorized, 'a valid host token is needed');
    return id;
  };
  const wrap =
    (fn: (req: Request, res: Response) => void | Promise<void>) =>
    async (req: Request, res: Response) => {
      try {
        await fn(req, res);
      } catch (e) {
        if (e instanceof RoomError) return sendError(res, e.code, e.message);
        if (e instanceof StoreError)
          return sendError(res, ErrorCode.Unavailable, 'the database did not answer: try again');
        d.log('error', { path: req.path, message: e instanceof Error ? e.message : String(e) });
        sendError(res, ErrorCode.Internal, 'the server could not do that');
      }
    };

  r.post(
    '/sessions',
    wrap(async (req, res) => {
      if (!(await d.limits.sessionCreate(req.ip ?? 'unknown'))) {
        metrics.rateLimited.inc({ kind: 'session' });
        throw new RoomError(ErrorCode.RateLimited, 'too many sessions created: wait a minute');
      }
      const here = async (): Promise<Placed> => {
        const made = await d.registry.create(req.body, hostToken(req));
        return {
          sessionId: made.room.id,
          code: made.room.code,
          hostToken: made.hostToken,
          settings: made.settings,
        };
      };
      const placed: Placed =
        (d.place && (await d.place(req.body, hostToken(req)))) || (await here());
      res.status(201).json({
        ok: true,
        data: {
          sessionId: placed.sessionId,
          code: placed.code,
          joinUrl: d.joinUrl(placed.code, req),
          hostToken: placed.hostToken,
          settings: placed.settings,
        },
      });
    }),
  );
  r.get(
    '/sessions',
    wrap(async (req, res) => {
      res.json({ ok: true, data: { sessions: await d.store.hostSessions(await hostId(req)) } });
    }),
  );
  const report = async (req: Request) => {
    const id = await hostId(req);
    const loaded = await d.store.loadSession(String(req.params['id']));
    if (!loaded || loaded.session.hostId !== id)
      throw new RoomError(ErrorCode.NotFound, 'no such session of this host');
    const room = d.registry.get(loaded.session.id);
    return buildReport(loaded, (playerId) => (room?.players.get(playerId)?.connections ?? 0) > 0);
  };
  r.get(
    '/sessions/:id/report.csv',
    wrap(async (req, res) => {
      const rep = await report(req);
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.set(
        'Content-Disposition',
        `attachment; filename="backprop-demon-${rep.code}-${rep.sessionId}.csv"`,
      );
      res.set('Cache-Control', 'no-store');
      res.send(`\uFEFF${reportCsv(rep)}`);
    }),
  );
  r.get(
    '/sessions/:id/report',
    wrap(async (req, res) => {
      const rep = await report(req);
      res.set('Cache-Control', 'no-store');
      res.json({ ok: true, data: rep });
    }),
  );
  r.use((_req, res) => sendError(res, ErrorCode.NotFound, 'no such endpoint'));
  // Body parser errors (bad JSON, too large) answer without a stack trace.
  r.use(
    (
      err: { type?: string; status?: number },
      _req: Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      if (err.type === 'entity.too.large')
        return sendError(res, ErrorCode.PayloadTooLarge, 'the body is too large');
      if (err.type === 'entity.parse.failed')
        return sendError(res, ErrorCode.BadPayload, 'the body is not valid JSON');
      if (err instanceof URIError || (err.status && err.status < 500))
        return sendError(res, ErrorCode.BadPayload, 'the request path is not valid');
      sendError(res, ErrorCode.Internal, 'the server could not do that');
    },
  );
  return r;
}
