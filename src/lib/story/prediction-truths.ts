// Each prediction's live answer, computed from the same claims the step's sentences come from: the
// value the guess is judged against, how it reads, and one sentence on why (every outcome written).
import type { PredictionTruth } from './predictions.ts';
import type { ImbalanceClaim } from './imbalance-claim.ts';
import type { RecoveryClaim, StaleClaim } from './drift-claim.ts';
import type { LiveClaim, Trend } from './live-claim.ts';
import type { HoldbackClaim } from './holdback-claim.ts';
import type { SwitchClaim } from './switch-claim.ts';
import { largestPart, type SwitchParts } from './attribution-claim.ts';
import type { Compared } from './noise.ts';
import type { RetrainClaim } from './labels-claim.ts';
import type { CompareClaim } from './compare-claim.ts';
import { dollars, metric, percent } from './format.ts';
import { stepNumber } from './steps.ts';

/** Step 3: whether the category cross raised the test AUC, by the AUCs' noise rule. */
export function crossTruth(c: Compared): PredictionTruth {
  const value = c.change;
  const text = `${c.diff >= 0 ? '+' : '−'}${metric(Math.abs(c.diff))} AUC`;
  const why =
    value === 'up'
      ? 'Whether an ad is worth showing depends on the pair of categories (a travel ad for a travel search), which no single category can say: the cross gives the model that pair as one feature.'
      : value === 'down'
        ? `The cross cost AUC here, by more than the ${metric(c.noise)} of noise: with these rows it adds many rare features the model cannot learn well.`
        : `The difference is within the ${metric(c.noise)} that sampling alone could explain: on this world the pair adds little the single categories do not already say.`;
  return { value, text, why };
}

/** Step 4: the model's accuracy on its test days, beside the share that a model saying "don't show" to all would get right. */
export function accuracyTruth(accuracy: number, positiveRate: number): PredictionTruth {
  const dummy = 1 - positiveRate;
  const why =
    Math.abs(accuracy - dummy) <= Math.max(0.001, 0.1 * positiveRate)
      ? `Only ${percent(positiveRate)} of the candidates are labelled “show”, so a model that says “don’t show” to every one is right ${percent(dummy)} of the time: accuracy that high says almost nothing.`
      : accuracy > dummy
        ? `Above the ${percent(dummy)} that always saying “don’t show” would score: the model does find some ads worth showing.`
        : `Below the ${percent(dummy)} that always saying “don’t show” would score: its false alarms cost more than its hits gain.`;
  return { value: accuracy, text: percent(accuracy), why };
}

/** Step 5: the share of "show" labels that the expert would change. */
export function wrongLabelsTruth(share: number): PredictionTruth {
  const why =
    share >= 0.25
      ? `${percent(share, 2)} of the “show” labels are wrong: a bad labelling batch marked many irrelevant ads as worth showing, and a model learns those mistakes as if they were truth.`
      : share > 0
        ? `${percent(share, 2)} of the “show” labels are wrong: few, but a model still learns them as if they were truth.`
        : 'None of the “show” labels are wrong on this world: no label bug to find.';
  return { value: share, text: percent(share, 2), why };
}

/** Step 6: the relabelled model's gold AUC against the step-4 model's. */
export function relabelTruth(c: RetrainClaim, noisyGold: number, fixedGold: number): PredictionTruth {
  const value = c.gold === 'better' ? 'up' : c.gold === 'worse' ? 'down' : 'same';
  const d = fixedGold - noisyGold;
  const text = `${metric(noisyGold)} → ${metric(fixedGold)} gold AUC (${d >= 0 ? '+' : '−'}${metric(Math.abs(d))})`;
  const why =
    value === 'up'
      ? 'The fixed labels no longer teach the model that irrelevant ads are worth showing, so it ranks the truly relevant ones higher.'
      : value === 'same'
        ? 'Within the noise: on this world the wrong labels were too few, or too spread out, to bend the ranking measurably.'
        : 'Worse: fixing these labels took away signal the model was using; the gold stream is the judge.';
  return { value, text, why };
}

/** Step 8: which models say "show" at 0.5 on the gold stream. */
export function showsTruth(c: CompareClaim): PredictionTruth {
  const s = c.showing;
  const value = s.length === 0 ? 'none' : s.length === 3 ? 'all' : s.length === 1 && s[0] === 'rebalanced' ? 'rebalanced' : 'other';
  const names = { noisy: `the step-${stepNumber('train')} model`, relabelled: 'the relabelled model', rebalanced: 'the rebalanced model' } as const;
  const text = s.length === 0 ? 'none of them' : s.map((r) => names[r]).join(', ');
  const why =
    value === 'rebalanced'
      ? 'Trained on collected data with most “don’t show” rows dropped, it predicts several times the real rate, so its scores cross 0.5; the others stay near the tiny base rate.'
      : value === 'none'
        ? 'All three predict probabilities near the base rate, far below 0.5: a threshold of 0.5 suits balanced classes, not this skew.'
        : value === 'all'
          ? 'At this skew positives are common enough for every model’s scores to cross 0.5 for some ads.'
          : 'Which models cross 0.5 depends on how far each one’s scores rise above the base rate at this skew.';
  return { value, text, why };
}

