// The account's spend as msk reads it: amounts from the service parsed as decimals or refused, a
// month checked, a bill's groups made rows by model (what is not a model one "other" row), the
// trend by month, and money written with its sign and currency.
import { describe, expect, it } from 'vitest';
import { billMonth, billOf, monthsBefore, parseAmount, trendOf } from '../../main/core/account/spend.js';
import type { MskError } from '../../main/core/base/errors.js';
import { formatCost, formatMoney } from '../../main/shared/i18n/cost.js';

describe('spend: amounts', () => {
  it('parses decimals as the service writes them, negatives and thousands included', () => {
    expect(parseAmount('11.19', 'totalAmount')).toBe(11.19);
    expect(parseAmount('-3.50', 'totalAmount')).toBe(-3.5);
    expect(parseAmount('1,234.56', 'AvailableAmount')).toBe(1234.56);
    expect(parseAmount(' 0 ', 'taxAmount')).toBe(0);
    expect(parseAmount(7.25, 'amount')).toBe(7.25);
  });

  it('refuses what is no amount, naming the field and never the value', () => {
    for (const value of [
      'NaN',
      '',
      '1e3',
      '12,34',
      '0x10',
      'Infinity',
      '--1',
      '1.2.3',
      null,
      undefined,
      {},
      Number.NaN,
    ])
      expect(() => parseAmount(value, 'groups[0].amount'), String(value)).toThrowError(
        expect.objectContaining({
          code: 'service-refused',
          message: "Alibaba Cloud's answer has no amount in 'groups[0].amount'.",
        }) as MskError,
      );
  });
});

describe('spend: months', () => {
  const now = new Date(2026, 11, 5);

  it('defaults to this month and takes any month up to it', () => {
    expect(billMonth(undefined, now)).toBe('2026-12');
    expect(billMonth('2026-12', now)).toBe('2026-12');
    expect(billMonth('2019-01', now)).toBe('2019-01');
  });

  it('refuses a month that is none, or has not come, clearly', () => {
    expect(() => billMonth('2026-13', now)).toThrow(
      "A month is written YYYY-MM (e.g. 2026-12), not '2026-13'.",
    );
    expect(() => billMonth('2026-1', now)).toThrow(/written YYYY-MM/);
    expect(() => billMonth('2027-01', now)).toThrow('2027-01 has not come yet: there is no bill for it.');
  });

  it('counts months back across a year', () => {
    expect(monthsBefore('2026-02', 6)).toBe('2025-08');
  });
});

describe('spend: the bill by model', () => {
  it("makes rows by model, tax included, what is not a model (or past the top) one '' row", () => {
    const bill = billOf(
      {
        data: {
          currency: 'CNY',
          totalAmount: '120.00',
          pretaxAmount: '113.21',
          taxAmount: '6.79',
          groups: [
            { key: 'qwen-plus', amount: '60.00', percentage: '0.5' },
            { key: 'DIMENSION_GROUP_OTHERS_VALUE', amount: '10.00' },
            { key: 'a model\u202e with bidi', amount: '5.00' },
            { key: 'qwen-max', amount: '30.00' },
          ],
        },
      },
      '2026-12',
    );
    expect(bill).toMatchObject({ month: '2026-12', currency: 'CNY', total: 120, pretax: 113.21, tax: 6.79 });
    expect(bill.byModel).toEqual([
      { model: 'qwen-plus', amount: 60, share: 0.5 },
      { model: 'qwen-max', amount: 30, share: 0.25 },
      // 10 + 5 named as groups, 15 more the total has beyond its groups.
      { model: '', amount: 30, share: 0.25 },
    ]);
  });

  it('keeps a refund negative and refuses a bill without a currency or a total', () => {
    const refund = billOf(
      { data: { currency: 'USD', totalAmount: '-3.50', pretaxAmount: '-3.50', taxAmount: '0', groups: [] } },
      '2026-11',
    );
    expect(refund).toMatchObject({ total: -3.5, byModel: [] });
    expect(() =>
      billOf({ data: { totalAmount: '1', pretaxAmount: '1', taxAmount: '0' } }, '2026-11'),
    ).toThrow("Alibaba Cloud's answer has no currency.");
    expect(() => billOf({}, '2026-11')).toThrow(/no amount in 'totalAmount'/);
  });

  it("reads the trend's months oldest first, skipping periods that are none", () => {
    expect(
      trendOf({
        data: {
          resultByTime: [
            { period: '202612', total: { amount: '2.00' } },
            { period: '202611', total: { amount: '1.50' } },
            { period: 'soon', total: { amount: '9' } },
          ],
        },
      }),
    ).toEqual([
      { month: '2026-11', amount: 1.5 },
      { month: '2026-12', amount: 2 },
    ]);
  });
});

describe('money', () => {
  it('writes yuan and dollars with two decimals, a negative sign before the symbol', () => {
    expect(formatMoney('CNY', 11.19)).toBe('¥11.19');
    expect(formatMoney('CNY', -11.19)).toBe('-¥11.19');
    expect(formatMoney('USD', -3.5)).toBe('-$3.50');
    expect(formatMoney('USD', 0)).toBe('$0.00');
    expect(formatMoney('EUR', 2)).toBe('EUR 2.00');
  });

  it('keeps two significant digits below a cent, either sign', () => {
    expect(formatMoney('USD', 0.0000068)).toBe('$0.0000068');
    expect(formatMoney('USD', -0.0042)).toBe('-$0.0042');
    expect(formatCost({ CNY: 0.1, USD: -0.02 })).toBe('-$0.02 · ¥0.10');
  });
});
