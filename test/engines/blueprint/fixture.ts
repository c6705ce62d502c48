import type { Design } from '../../../src/engines/design.js';

/** A mid-market B2B SaaS company with a hybrid sales team and a BANT process, every value given. */
export function saasDesign(): Design {
  return {
    business: 'Northwind Analytics',
    model: 'hybrid',
    overview: {
      cycleDays: 54,
      currentCvr: 11,
      targetCvr: 15,
      health: {
        score: 8,
        parts: [
          { name: 'Coverage', weight: 0.4, value: 9, detail: '3.2x quota covered, 3.0x needed' },
          { name: 'Win rate', weight: 0.3, value: 7, detail: '21% against a 25% target' },
          { name: 'Velocity', weight: 0.3, value: 8, detail: '$1,850 a day' },
        ],
      },
      status: 'On track',
    },
    icp: {
      industries: ['B2B SaaS', 'Fintech', 'Logistics'],
      companySize: '200-2,000 employees',
      annualRevenue: '$20M–$250M',
      geography: ['North America', 'United Kingdom'],
      painPoints: [
        'Forecasts miss by more than 20%',
        'Reps spend hours a week on manual CRM updates',
        'No shared definition of a qualified lead',
      ],
      buyingTriggers: ['New VP of Sales or RevOps hire', 'Series B or later funding round'],
    },
    leadSources: [
      { name: 'Inbound demo requests', volumePerMonth: 140, quality: 'High', cac: 180 },
      { name: 'Outbound SDR', volumePerMonth: 1260, quality: 'Med', cac: 420 },
      { name: 'Partner referrals', volumePerMonth: 35, quality: 'High', cac: 90 },
      { name: 'Webinars', volumePerMonth: 90, quality: 'Low', cac: 150 },
    ],
    qualification: {
      framework: 'bant',
      frameworkName: 'BANT',
      reason: 'Mid-market deals with a short cycle: budget and authority decide most of them.',
      criteria: [
        {
          name: 'Budget',
          requirement: '$25,000 a year set aside or creatable',
          questions: ['What budget is set aside for this?', 'Who else has to approve the spend?'],
        },
        {
          name: 'Authority',
          requirement: 'VP of Sales or RevOps lead involved',
          questions: ['Who signs off on a purchase like this?'],
        },
        {
          name: 'Need',
          requirement: 'Forecast accuracy or CRM hygiene is a named priority',
          questions: ['What happens if forecasts stay this far off?'],
        },
        {
          name: 'Timeline',
          requirement: 'Decision within this quarter',
          questions: ['When do you need this running?'],
        },
      ],
      minimum: { score: 3, max: 4 },
      conditions: [],
    },
    stages: [
      { name: 'Lead', exitCriteria: 'Contact made', probability: 10, journey: 'awareness' },
      { name: 'Qualified', exitCriteria: 'BANT confirmed', probability: 25, journey: 'consideration' },
      { name: 'Discovery', exitCriteria: 'Pain mapped', probability: 40, journey: 'consideration' },
      { name: 'Proposal', exitCriteria: 'Quote sent', probability: 60, journey: 'decision' },
      { name: 'Negotiation', exitCriteria: 'Terms agreed', probability: 80, journey: 'decision' },
      { name: 'Closed Won', exitCriteria: 'Contract signed', probability: 100, journey: 'purchase' },
    ],
    funnel: [
      { stage: 'Lead', percent: 100 },
      { stage: 'Qualified', percent: 58 },
      { stage: 'Discovery', percent: 41 },
      { stage: 'Proposal', percent: 27 },
      { stage: 'Negotiation', percent: 18 },
      { stage: 'Closed Won', percent: 11 },
    ],
    crm: {
      objects: [
        {
          category: 'Contact',
          required: 'Yes',
          fields: [
            { name: 'Email', type: 'email', required: true, automatic: false, description: 'Work e-mail' },
            { name: 'Phone', type: 'phone', required: false, automatic: false, description: 'E.164 format' },
            { name: 'Title', type: 'text', required: true, automatic: false, description: 'Job title' },
          ],
        },
        {
          category: 'Company',
          required: 'Yes',
          fields: [
            { name: 'Domain', type: 'url', required: true, automatic: false, description: 'Website domain' },
            {
              name: 'Employees',
              type: 'number',
              required: true,
              automatic: false,
              description: 'Headcount band for ICP fit',
            },
          ],
        },
        {
          category: 'Opportunity',
          required: 'Yes',
          fields: [
            {
              name: 'Stage',
              type: 'picklist',
              required: true,
              automatic: false,
              picklist: [
                'Lead',
                'Qualified',
                'Discovery',
                'Proposal',
                'Negotiation',
                'Closed Won',
                'Closed Lost',
              ],
              description: 'Current pipeline stage',
            },
            {
              name: 'Amount',
              type: 'currency',
              required: true,
              automatic: false,
              description: 'Annual value',
            },
          ],
        },
        {
          category: 'Activity',
          required: 'Auto',
          fields: [
            {
              name: 'Last touch',
              type: 'date',
              required: false,
              automatic: true,
              description: 'Set by sync',
            },
          ],
        },
      ],
      automation: [
        {
          trigger: 'Deal idle 14 days',
          condition: 'Stage is Proposal',
          action: 'Create a follow-up task for the owner',
        },
      ],
      hygiene: [{ id: 'email-format', description: 'Every contact e-mail is a valid address' }],
      reports: [{ name: 'Pipeline by stage', definition: 'Sum of open amount grouped by stage, weekly' }],
    },
    followUp: {
      steps: [
        {
          step: 1,
          channel: 'Email',
          day: 2,
          template: {
            subject: 'Forecasts at {{company}}',
            body: 'Hi {{first_name}},\n\nQuick follow-up on forecasts.',
          },
        },
        {
          step: 2,
          channel: 'Call',
          day: 4,
          template: { body: 'Ask about {{pain_point}}; offer a 20-minute review.' },
        },
        {
          step: 3,
          channel: 'Email',
          day: 7,
          template: {
            subject: 'A number worth checking',
            body: 'Hi {{first_name}},\nteams like yours cut misses by half.',
          },
        },
        {
          step: 4,
          channel: 'LinkedIn',
          day: 10,
          template: { body: 'Connect with a note about {{company}}.' },
        },
        {
          step: 5,
          channel: 'Break-up',
          day: 14,
          template: { subject: 'Closing the loop', body: 'Should I stop reaching out, {{first_name}}?' },
        },
      ],
    },
    metrics: [
      { name: 'MQL to SQL', unit: 'percent', target: 30, current: 26, trend: 'up' },
      { name: 'SQL to Opp', unit: 'percent', target: 55, current: 48, trend: 'down' },
      { name: 'Close Rate', unit: 'percent', target: 25, current: 21, trend: 'flat' },
      { name: 'Avg Deal', unit: 'currency', target: 45000, current: 42000, trend: 'up' },
    ],
    recommendations: [
      { title: 'Tighten discovery', detail: 'Qualified to Discovery loses the most money.', impact: 52000 },
      { title: 'Speed up proposals', detail: 'Proposals wait 9 days for pricing approval.', impact: 31000 },
    ],
    assumptions: [],
  };
}

/** The same company when the intake left the cycle, the industries, the lead sources and a metric target out. */
export function assumedDesign(): Design {
  const design = saasDesign();
  design.assumptions = [
    { path: 'cycle.averageDays', value: '60', reason: 'typical for a hybrid sales team' },
    { path: 'icp.industries', value: 'B2B companies (not yet narrowed)', reason: 'no industries given' },
    { path: 'leadSources', value: 'Inbound website, Outbound prospecting', reason: 'no lead sources given' },
    { path: 'metrics.closeRate.target', value: '22', reason: 'typical for mid-market deals' },
    { path: 'deal.motion', value: 'consultative', reason: 'typical for a hybrid sales team' },
  ];
  return design;
}

/** The fixed time every rendering in these tests uses. */
export const NOW = '2026-11-24T09:00:00Z';
