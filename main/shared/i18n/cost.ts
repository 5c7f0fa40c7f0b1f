// An estimated cost as every surface writes it: `$0.02 · ¥0.10`, cents for a cent or more, two
// significant digits below (a few prompts cost $0.0000068, not $0.00).

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', CNY: '¥' };

/**
 * An amount in its currency: `$3.50`, `¥11.19`, `EUR 2.00`; a refund or a credit is negative and
 * says so before the symbol (`-¥11.19`, as a bill writes it).
 */
export function formatMoney(currency: string, amount: number): string {
  const size = Math.abs(amount);
  const digits = size >= 0.01 || size === 0 ? size.toFixed(2) : Number(size.toPrecision(2)).toString();
  return `${amount < 0 && digits !== '0.00' ? '-' : ''}${SYMBOLS[currency] ?? `${currency} `}${digits}`;
}

/** Each currency's amount, dollars first; '' when there is none. */
export const formatCost = (cost: Readonly<Partial<Record<string, number>>>): string =>
  Object.entries(cost)
    .sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))
    .map(([currency, amount]) => formatMoney(currency, amount ?? 0))
    .join(' · ');
