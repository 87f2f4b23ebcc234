// Who serves and how they got there: the champion, the challenger waiting at the gate, the
// champions a rollback can return to, the gate's last verdict and the deployment log.
import type { DeploymentRecord, GateData, ServingSnapshot } from '../../src/lib/serving/types.ts';
import { baselineServed, type ServedPolicy } from './policies.ts';
import { roleOf } from './deployments.ts';

export class DeploymentLog {
  champion: ServedPolicy = baselineServed();
  challenger: ServedPolicy | null = null;
  previous: ServedPolicy[] = [];
  records: DeploymentRecord[] = [];
  gate: GateData | null = null;

  /** Appends a record at a simulated day and hour. */
  record(p: ServedPolicy, action: DeploymentRecord['action'], reason: string, when: { day: number; hour: number }): DeploymentRecord {
    const rec: DeploymentRecord = { seq: this.records.length + 1, version: p.label, role: roleOf(p), action, ...when, reason, at: Date.now() };
    this.records.push(rec);
    return rec;
  }

  /** Makes a policy the challenger (not serving yet); the last gate verdict no longer applies. */
  ship(p: ServedPolicy, reason: string, when: { day: number; hour: number }): DeploymentRecord {
    this.challenger = p;
    this.gate = null;
    return this.record(p, 'ship', reason, when);
  }

  /** Promotes the challenger that passed the gate; the champion it replaces can be rolled back to. */
  promote(reason: string, when: { day: number; hour: number }): DeploymentRecord {
    const ch = this.challenger;
    if (!ch) throw new Error('nothing to promote');
    if (!this.gate?.pass || this.gate.challenger.label !== ch.label) throw new Error('the challenger has not passed the gate');
    this.previous.push(this.champion);
    this.champion = ch;
    this.challenger = null;
    return this.record(ch, 'promote', reason, when);
  }

  /** Puts the previous champion back, in one action. */
  rollback(reason: string, when: { day: number; hour: number }): DeploymentRecord {
    const prev = this.previous.pop();
    if (!prev) throw new Error('no previous champion to roll back to');
    this.champion = prev;
    return this.record(prev, 'rollback', reason, when);
  }

  /** Restores the log and who serves (after a reload). */
  restore(records: DeploymentRecord[], champion: ServedPolicy, previous: ServedPolicy[]): void {
    this.records = records.slice();
    this.champion = champion;
    this.previous = previous.slice();
  }

  /** Who serves and how they got there, as a snapshot shows it (copies). */
  view(): Pick<ServingSnapshot, 'champion' | 'challenger' | 'previous' | 'deployments' | 'gate'> {
    const ch = this.challenger;
    return {
      champion: { label: this.champion.label, role: roleOf(this.champion) },
      challenger: ch ? { label: ch.label, role: roleOf(ch) } : null,
      previous: this.previous.map((p) => p.label),
      deployments: this.records.slice(),
      gate: this.gate,
    };
  }
}
