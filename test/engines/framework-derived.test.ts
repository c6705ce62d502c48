import { describe, expect, it } from 'vitest';
import { designCrmFields } from '../../src/engines/crm/index.js';
import { designStages, FRAMEWORK_SUMMARIES } from '../../src/engines/pipeline/index.js';
import { FRAMEWORKS } from '../../src/engines/qualification/frameworks/index.js';

const stages = designStages({ model: 'inside', framework: 'bant' });

describe('framework summaries and CRM picklists derived from the rubrics', () => {
  describe.each(FRAMEWORKS.map((f) => [f.name, f] as const))('%s', (_name, framework) => {
    const summary = FRAMEWORK_SUMMARIES[framework.id];
    const opportunity = designCrmFields({ stages, framework: framework.id, leadSources: [] }).find(
      (o) => o.category === 'Opportunity',
    );

    it.each(framework.criteria.map((c) => [c.id, c] as const))(
      'offers every level the scorecard can record for %s in the CRM picklist',
      (id, criterion) => {
        const field = opportunity?.fields.find((f) => f.name === `${id}_status`);
        expect(field?.picklistValues).toBeDefined();
        for (const level of criterion.levels) {
          const at = field?.picklistValues?.indexOf(level.id) ?? -1;
          expect(at, `${framework.id}.${id} is missing "${level.id}"`).toBeGreaterThanOrEqual(0);
          expect(field?.picklist?.[at]).toBe(level.label);
        }
        expect(field?.picklistValues).toHaveLength(criterion.levels.length);
      },
    );

    it('names only criteria the rubric has, in its summary and its gates', () => {
      const ids = framework.criteria.map((c) => c.id);
      expect(summary.criteria.map((c) => c.id)).toEqual(ids);
      for (const list of Object.values(summary.gates ?? {})) {
        for (const id of list ?? []) expect(ids).toContain(id);
      }
      for (const list of Object.values(framework.gates)) {
        for (const id of list ?? []) expect(ids, `gate names "${id}"`).toContain(id);
      }
    });
  });
});
