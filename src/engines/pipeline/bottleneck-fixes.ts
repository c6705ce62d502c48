import type { JourneyPhase } from '../types.js';

export type BottleneckView = 'conversion' | 'time' | 'money';

/** Recommended fixes, first match wins: by the view that flagged the stage and the stage's buyer phase. */
export const BOTTLENECK_FIXES: { view: BottleneckView; journeys?: JourneyPhase[]; fix: string }[] = [
  {
    view: 'conversion',
    journeys: ['awareness'],
    fix: 'Tighten targeting to the ICP and reach new leads within the hour; disqualify fast instead of carrying them.',
  },
  {
    view: 'conversion',
    journeys: ['consideration'],
    fix: "Coach discovery with the framework's questions and qualify out earlier, so fewer deals stall after qualifying.",
  },
  {
    view: 'conversion',
    journeys: ['decision'],
    fix: 'Multi-thread to the economic buyer and agree a mutual close plan before the quote goes out.',
  },
  {
    view: 'time',
    journeys: ['awareness'],
    fix: 'Set a speed-to-lead rule: first touch the same day, then the follow-up sequence, no gaps.',
  },
  {
    view: 'time',
    journeys: ['consideration'],
    fix: 'Book the next meeting before every call ends; task the owner when a deal sits past the median.',
  },
  {
    view: 'time',
    journeys: ['decision'],
    fix: 'Set a decision date with the buyer, map the paper process early and escalate deals past p90.',
  },
  {
    view: 'money',
    fix: 'Review every loss at this stage weekly and fix the most frequent loss reason first.',
  },
  {
    view: 'conversion',
    fix: 'Write sharper exit criteria for this stage and review each deal against them.',
  },
  { view: 'time', fix: 'Give this stage a time limit and an owner task at the median day.' },
];

/** The first fix that matches the view and the stage's buyer phase. */
export function fixFor(view: BottleneckView, journey: JourneyPhase): string {
  const rule = BOTTLENECK_FIXES.find(
    (r) => r.view === view && (r.journeys === undefined || r.journeys.includes(journey)),
  );
  return rule?.fix ?? 'Review the deals in this stage with their owners.';
}