/** Step 7: what a model that never says "show" scores. */
export function dummyTruth(c: ImbalanceClaim): PredictionTruth {
  const why =
    c.dummy === 'same'
      ? `Only ${percent(c.baseRate)} of the candidates are worth showing, so saying “don’t show” to all of them is wrong only on those: the trained model’s ${percent(c.accuracy)} is no better, within the noise.`
      : c.dummy === 'better'
        ? `Only ${percent(c.baseRate)} of the candidates are worth showing, so saying “don’t show” to all is right ${percent(c.dummyAccuracy)} of the time; the trained model does better, by ${percent(c.accuracyGap, 2)}.`
        : `Only ${percent(c.baseRate)} of the candidates are worth showing, so saying “don’t show” to all is right ${percent(c.dummyAccuracy)} of the time, more often than the trained model: its false alarms outnumber its hits.`;
  return { value: c.dummyAccuracy, text: percent(c.dummyAccuracy), why };
}

/** Step 9: yesterday's AUC against the old test days'. */
export function yesterdayTruth(s: StaleClaim, drift: number): PredictionTruth {
  const value = s.outcome === 'decayed' ? 'down' : s.outcome === 'improved' ? 'up' : 'same';
  const text = `${metric(s.yesterday)} on yesterday against ${metric(s.oldTest)} on the old test days`;
  const why =
    value === 'down'
      ? `Lower by ${metric(s.gap)}, more than the ${metric(s.noise)} that sampling alone could explain: the model did not change, the world it scores did.`
      : value === 'up'
        ? `Higher by ${metric(-s.gap)}: on this world yesterday’s traffic happens to be easier to rank.`
        : drift === 0
          ? `Within the ${metric(s.noise)} of noise: at drift 0 the world stands still, so a model does not go stale.`
          : `Within the ${metric(s.noise)} of noise: at drift ${drift} the world moved too little for the model to lose measurable ground.`;
  return { value, text, why };
}

/** Step 10: how much of the loss a fresh window wins back. */
export function recoveryTruth(r: RecoveryClaim): PredictionTruth {
  const value = r.outcome === 'worse' ? 'worse' : r.outcome === 'no-difference' ? 'none' : r.level && r.level.outcome !== 'short' ? 'all' : 'part';
  const text = `${r.recovered >= 0 ? '+' : '−'}${metric(Math.abs(r.recovered))} AUC on yesterday`;
  const why =
    value === 'all'
      ? 'Trained on recent days, the model learns the world as it is now and scores yesterday as well as the old model once scored its own days.'
      : value === 'part'
        ? `It wins back ${metric(r.recovered)}, but ${r.level ? `stays ${metric(r.level.short)} short of the old level: fewer days mean fewer positives to learn from` : 'the old level was not measured'}.`
        : value === 'none'
          ? `Within the ${metric(r.noise)} of noise: there was nothing lost to win back, or this window does not capture what changed.`
          : `Worse by ${metric(-r.recovered)}: this window holds too few positives, or days from before the change.`;
  return { value, text, why };
}

/** An alert as the step-11 prediction reads it: its kind and the simulated day whose close raised it. */
export interface AlertSeen {
  kind: 'feature_drift' | 'prediction_drift' | 'latency' | 'ctr_drop';
  day: number;
}

const ALERT_NAMES: Record<AlertSeen['kind'], string> = {
  feature_drift: 'feature drift',
  prediction_drift: 'prediction drift',
  ctr_drop: 'CTR drop',
  latency: 'latency',
};

/**
 * Step 11: the kind of the first alert the served days raised. Alerts are raised when a day closes,
 * so several kinds may share the first day: each of them counts as right. "None" is known only once
 * all `plannedDays` have been served; until then, with no alert yet, there is no answer (null). The
 * drift knob says whether a feature's move is the world's drift or chance.
 */
export function firstAlertTruth(alerts: readonly AlertSeen[], days: number, plannedDays: number, drift: number): PredictionTruth | null {
  if (alerts.length === 0) {
    if (days < plannedDays) return null;
    return {
      value: 'none',
      text: `no alert in ${days} served days`,
      why: 'No watched value crossed its threshold: the features stayed close to the training days, the scores and the click-through rate held, and the worker kept up.',
    };
  }
  const day = Math.min(...alerts.map((a) => a.day));
  const kinds = [...new Set(alerts.filter((a) => a.day === day).map((a) => a.kind))];
  const [value, ...also] = kinds as [AlertSeen['kind'], ...AlertSeen['kind'][]];
  const text = `${kinds.map((k) => ALERT_NAMES[k]).join(' and ')}, when day ${day} closed`;
  const why = kinds.includes('feature_drift')
    ? drift > 0
      ? 'The inputs move first: the served traffic’s mix already differs from the training days before the model’s scores or the business show it.'
      : 'A feature’s served days differ from the training days by chance alone: at drift 0 the world stands still, so this alert needs a second look before anyone retrains.'
    : kinds.includes('prediction_drift')
      ? 'The scores moved before any single feature crossed its threshold: many small shifts add up in the model’s output.'
      : kinds.includes('ctr_drop')
        ? 'The business number fell first: users responded to the ads differently without any watched feature moving past its threshold.'
        : 'Serving time crossed its threshold first: a property of this machine and its load, not of the world.';
  return { value, ...(also.length > 0 ? { also } : {}), text, why };
}

