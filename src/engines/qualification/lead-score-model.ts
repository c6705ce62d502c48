/** The default lead-scoring model: fit rules, engagement points (Pardot defaults), grades and stage thresholds. */

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'individual'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Who the lead is; anything left out counts as unknown. */
export interface LeadFitFacts {
  /** 0–100, from scoreIcpFit. */
  icpFit?: number | undefined;
  seniority?: Seniority | undefined;
  email?: string | undefined;
  competitor?: boolean | undefined;
  student?: boolean | undefined;
}

/** What the fit rules see: the facts plus the e-mail domain, already checked. */
export interface FitView extends LeadFitFacts {
  domain?: string | undefined;
}

export interface FitRule {
  id: string;
  label: string;
  /** Points and why, or undefined when the rule does not apply to this lead. */
  score: (facts: FitView) => { points: number; detail: string } | undefined;
}

export interface EngagementRule {
  type: string;
  label: string;
  points: number;
  /** False for signals that stay true however old they are, such as an unsubscribe. */
  decays: boolean;
}

export type GradeLetter = 'A' | 'B' | 'C' | 'D';
export type LeadStage = 'lead' | 'mql' | 'sql';

export interface LeadScoringModel {
  id: string;
  version: string;
  /** Engagement points halve every this many days. */
  halfLifeDays: number;
  fit: readonly FitRule[];
  engagement: readonly EngagementRule[];
  /** Best first; fit below every entry grades D (every prospect starts at D). */
  letters: readonly { letter: Exclude<GradeLetter, 'D'>; minFit: number }[];
  /** Best first; engagement below every entry gets digit 3. */
  digits: readonly { digit: 1 | 2; minEngagement: number }[];
  /** Checked in order; the first met decides, else the lead stays a lead. */
  stages: readonly {
    stage: Exclude<LeadStage, 'lead'>;
    minTotal: number;
    minGrade: GradeLetter;
    describe: string;
  }[];
}

export const PERSONAL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.ru',
  'qq.com',
  '163.com',
]);

/** Academic domains: `.edu`, `.edu.au`, `.ac.uk` and the like. */
export const isAcademicDomain = (domain: string) => /(^|\.)(edu|ac)(\.[a-z]{2})?$/.test(domain);

const SENIORITY_POINTS: Record<Seniority, number> = {
  c_level: 30,
  vp: 25,
  director: 20,
  manager: 10,
  individual: 0,
};

export const DEFAULT_LEAD_SCORING_MODEL: LeadScoringModel = {
  id: 'default',
  version: '1.0.0',
  halfLifeDays: 30,
  fit: [
    {
      id: 'icp-fit',
      label: 'ICP fit',
      score: (f) =>
        f.icpFit === undefined
          ? { points: 0, detail: 'ICP fit not known; counts 0' }
          : { points: Math.round(f.icpFit * 0.6), detail: `ICP fit ${f.icpFit}/100 × 0.6` },
    },
    {
      id: 'seniority',
      label: 'Seniority',
      score: (f) =>
        f.seniority === undefined
          ? { points: 0, detail: 'seniority not known; counts 0' }
          : { points: SENIORITY_POINTS[f.seniority], detail: f.seniority.replace('_', '-') },
    },
    {
      id: 'business-email',
      label: 'Business e-mail',
      score: (f) =>
        f.domain && !PERSONAL_DOMAINS.has(f.domain) && !isAcademicDomain(f.domain)
          ? { points: 10, detail: `company domain ${f.domain}` }
          : undefined,
    },
    {
      id: 'personal-email',
      label: 'Personal e-mail',
      score: (f) =>
        f.domain && PERSONAL_DOMAINS.has(f.domain)
          ? { points: -15, detail: `personal domain ${f.domain}` }
          : undefined,
    },
    {
      id: 'student',
      label: 'Student',
      score: (f) => {
        if (f.student) return { points: -30, detail: 'marked as a student' };
        if (f.domain && isAcademicDomain(f.domain))
          return { points: -30, detail: `academic domain ${f.domain}` };
        return undefined;
      },
    },
    {
      id: 'competitor',
      label: 'Competitor',
      score: (f) => (f.competitor ? { points: -100, detail: 'works for a competitor' } : undefined),
    },
  ],
  engagement: [
    { type: 'form_submit', label: 'Form submitted', points: 50, decays: true },
    { type: 'demo_request', label: 'Demo requested', points: 100, decays: true },
    { type: 'page_view', label: 'Page viewed', points: 1, decays: true },
    { type: 'link_click', label: 'Tracked link clicked', points: 3, decays: true },
    { type: 'email_click', label: 'E-mail link clicked', points: 3, decays: true },
    { type: 'file_download', label: 'File downloaded', points: 3, decays: true },
    { type: 'email_open', label: 'E-mail opened', points: 0, decays: true },
    { type: 'webinar_attended', label: 'Webinar attended', points: 20, decays: true },
    { type: 'event_attended', label: 'In-person event attended', points: 40, decays: true },
    { type: 'form_error', label: 'Form error', points: -5, decays: true },
    { type: 'opportunity_created', label: 'Opportunity created', points: 50, decays: true },
    { type: 'opportunity_lost', label: 'Opportunity lost', points: -100, decays: true },
    { type: 'unsubscribe', label: 'Unsubscribed', points: -50, decays: false },
    // What a sales team records itself: a reply is the lead writing back, as a form success (+50) is;
    // a rep's qualification stands for a conversation, scored as an online event (+20).
    { type: 'follow_up_reply', label: 'Replied to a follow-up', points: 50, decays: true },
    { type: 'rep_qualification', label: 'Qualified by a rep', points: 20, decays: true },
  ],
  letters: [
    { letter: 'A', minFit: 75 },
    { letter: 'B', minFit: 50 },
    { letter: 'C', minFit: 25 },
  ],
  digits: [
    { digit: 1, minEngagement: 60 },
    { digit: 2, minEngagement: 20 },
  ],
  stages: [
    { stage: 'sql', minTotal: 150, minGrade: 'B', describe: 'total 150 or more with grade B or better' },
    { stage: 'mql', minTotal: 100, minGrade: 'B', describe: 'total 100 or more with grade B or better' },
  ],
};
