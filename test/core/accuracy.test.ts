import { describe, expect, it } from 'vitest';
import { CALIBRATION_CASES } from '../../src/core/calibration/cases.js';
import { CasePredictor } from '../../src/core/calibration/evaluate.js';
import { fitProfile } from '../../src/core/calibration/fit.js';
import { FITTED } from '../../src/core/calibration/fitted.js';
import { predictWithDefaults, summarise } from '../../src/core/calibration/report.js';
import { DEFAULT_ENGINE, ENGINE_PROFILES, estimate } from '../../src/core/index.js';
import { request } from './helpers.js';

const FITTED_ENGINES = ENGINE_PROFILES.filter((e) => e !== 'IDEAL');

describe('accuracy against published measurements', () => {
  const defaults = predictWithDefaults(CALIBRATION_CASES, DEFAULT_ENGINE);

  it('default profile: median batch-1 TPOT error at most 15%', () => {
    const batchOne = defaults.filter((r) => r.case.batchSize === 1);
    const s = summarise(batchOne, 'TPOT_SECONDS');
    expect(s?.cases).toBeGreaterThanOrEqual(5);
    expect(s?.medianAbsoluteError).toBeLessThanOrEqual(0.15);
  });

  it('default profile: median TTFT error at most 25%', () => {
    const s = summarise(defaults, 'TTFT_SECONDS');
    expect(s?.cases).toBeGreaterThanOrEqual(3);
    expect(s?.medianAbsoluteError).toBeLessThanOrEqual(0.25);
  });

  it.each(FITTED_ENGINES)('%s: no case is off by more than 3x', (engine) => {
    for (const r of predictWithDefaults(CALIBRATION_CASES, engine)) {
      const factor = Math.max(r.predicted / r.case.measured, r.case.measured / r.predicted);
      expect(
        factor,
        `${r.case.id}: measured ${r.case.measured}, predicted ${r.predicted}`,
      ).toBeLessThanOrEqual(3);
    }
  });

  it('ideal roofline mode is never slower than calibrated mode on any case', () => {
    const predictor = new CasePredictor();
    for (const c of CALIBRATION_CASES) {
      if (c.metric === 'MEMORY_BYTES') continue;
      const ideal = predictor.predict(c, 'IDEAL');
      const real = predictor.predict(c, c.engine);
      if (c.metric === 'OUTPUT_TOKENS_PER_SECOND') expect(ideal).toBeGreaterThanOrEqual(real);
      else expect(ideal).toBeLessThanOrEqual(real);
    }
  });
});

describe('fitted defaults', () => {
  it.each(FITTED_ENGINES)('%s stays physical: efficiencies in (0, 1], overheads >= 0', (engine) => {
    const profile = FITTED[engine];
    for (const tuning of [profile.tuning, ...Object.values(profile.byGeneration)]) {
      for (const [key, value] of Object.entries(tuning)) {
        if (key.endsWith('Efficiency')) {
          expect(value).toBeGreaterThan(0);
          expect(value).toBeLessThanOrEqual(1);
        } else expect(value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('fitted.ts is what `npm run calibrate` produces from the current cases', () => {
    const base = fitProfile(CALIBRATION_CASES, 'OPTIMIZED').tuning;
    for (const engine of FITTED_ENGINES) {
      const fresh = fitProfile(CALIBRATION_CASES, engine, base).tuning;
      for (const [key, value] of Object.entries(fresh)) {
        // fitted.ts keeps 4 significant digits
        const shipped = FITTED[engine].tuning[key as keyof typeof fresh];
        expect(Math.abs(shipped - value), `${engine}.${key}: ${shipped} vs ${value}`).toBeLessThanOrEqual(
          Math.abs(value) * 5e-4,
        );
      }
    }
  });

  it('ranges bracket the prediction and collapse in IDEAL mode', () => {
    const e = estimate(request('llama-3-8b', 'h100-sxm5-80gb'));
    const tpot = e.timing.timePerOutputTokenSeconds;
    const range = e.range('TIME_PER_OUTPUT_TOKEN');
    expect(range.low).toBeLessThanOrEqual(tpot);
    expect(range.high).toBeGreaterThanOrEqual(tpot);
    expect(range.high).toBeGreaterThan(range.low);
    const spread = FITTED.OPTIMIZED.ranges.TIME_PER_OUTPUT_TOKEN;
    expect(range.low).toBeCloseTo(tpot * Math.min(spread?.p10 ?? 1, 1), 15);
    const ideal = estimate(request('llama-3-8b', 'h100-sxm5-80gb', { engine: 'IDEAL' }));
    const t = ideal.timing.timePerOutputTokenSeconds;
    expect(ideal.range('TIME_PER_OUTPUT_TOKEN')).toEqual({ low: t, high: t });
  });
});
