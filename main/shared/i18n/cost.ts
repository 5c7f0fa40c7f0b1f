// An estimated cost as every surface writes it: `$0.02 · ¥0.10`, cents for a cent or more, two
// significant digits below (a few prompts cost $0.0000068, not $0.00).

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', CNY: '¥' };

export const formatMoney = (currency: string, amount: number): string =>
  `${SYMBOLS[currency] ?? `${currency} `}${
    amount >= 0.01 || amount === 0 ? amount.toFixed(2) : Number(amount.toPrecision(2)).toString()
  }`;

/** Each currency's amount, dollars first; '' when there is none. */
export const formatCost = (cost: Readonly<Partial<Record<string, number>>>): string =>
  Object.entries(cost)
    .sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))
    .map(([currency, amount]) => formatMoney(currency, amount ?? 0))
    .join(' · ');
