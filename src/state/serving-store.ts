// The serving side on disk (schema v2 of db.ts): model artifacts, the serving log as one columnar
// chunk per day (typed arrays, stored as they are), and the session's deployments and results.
// Every record is keyed by its world, so each world keeps its own deployment.
import type { PolicyDay } from '../lib/market/types.ts';
import type { ImpressionLog } from '../lib/market/types.ts';
import type { ClickModelReport, DayReport, DeploymentRecord } from '../lib/serving/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { isStoryRole, type StoryRole } from '../lib/story/roles.ts';
import type { ModelArtifact } from '../lib/serving/artifact.ts';
import type { LogChunk } from '../../workers/serving/log-chunk.ts';
import { openAppDb } from './db.ts';
import { worldKey } from '../lib/url/lab-config.ts';

/** Schema version written into every serving record. */
export const SERVING_SCHEMA = 2;

/** The session's small state. */
export interface SessionMeta {
  champion: string;
  previous: string[];
  deployments: DeploymentRecord[];
  role?: StoryRole;
  click?: ClickModelReport;
  replay: PolicyDay[];
  replayOf: string;
  /** True while a live run was in flight (a reload interrupts it). */
  running: boolean;
}

/** Everything restored for one world. */
export interface SavedSession extends SessionMeta {
  artifacts: ModelArtifact[];
  reports: DayReport[];
  chunks: LogChunk[];
}

/** The key of a world (the one world key; saved sessions keep their keys: without `rows` it is seed|skew|noise|drift). */
export { worldKey };

/** All records whose key starts with the world's key. */
function range(w: WorldParams): IDBKeyRange {
  const k = worldKey(w);
  return IDBKeyRange.bound(`${k}/`, `${k}/\uffff`);
}

export async function saveArtifact(w: WorldParams, a: ModelArtifact): Promise<void> {
  await (await openAppDb()).put('artifacts', { key: `${worldKey(w)}/${a.version}`, schema: SERVING_SCHEMA, artifact: { ...a, weights: a.weights.slice(0) } });
}

export async function saveDay(w: WorldParams, report: DayReport, log: ImpressionLog): Promise<void> {
  const key = `${worldKey(w)}/${String(report.index).padStart(3, '0')}`;
  await (await openAppDb()).put('logs', { key, schema: SERVING_SCHEMA, report, log });
}

export async function saveMeta(w: WorldParams, meta: SessionMeta): Promise<void> {
  await (await openAppDb()).put('serving', { key: `${worldKey(w)}/session`, schema: SERVING_SCHEMA, meta: JSON.parse(JSON.stringify(meta)) as SessionMeta });
}

/** Deletes the world's serving records. */
export async function clearSession(w: WorldParams): Promise<void> {
  const d = await openAppDb();
  for (const s of ['artifacts', 'logs', 'serving'] as const) await d.delete(s, range(w));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a stored artifact of a schema this version reads. */
export function isArtifactRecord(v: unknown): v is { artifact: ModelArtifact } {
  if (!isObj(v) || v.schema !== SERVING_SCHEMA || !isObj(v.artifact)) return false;
  const a = v.artifact;
  return typeof a.version === 'string' && (a.kind === 'relevance' || a.kind === 'click') && Array.isArray(a.shapes) && a.weights instanceof ArrayBuffer && isObj(a.features) && isObj(a.world) && Array.isArray(a.days);
}

/** True for a stored day of the serving log this version reads. */
export function isDayRecord(v: unknown): v is { report: DayReport; log: ImpressionLog } {
  if (!isObj(v) || v.schema !== SERVING_SCHEMA || !isObj(v.report) || !isObj(v.log)) return false;
  const r = v.report;
  const l = v.log;
  return typeof r.index === 'number' && isObj(r.served) && isObj(r.control) && isObj(r.monitor) && Array.isArray(r.alerts) && typeof l.n === 'number' && l.clicked instanceof Uint8Array && l.clicked.length === l.n && l.position instanceof Uint8Array;
}

function isMeta(v: unknown): v is { meta: SessionMeta } {
  if (!isObj(v) || v.schema !== SERVING_SCHEMA || !isObj(v.meta)) return false;
  const m = v.meta;
  return typeof m.champion === 'string' && Array.isArray(m.previous) && Array.isArray(m.deployments) && Array.isArray(m.replay);
}

/** The world's saved session (null when none) and how many records were skipped as malformed or of an unknown schema. */
export async function loadSession(w: WorldParams): Promise<{ session: SavedSession | null; skipped: number }> {
  const d = await openAppDb();
  const [arts, days, metas] = await Promise.all([d.getAll('artifacts', range(w)), d.getAll('logs', range(w)), d.getAll('serving', range(w))]);
  let skipped = 0;
  const keep = <T>(xs: unknown[], ok: (v: unknown) => v is T): T[] =>
    xs.filter((x) => {
      const good = ok(x);
      if (!good) skipped++;
      return good;
    }) as T[];
  const artifacts = keep(arts, isArtifactRecord).map((r) => r.artifact);
  const dayRecs = keep(days, isDayRecord).sort((a, b) => a.report.index - b.report.index);
  const meta = keep(metas, isMeta)[0]?.meta;
  if (!meta) return { session: null, skipped };
  // Days must run 0, 1, 2… without a gap; a gap ends what can be restored.
  const reports: DayReport[] = [];
  const chunks: LogChunk[] = [];
  for (const r of dayRecs) {
    if (r.report.index !== reports.length) break;
    reports.push(r.report);
    chunks.push({ log: r.log, buffers: [] });
  }
  const role = isStoryRole(meta.role) ? meta.role : undefined;
  return { session: { ...meta, ...(role ? { role } : {}), artifacts, reports, chunks }, skipped };
}

/** Every stored day of the world's serving log, oldest first (for the CSV export). */
export async function loadLog(w: WorldParams): Promise<ImpressionLog[]> {
  const d = await openAppDb();
  const days = (await d.getAll('logs', range(w))).filter(isDayRecord).sort((a, b) => a.report.index - b.report.index);
  return days.map((x) => x.log);
}
