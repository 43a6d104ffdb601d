/**
 * `outpost doctor`'s Tier 3 model check on Hugging Face export folders: a folder whose only graph
 * is model_quantized.onnx is accepted (as the worker loads it), and what the worker needs beside
 * the model (model.json, or config.json with labels and tokenizer.json) is reported.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkModelAndGeoip } from '../../cli/doctor.js';
import { buildModel } from '../classifier/helpers.js';

const modelFindings = (dir: string) => checkModelAndGeoip({ DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: dir }).filter((f) => f.check.startsWith('model'));

describe('outpost doctor, Tier 3 model', () => {
  it('accepts an export folder whose only model is model_quantized.onnx', () => {
    const dir = buildModel('--export', 'deberta', '--task', 'sequence');
    rmSync(join(dir, 'model.onnx'));
    const [model, files] = modelFindings(dir);
    expect(model).toMatchObject({ check: 'model', severity: 'ok' });
    expect(model!.message).toContain(join(dir, 'model_quantized.onnx'));
    expect(files).toMatchObject({ check: 'model-files', severity: 'ok' });
    expect(files!.message).toContain('2 labels');
  });

  it('prefers model.onnx when both are there, as the worker does', () => {
    const dir = buildModel('--export', 'bert', '--task', 'token');
    expect(modelFindings(dir)[0]!.message).toContain(join(dir, 'model.onnx'));
  });

  it('warns when the export lacks tokenizer.json, or config.json lacks labels', () => {
    const dir = buildModel('--export', 'roberta', '--task', 'sequence');
    rmSync(join(dir, 'tokenizer.json'));
    expect(modelFindings(dir)[1]).toMatchObject({ severity: 'warn', message: expect.stringContaining('no tokenizer.json') });
    writeFileSync(join(dir, 'config.json'), '{"architectures":["RobertaForSequenceClassification"]}');
    expect(modelFindings(dir)[1]).toMatchObject({ severity: 'warn', message: expect.stringContaining('no id2label') });
  });

  it('warns about a bare model with nothing to describe it, and about no model at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-doctor-model-'));
    expect(modelFindings(dir)).toEqual([expect.objectContaining({ check: 'model', severity: 'warn' })]);
    expect(modelFindings(dir)[0]!.message).toContain('model_quantized.onnx');
    writeFileSync(join(dir, 'model_quantized.onnx'), Buffer.alloc(16));
    expect(modelFindings(dir)[1]).toMatchObject({ severity: 'warn', message: expect.stringContaining('neither model.json nor config.json') });
  });
});
