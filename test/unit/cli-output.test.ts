import { describe, expect, it } from 'vitest';
import { displayWidth, table } from '../../main/cli/output.js';

describe('msk tables', () => {
  it('measures text as a terminal shows it', () => {
    expect(displayWidth('personal')).toBe(8);
    expect(displayWidth('团队')).toBe(4);
    expect(displayWidth('🔑 prod')).toBe(7);
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('ＡＢ')).toBe(4);
  });

  it('keeps columns aligned with CJK and emoji labels', () => {
    const lines = table(
      ['LABEL', 'REGION'],
      [
        ['personal', 'Singapore'],
        ['团队密钥', 'Singapore'],
        ['🔑 prod', 'Singapore'],
      ],
    ).split('\n');
    const columns = lines.map((line) => {
      const [label = ''] = line.split(/(?=REGION|Singapore)/);
      return displayWidth(label);
    });
    expect(new Set(columns).size).toBe(1);
  });
});
