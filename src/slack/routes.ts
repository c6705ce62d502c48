import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { type Pingable, redisAnswers } from '../redis.js';
import type { Metrics } from './metrics.js';

export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';

/** GET /healthz (200 when Redis answers PING, 503 otherwise) and GET /metrics (Prometheus text). */
export function operationsRoutes(deps: { redis: Pingable; metrics: Metrics; logger: Logger }): CustomRoute[] {
  return [
    {
      path: HEALTH_PATH,
      method: ['GET'],
      handler: (_req, res) => {
        void redisAnswers(deps.redis).then((ok) => {
          if (!ok) deps.logger.warn('health check failed: Redis did not answer PING');
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(ok ? { ok: true } : { ok: false, redis: 'unreachable' }));
        });
      },
    },
    {
      path: METRICS_PATH,
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(deps.metrics.render());
      },
    },
  ];
}
