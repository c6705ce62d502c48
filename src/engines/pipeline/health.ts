import { InputError } from '../../errors.js';
import type { HealthScore } from '../design.js';
import { clamp, round1 } from './stats.js';

/**
 * Figures the health score can use; each part applies only when its figures are present, so the score
 * works from intake answers alone (conversion, close rate, cycle) as well as from imported deals
 * (close rate, coverage, cycle or velocity, stuck share, freshness). Rates are 0–100.
 */
export interface HealthInputs {
  /** Lead-to-customer conversion now and its target. */
  conversion?: { current: number; target: number };
  /** Close (win) rate now and its target. */
  closeRate?: { current: number; target: number };
  /** Open pipeline, the quota still to reach, and the win rate that sets the coverage needed. */
  coverage?: { openPipeline: number; remainingQuota: number; winRate: number };
  /** Sales velocity (money per day) now and in the previous period; preferred over `cycle` for Speed. */
  velocity?: { current: number; previous: number };
  /** Cycle length now and the target or benchmark, in days. */
  cycle?: { days: number; targetDays: number };
  /** Open deals past their stage's p90, out of all open deals. */
  stuck?: { stuck: number; open: number };
  /** Open deals that moved recently and whose close date is not past, out of all open deals. */
  freshness?: { fresh: number; open: number };
}

type Measure = { value: number; detail: string } | undefined;

const ratio = (current: number, target: number) => (target <= 0 ? 1 : clamp(current / target, 0, 1));

/** Share of a target reached, scored so a target met is 10 and one missed is at most 6 (6 × share). */
const MISSED_CAP = 6;
const versus = (current: number, target: number) => {
  const share = ratio(current, target);
  return share >= 1 ? 10 : MISSED_CAP * share;
};

/** The parts of Pipeline Health, each scored 0–10 and weighted; the order is the display order. */
export const HEALTH_PARTS: { name: string; weight: number; measure: (i: HealthInputs) => Measure }[] = [
  {
    name: 'Conversion vs target',
    weight: 0.25,
    measure: ({ conversion: c }) =>
      c && {
        value: versus(c.current, c.target),
        detail: `${c.current}% against a target of ${c.target}%`,
      },
  },
  {
    name: 'Close rate vs target',
    weight: 0.2,
    measure: ({ closeRate: c }) =>
      c && {
        value: versus(c.current, c.target),
        detail: `${round1(c.current)}% against a target of ${c.target}%`,
      },
  },
  {
    name: 'Coverage vs needed',
    weight: 0.2,
    measure: ({ coverage: c }) => {
      if (c === undefined) return undefined;
      if (c.remainingQuota <= 0) return { value: 10, detail: 'quota already reached' };
      if (c.winRate <= 0) return { value: 0, detail: 'no deals won yet, so no pipeline is enough' };
      const has = c.openPipeline / c.remainingQuota;
      const needed = 100 / c.winRate;
      return {
        value: versus(has, needed),
        detail: `${round1(has)}× coverage, ${round1(needed)}× needed`,
      };
    },
  },
  {
    name: 'Speed',
    weight: 0.15,
    measure: ({ velocity: v, cycle: c }) => {
      if (v !== undefined && v.previous > 0) {
        return {
          value: 10 * ratio(v.current, v.previous),
          detail: `velocity ${round1(v.current)}/day, was ${round1(v.previous)}/day`,
        };
      }
      return (
        c && {
          value: versus(c.targetDays, c.days),
          detail: `${round1(c.days)}-day cycle against ${c.targetDays} days`,
        }
      );
    },
  },
  {
    name: 'Stage balance',
    weight: 0.1,
    measure: ({ stuck: s }) =>
      s && s.open > 0
        ? {
            value: 10 * clamp(1 - s.stuck / s.open / 0.5, 0, 1),
            detail: `${s.stuck} of ${s.open} open deals past their stage's p90`,
          }
        : undefined,
  },
  {
    name: 'Data freshness',
    weight: 0.1,
    measure: ({ freshness: f }) =>
      f && f.open > 0
        ? { value: (10 * f.fresh) / f.open, detail: `${f.fresh} of ${f.open} open deals up to date` }
        : undefined,
  },
];

/**
 * Pipeline Health out of 10: score = Σ wᵢ·vᵢ ÷ Σ wᵢ over the parts whose figures are present, one decimal.
 * A part measured against a target scores 10 when the target is met and 6·share when it is missed, so a
 * business that misses every target scores at most 6. Parts (weight, value 0–10): conversion vs target
 * (0.25, share = current ÷ target); close rate vs target (0.20, same); coverage vs needed (0.20, share =
 * coverage ÷ (1 ÷ win rate)); speed (0.15, 10·min(1, velocity ÷ last period's velocity), else against
 * the target with share = target days ÷ cycle days); stage balance
 * (0.10, 10·max(0, 1 − 2·stuck share): half the open deals stuck scores 0); data freshness (0.10,
 * 10·fresh share). Reported weights are each part's share after absent parts are left out.
 */
export function pipelineHealth(inputs: HealthInputs): HealthScore {
  const measured = HEALTH_PARTS.flatMap((part) => {
    const m = part.measure(inputs);
    return m === undefined ? [] : [{ name: part.name, weight: part.weight, ...m }];
  });
  const total = measured.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) {
    throw new InputError(
      'Pipeline health needs at least one figure: conversion, close rate, coverage, cycle or velocity, stuck deals or freshness.',
    );
  }
  const score = measured.reduce((sum, p) => sum + (p.weight / total) * p.value, 0);
  return {
    score: round1(score),
    parts: measured.map((p) => ({
      name: p.name,
      weight: Math.round((p.weight / total) * 100) / 100,
      value: round1(p.value),
      detail: p.detail,
    })),
  };
}