/** Step 12: revenue over the live fortnight. */
export function liveRevenueTruth(l: LiveClaim, blindness?: Trend | null): PredictionTruth {
  const value = l.revenue.direction === 'rose' ? 'up' : l.revenue.direction === 'fell' ? 'down' : 'same';
  const change = `${l.revenue.change >= 0 ? 'up' : 'down'} ${percent(Math.abs(l.revenue.change), 2)}`;
  const text = `${dollars(l.revenue.first)} → ${dollars(l.revenue.last)} (${change})`;
  // The mechanism (users learning from irrelevant ads) is named only when their measured blindness rose
  // beyond its noise over the same days (blindnessTrend), as step 12's own sentence does.
  const blind = blindness?.direction === 'rose' ? `${percent(blindness.first, 2)} to ${percent(blindness.last, 2)}` : null;
  const why =
    value === 'down'
      ? blind
        ? `Each irrelevant ad teaches users to ignore ads (their measured blindness rose from ${blind}): the more the policy shows, the fewer clicks each ad earns.`
        : 'Revenue fell, but the users’ measured blindness did not rise beyond its noise over these days, so they do not show why.'
      : value === 'same'
        ? `The change is within the ${percent(l.revenue.noise, 2)} that revenue moves by from day to day, so these days do not show a trend.`
        : blind
          ? `Revenue rose on this world, although the users’ measured blindness rose from ${blind}: the extra ads earned more than the attention they cost over these days.`
          : 'Revenue rose on this world, and the users’ measured blindness did not rise beyond its noise: they tolerated the extra ads over these days.';
  return { value, text, why };
}

/**
 * Step 12: revenue over the kept policy's days, against the baseline serving the same requests
 * (the holdback). The mechanism is named only when the users' measured blindness rose.
 */
export function holdbackRevenueTruth(h: HoldbackClaim): PredictionTruth {
  const value = h.revenue.direction === 'rose' ? 'up' : h.revenue.direction === 'fell' ? 'down' : 'same';
  const text = `${h.revenue.firstRatio.toFixed(2)}× → ${h.revenue.lastRatio.toFixed(2)}× the baseline’s revenue on the same requests (${h.revenue.change >= 0 ? 'up' : 'down'} ${percent(Math.abs(h.revenue.change), 2)})`;
  const blind = h.blindness?.direction === 'rose' ? `${percent(h.blindness.first, 2)} to ${percent(h.blindness.last, 2)}` : null;
  const why =
    value === 'down'
      ? blind
        ? `Each irrelevant ad teaches users to ignore ads (their measured blindness rose from ${blind}): the more irrelevant ads the policy shows, the fewer clicks each ad earns.`
        : 'Revenue fell against the baseline, but the users’ measured blindness did not rise beyond its noise, so these days do not show why.'
      : value === 'same'
        ? `The change is within the ${percent(h.revenue.noise, 2)} that the ratio moves by from day to day, so these days do not show a trend.`
        : 'Revenue rose against the baseline on this world: users tolerated the extra ads over these days.';
  return { value, text, why };
}

/** Step 12: the paired comparison's verdict. */
export function winnerTruth(s: SwitchClaim, recovered?: { first: number; last: number } | null): PredictionTruth {
  const value = s.outcome === 'won' ? 'ctr' : s.outcome === 'lost' ? 'impressions' : 'tie';
  const text = `${dollars(s.total)} (95% interval ${dollars(s.low)} to ${dollars(s.high)})`;
  // The mechanism is named only when the CTR policy's users' measured blindness fell beyond its noise.
  const why =
    value === 'ctr'
      ? recovered
        ? `Fewer, better ads: its users’ measured blindness fell from ${percent(recovered.first, 2)} to ${percent(recovered.last, 2)}, so each ad shown earns more, and the interval lies above zero.`
        : 'The interval lies above zero: over these days the CTR policy earned more on the same requests.'
      : value === 'impressions'
        ? 'On this world the extra ads earned more than the trust they cost, and the interval lies below zero.'
        : 'The interval contains zero: over these days neither policy earns measurably more.';
  return { value, text, why };
}

/** Step 12: where the CTR policy's difference comes from, read from the four parts the arms measure. */
export function switchSourceTruth(parts: SwitchParts, total: number): PredictionTruth {
  const value = largestPart(parts, total);
  const names = { load: 'the ad load', label: 'the click label', bids: 'ranking by bid', freshness: 'refitting on recent days' } as const;
  const text = (Object.keys(names) as (keyof SwitchParts)[]).map((k) => `${names[k]} ${dollars(parts[k])}`).join(', ');
  const why = `The parts add up to the CTR policy’s ${dollars(total)}: ${names[value]} is the largest ${total >= 0 ? 'gain' : 'loss'} of the four, each measured by an arm that changes one thing on the same requests.`;
  return { value, text, why };
}
